"""Furniture removal measured line by line on pages we did not write (issue 14).

Two public sets (../shared/bench/html, see its PROVENANCE.md) give the article body of real pages:
- Scrapinghub AEB: 181 pages with their gold `articleBody`;
- trafilatura's English news pages: per page `with` (body) and `without` (boilerplate) snippets.
Each page becomes the plain text a scraper gives (`scraped.scraped_lines`, one visible block a line) and
each line gets a label: `body` (its text is part of the gold body / of a `with` snippet), `furniture`
(none of it is in the body / it is part of a `without` snippet), or none (cannot tell: a short line whose
words also occur in the body, a line that mixes both, the page's own headline). `dateline.clean` then
decides every line as it does for a text input, and we count furniture lines removed and body lines kept.
"inside" counts only lines between a page's first and last body line (captions, related headlines,
subheads, credits: the furniture a scraped article keeps); "all" adds the menus and footers around it.

The pages are split by a seeded hash of their key, fixed before any page was looked at: tuning reads
only the `read` half; the `never-read` half is scored to report, never to choose.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..documents import english_share
from .scraped import decode_html, scraped_lines

Part = Literal["read", "never-read"]
Label = Literal["body", "furniture"]
PARTS: tuple[Part, ...] = ("read", "never-read")
SPLIT_SEED = "dateline-furniture-split-2026-12-08"
ENGLISH = 0.08  # as `documents.make_document`: a page whose body is not English would be rejected, not cleaned
_TOKEN = re.compile(r"\w+")
SHORT = 5  # a line of fewer words that occurs in the body may be a word of it by chance: not labelled
# A heading-like body line (short, no sentence end: "Power and Performance", "US FALLS") is body for the
# sets but a subhead for us (issue 14 counts subheads as furniture): not labelled either way.
HEADING_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]$")


def part_of(page_key: str) -> Part:
    """Half the pages of each set are never read; by page, so a site's template stays on one side."""
    digest = hashlib.sha256(f"{SPLIT_SEED}\n{page_key}".encode("utf-8")).hexdigest()
    return "never-read" if int(digest[:8], 16) % 2 == 0 else "read"


@dataclass(frozen=True, slots=True)
class LabelledLine:
    text: str
    label: Label
    inside: bool  # between the page's first and last body line


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    lines: tuple[str, ...]  # every scraped line, in page order (what the cleaner sees)
    labels: tuple[Label | None, ...]  # one per line; None: not decided

    def labelled(self) -> list[tuple[int, LabelledLine]]:
        body_at = [i for i, lab in enumerate(self.labels) if lab == "body"]
        first, last = (body_at[0], body_at[-1]) if body_at else (0, -1)
        return [(i, LabelledLine(self.lines[i], lab, first <= i <= last))
                for i, lab in enumerate(self.labels) if lab is not None]


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def _contains(hay: str, needle: str) -> bool:
    return f" {needle} " in f" {hay} "


def label_against_body(lines: list[str], body: str, headline: str | None) -> list[Label | None]:
    """AEB: body when the line's words run in the gold body, furniture when (almost) none of its
    4-word runs do."""
    body_toks = _tokens(body)
    body_str = " ".join(body_toks)
    paragraphs = {" ".join(_tokens(p)) for p in body.split("\n") if p.strip()}
    body_grams = _ngrams(body_toks, 4)
    head = " ".join(_tokens(headline or ""))
    out: list[Label | None] = []
    for line in lines:
        toks = _tokens(line)
        joined = " ".join(toks)
        if not toks or (head and joined == head):
            out.append(None)
            continue
        if _contains(body_str, joined):
            out.append(_body_or_heading(line, len(toks) >= SHORT or joined in paragraphs))
            continue
        if len(toks) < 4:
            out.append("furniture")
            continue
        grams = _ngrams(toks, 4)
        shared = len(grams & body_grams) / len(grams)
        out.append("furniture" if shared < 0.2 else None)
    return out


def _body_or_heading(line: str, sure: bool) -> Label | None:
    if not sure or (len(line.split()) < HEADING_WORDS and not _SENTENCE_END.search(line.strip())):
        return None
    return "body"


