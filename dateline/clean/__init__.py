"""Cleaning plain text: keep the article body, drop page furniture line by line.

Each dropped line is kept as data (`RemovedLine(text, reason)`), so a user can audit what was cut.
Two layers decide, in order: the rules (`rules.py`: ordered patterns and line shapes, the first that
fires names the reason), then, for a line the rules keep, the learned line model (`line_model.py`),
which drops only where it is very sure and says so ("learned-furniture"). A line is only ever
dropped whole, never edited, so the cleaned text is the body lines as they were.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import RemovedLine
from .line_model import learned_reasons
from .rules import GLUED_CAPTION, MAX_FURNITURE_WORDS, classify_line

__all__ = ["CleanText", "classify_line", "clean_text", "line_reasons", "normalise"]


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    removed: tuple[RemovedLine, ...]


def normalise(raw: str) -> str:
    """Line endings and trailing spaces only: character content is never changed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def line_reasons(lines: list[str], from_markup: bool = False, learned: bool = True) -> list[str | None]:
    """The reason each line is dropped, or None where it is kept; neighbours are the next and
    previous non-empty lines. A glued caption (see `rules.GLUED_CAPTION`) is judged without its caption.
    The learned model (`learned`) judges plain text only: an HTML extractor's output has other shapes."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    next_of = {i: (lines[j] if j is not None else None) for i, j in zip(nonempty, nonempty[1:] + [None])}
    prev_of = {i: (lines[j] if j is not None else None) for i, j in zip(nonempty, [None] + nonempty[:-1])}
    reasons: list[str | None] = []
    for i, line in enumerate(lines):
        caption = GLUED_CAPTION.match(line)
        if caption:
            line = line[caption.end():]
        reasons.append(classify_line(line, next_of.get(i), from_markup, prev_of.get(i)))
    if learned and not from_markup:
        reasons = learned_reasons(lines, reasons)
    if len(nonempty) == 1:  # a lone line is the report itself (a wire flash, a feed item with no body)
        reasons = [None if r in ("related-headline", "learned-furniture") else r for r in reasons]
    # a line of many sentences is body whatever the model says (a scraped page can come as one line)
    return [None if r and len(line.split()) > MAX_FURNITURE_WORDS else r for line, r in zip(lines, reasons)]


def clean_text(raw: str, from_markup: bool = False) -> CleanText:
    """Drop furniture lines; keep body lines and paragraph breaks as they were."""
    lines = normalise(raw).split("\n")
    kept: list[str] = []
    removed: list[RemovedLine] = []
    for line, reason in zip(lines, line_reasons(lines, from_markup)):
        caption = GLUED_CAPTION.match(line)
        if caption:
            removed.append(RemovedLine(text=caption.group(0).strip(), reason="photo-caption"))
            line = line[caption.end():]
        if reason is None:
            kept.append(line)
        else:
            removed.append(RemovedLine(text=line.strip(), reason=reason))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return CleanText(text=text, removed=tuple(removed))
