"""A web page as the plain text a scraper gives: every visible text block, one per line.

This is the input `dateline extract page.txt` sees when a user saved a page's text rather than its
HTML (the corpus and the unseen web reports are of this kind): menus, captions, related headlines and
footers are lines among the body's paragraphs. Inline elements join their block's line; block elements
and <br> end it. Nothing invisible is kept (scripts, styles, templates, hidden elements).
"""
from __future__ import annotations

import re

# elements whose text a reader never sees
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "canvas",
              "iframe", "object", "embed", "select", "option", "datalist", "textarea"}
# elements that start and end a line of scraped text
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "button", "caption", "center", "dd", "details",
           "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
           "h5", "h6", "header", "hgroup", "hr", "html", "img", "input", "label", "legend", "li", "main", "menu",
           "nav", "ol", "p", "picture", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
           "thead", "tr", "ul", "video", "audio", "time"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def scraped_lines(html: bytes | str) -> list[str]:
    """The page's visible text blocks, whitespace collapsed, empty blocks left out."""
    import lxml.html

    tree = lxml.html.fromstring(decode_html(html))
    parts: list[str] = []
    _walk(tree, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def decode_html(html: bytes | str) -> str:
    """UTF-8 (what both sets are), else Windows-1252; lxml refuses a str that declares its encoding."""
    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            html = html.decode("cp1252", errors="replace")
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html)


def _walk(el, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.split("}")[-1].lower()
    hidden = (not tag or tag in _INVISIBLE or el.get("hidden") is not None or el.get("aria-hidden") == "true"
              or _HIDDEN_STYLE.search(el.get("style") or ""))
    if not hidden:
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(el.text or "")
        for child in el:
            _walk(child, parts)
        if block:
            parts.append("\n")
    parts.append(el.tail or "")  # a hidden element's tail is its parent's visible text