def label_against_snippets(lines: list[str], with_: list[str], without: list[str]) -> list[Label | None]:
    """trafilatura's set: a line holding a snippet, or held in one, takes the snippet's side."""
    body = [" ".join(_tokens(s)) for s in with_]
    furn = [" ".join(_tokens(s)) for s in without]
    out: list[Label | None] = []
    for line in lines:
        joined = " ".join(_tokens(line))
        if not joined:
            out.append(None)
            continue
        is_body = any(s and (_contains(joined, s) or (_contains(s, joined) and len(joined.split()) >= SHORT))
                      for s in body)
        is_furn = any(s and (_contains(joined, s) or _contains(s, joined)) for s in furn)
        out.append(_body_or_heading(line, True) if is_body and not is_furn else
                   "furniture" if is_furn and not is_body else None)
    return out


def _headline(html: bytes) -> str | None:
    """The page's own headline (first <h1>, else og:title): the document's title, neither body nor furniture."""
    import lxml.html

    tree = lxml.html.fromstring(decode_html(html))
    for xpath in ("//h1", '//meta[@property="og:title"]/@content'):
        for hit in tree.xpath(xpath):
            text = hit if isinstance(hit, str) else hit.text_content()
            if text and text.strip():
                return text.strip()
    return None


def pages(bench: Path, part: Part | None = None) -> Iterator[Page]:
    """The labelled pages of both sets (of one part, when given), AEB first, each in key order."""
    aeb = bench / "scrapinghub-aeb"
    gold = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        page_key = f"aeb:{key}"
        if part and part_of(page_key) != part:
            continue
        if english_share(gold[key]["articleBody"]) < ENGLISH:
            continue
        html = gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes())
        lines = scraped_lines(html)
        yield Page(page_key, tuple(lines), tuple(label_against_body(lines, gold[key]["articleBody"], _headline(html))))
    news = bench / "trafilatura-eval-en-news"
    entries = json.loads((news / "evaldata-en-news.json").read_text(encoding="utf-8"))
    for key in sorted(entries):
        page_key = f"en-news:{key}"
        if part and part_of(page_key) != part:
            continue
        entry = entries[key]
        html = (news / "html" / entry["file"]).read_bytes()
        lines = scraped_lines(html)
        labels = label_against_snippets(lines, entry["with"], entry["without"])
        head = " ".join(_tokens(_headline(html) or ""))
        labels = [None if head and " ".join(_tokens(t)) == head else lab for t, lab in zip(lines, labels)]
        yield Page(page_key, tuple(lines), tuple(labels))


@dataclass(frozen=True, slots=True)
class Decision:
    page: str
    text: str
    label: Label
    inside: bool
    reason: str | None  # why the cleaner dropped the line; None: kept


def decisions(bench: Path, part: Part | None = None, from_markup: bool = False) -> list[Decision]:
    """The cleaner's decision on every labelled line of the pages of `part`."""
    from ..clean import line_reasons

    out = []
    for page in pages(bench, part):
        reasons = line_reasons(list(page.lines), from_markup)
        out += [Decision(page.key, ll.text, ll.label, ll.inside, reasons[i]) for i, ll in page.labelled()]
    return out


def figures(found: list[Decision]) -> dict[str, dict]:
    """Furniture lines removed and body lines kept, inside the article and over the whole page."""
    out: dict[str, dict] = {}
    for scope, keep in (("inside", lambda d: d.inside), ("all", lambda d: True)):
        ds = [d for d in found if keep(d)]
        furn = [d for d in ds if d.label == "furniture"]
        body = [d for d in ds if d.label == "body"]
        out[f"furniture lines removed ({scope})"] = _ratio(sum(d.reason is not None for d in furn), len(furn))
        if scope == "inside":
            out["body lines kept"] = _ratio(sum(d.reason is None for d in body), len(body))
    out["pages"] = {"n": len({d.page for d in found})}
    return out


def _ratio(ok: int, n: int) -> dict:
    return {"ok": ok, "n": n, "ratio": round(ok / n, 3) if n else None}
