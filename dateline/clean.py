"""Cleaning plain text: keep the article body, drop page furniture line by line.

Each dropped line is kept as data (`RemovedLine(text, reason)`), so a user can
audit what was cut. The rules are ordered; the first that fires names the reason.
A line is only ever dropped whole, never edited, so the cleaned text is the
body lines as they were.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .types import RemovedLine

_FINAL_PUNCT = (".", "!", "?", '"', "”", "'", "’", "…", ":", ";", ")", "»")

# (reason, compiled pattern matched against the stripped line)
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("separator", r"^[-_=*•·~#]{3,}$"),
        ("related-link", r"^(related( (stories|articles|coverage|content))?|read (more|also|next)|see also|also read|more|recommended|more from \w+)\s*[:|»>-]"),
        ("related-link", r"^(related|read more|see also|more stories|recommended( for you)?|most read|trending|top stories)$"),
        ("subscription-prompt", r"(sign up (for|to)|subscribe (to|now|for)|newsletter|delivered to your inbox|in your inbox|free trial|already a subscriber|create an? (free )?account|download (our|the) app|enable javascript|turn on notifications)"),
        ("photo-credit", r"^(image|photo|photograph|picture|caption|pictured|file photo)\b.{0,300}\b(credit|getty|reuters|afp|ap photo|epa|associated press|shutterstock|photograph)\b"),
        ("photo-credit", r"^(photo|photograph|image|credit|picture)( credit)?\s*:"),
        ("photo-credit", r"\((photo|image|credit)s?:[^)]*\)$|\b(getty images|afp via getty|ap photo/|reuters/[a-z]+|epa-efe)\S*$"),
        # a caption paragraph that ends in its agency credit: "... on Sunday. (AP Photo/Jane Doe)"
        ("photo-credit", r"\((ap|afp|reuters|epa|xinhua|anadolu)( via getty images)?( photo| images?)?\s*/[^)]{1,80}\)$"),
        ("media-label", r"^(video|watch|audio|listen|photos?|gallery|graphic|advertisement|ad|sponsored|play video)(\s*[:|-].{0,80})?$"),
        ("share-buttons", r"^((share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|pinterest|copy( the)? link|save|comments?|x)( (this|on|via) ?(article|story|page|facebook|twitter|email)?)?[\s|·•/]*)+$"),
        ("credit-line", r"(contributed (to )?(this )?report|^contributing:|^additional reporting by|^(reporting|writing|editing) by\b|^editing by)"),
        ("byline", r"^by\s+[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}(\s*(,|and)\s*[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3})*(\s*[,|/-]\s*[\w .]{0,40})?$"),
        ("byline", r"^(the )?(associated press|ap|reuters|afp|usa today|bloomberg|cnn|bbc news|al jazeera|agence france-presse|staff( and agencies)?|(.{0,40} )?staff writer|(.{0,40} )?correspondent)$"),
        ("pull-quote", r"^[\"“].{5,400}[\"”]\s*[—–-]{1,2}\s*\S.{0,120}$"),
        ("copyright", r"^(©|copyright\b|\(c\) \d{4}|all rights reserved)"),
    )
)

# An agency photo caption glued to the start of a paragraph by a scraper:
# "Protesters march past the embassy in Tehran, Iran, Sunday, Jan. 12, 2020. <body...>"
_GLUED_CAPTION = re.compile(
    r"^[A-Z].{20,400}?, (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.\s+(?=[A-Z“\"])"
)
_NAME_LINE = re.compile(r"^[A-Z][a-zA-Z'’.-]+( [A-Z][a-zA-Z'’.-]+){1,3}$")
_ALL_CAPS = re.compile(r"^[A-Z0-9 &'’.,-]{2,40}$")


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    removed: tuple[RemovedLine, ...]


def normalise(raw: str) -> str:
    """Line endings and trailing spaces only: character content is never changed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def classify_line(line: str, next_line: str | None, from_markup: bool = False) -> str | None:
    """The reason to drop `line`, or None to keep it. `next_line` is the next non-empty line.

    `from_markup`: the text comes from an HTML extractor, which already dropped link boxes;
    only the explicit rules apply, not the guesses from a line's shape.
    """
    s = line.strip()
    if not s:
        return None
    for reason, pattern in _LINE_RULES:
        if pattern.search(s):
            if reason == "subscription-prompt" and len(s.split()) > 40:
                continue  # a long paragraph that mentions a newsletter is body text
            return reason
    if from_markup:
        return None
    if _ALL_CAPS.match(s) and len(s.split()) <= 4 and not s.endswith("."):
        return "byline"  # "USA TODAY", "WASHINGTON" alone on a line
    if _NAME_LINE.match(s) and len(s.split()) <= 4 and _is_continuation(next_line) is False:
        return "byline"  # a lone name line: "Jane Doe"
    if _looks_like_headline(s, next_line):
        return "related-headline"
    return None


def _is_continuation(next_line: str | None) -> bool:
    """True when the next line continues this one (a hard-wrapped paragraph)."""
    return bool(next_line) and next_line.lstrip()[:1].islower()


def _looks_like_headline(s: str, next_line: str | None) -> bool:
    words = s.split()
    if s.endswith(_FINAL_PUNCT) or s.endswith(","):
        return False
    if _is_continuation(next_line):
        return False
    if len(words) > 30:
        return False
    return len(words) >= 2 or s[:1].isupper()


def clean_text(raw: str, from_markup: bool = False) -> CleanText:
    """Drop furniture lines; keep body lines and paragraph breaks as they were."""
    lines = normalise(raw).split("\n")
    kept: list[str] = []
    removed: list[RemovedLine] = []
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    next_of = {i: (lines[j] if j is not None else None) for i, j in zip(nonempty, nonempty[1:] + [None])}
    for i, line in enumerate(lines):
        caption = _GLUED_CAPTION.match(line)
        if caption:
            removed.append(RemovedLine(text=caption.group(0).strip(), reason="photo-caption"))
            line = line[caption.end():]
        reason = classify_line(line, next_of.get(i), from_markup)
        if reason is None:
            kept.append(line)
        else:
            removed.append(RemovedLine(text=line.strip(), reason=reason))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return CleanText(text=text, removed=tuple(removed))
