"""One HTML page becomes a RawInput (article body and metadata) or a Rejected.

The body comes from trafilatura, which drops page furniture (navigation, asides,
footers, related-link boxes, captions); `documents.make_document` then passes it
through `clean_text` like any other text. Metadata comes from the page itself:
title and outlet (trafilatura), URL (`<link rel=canonical>`, then `og:url`) and
publication date (htmldate on meta tags, JSON-LD and the URL only: its extensive
search reads any date in the page, so a "© 2022" footer would become 2022-01-01).
"""
from __future__ import annotations

import logging
from datetime import date
from urllib.parse import urljoin, urlparse

from ..clean import clean_text
from .raw import RawInput
from ..types import Rejected

# trafilatura refuses larger pages anyway (its MAX_FILE_SIZE); a news page with inline
# scripts and styles stays well under it.
MAX_HTML_BYTES = 20_000_000

# Settings measured on the Scrapinghub benchmark (`dateline eval html`): comments are
# not the article; tables stay (casualty figures are often tabulated).
EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "include_images": False,
                   "favor_precision": True, "favor_recall": False}

# trafilatura logs "empty HTML tree" and similar at ERROR for pages we reject anyway;
# the reason reaches the user as a Rejected, so the log line would only be noise.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a stream open an HTML document."""
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return s.startswith((b"<!doctype html", b"<html")) or (s.startswith(b"<!--") and b"<html" in s[:2000])


def html_to_input(origin: str, html: bytes | str, url: str | None = None,
                  published: str | None = None, title: str | None = None) -> RawInput | Rejected:
    """The page's body and metadata. `url`, `published` and `title` given by the caller
    (a feed item, a WARC record) win over what the page says about itself."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if len(html) > MAX_HTML_BYTES:
        return Rejected(origin, "too_large", f"{len(html):,} bytes of HTML; the limit is {MAX_HTML_BYTES:,} bytes per page")
    try:
        tree = load_html(html)
    except (ValueError, TypeError) as exc:
        return Rejected(origin, "parse_error", f"not an HTML document: {exc}")
    if tree is None:
        return Rejected(origin, "parse_error", "not an HTML document")
    page_url = _canonical(tree, url)
    extracted = bare_extraction(tree, url=url or page_url, with_metadata=True,
                                date_extraction_params=_date_params(), **EXTRACT_OPTIONS)
    page_title = _blank_to_none(extracted.title) if extracted else None
    text = _body(extracted.text if extracted else None, page_title)
    if not clean_text(text).text.strip():  # nothing but a menu or a headline: trafilatura's last-resort output
        return Rejected(origin, "no_text", "no article body found in the page")
    return RawInput(
        origin=origin,
        text=text,
        url=url or page_url,
        title=title or page_title,
        published=published or _blank_to_none(extracted.date),
        outlet=_blank_to_none(extracted.sitename),
        from_markup=True,
    )


def _body(extracted: str | None, title: str | None) -> str:
    """Paragraphs separated by a blank line, without the headline (it is the Document's title)."""
    paragraphs = [p.strip() for p in (extracted or "").split("\n") if p.strip()]
    if paragraphs and title and _squash(paragraphs[0]) == _squash(title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _squash(s: str) -> str:
    return " ".join(s.lower().split())


def _date_params() -> dict:
    """htmldate settings: the original (not the updated) date, no guess from free text."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat(),
            "outputformat": "%Y-%m-%d"}


def _canonical(tree, base: str | None) -> str | None:
    """`<link rel=canonical>`, else `og:url`; relative links resolved against `base`."""
    for xpath in ('//head/link[@rel="canonical"]/@href', '//head/meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            candidate = urljoin(base, value.strip()) if base else value.strip()
            if urlparse(candidate).scheme in ("http", "https") and urlparse(candidate).netloc:
                return candidate
    return None


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None
