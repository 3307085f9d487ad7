"""From a RawInput to a Document (cleaned text, stable id, checked metadata) or a Rejected."""
from __future__ import annotations

import hashlib
import re
from datetime import date

from .clean import clean_text
from .errors import BadArgument, RejectedInput
from .inputs import MAX_CHARS, RawInput
from .safe_text import unstorable
from .timex.dateline import published_from_dateline
from .types import Document, Rejected

# Words so frequent in English news that a text without them is not English.
_ENGLISH = frozenset(
    "the of and to in a is that for on was with he it as at by said from his an be has have are were "
    "but not they this who had its which after been their will would more".split()
)


def parse_published(value: str | None) -> str | None:
    """Validate an ISO date (a datetime is cut to its day). Raises BadArgument when malformed."""
    if value is None or not str(value).strip():
        return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        raise BadArgument(f"publication date {s!r} is not an ISO date (YYYY-MM-DD)")
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise BadArgument(f"publication date {s!r} is not a real day: {exc}") from None
    if not 1800 <= d.year <= date.today().year + 1:
        raise BadArgument(f"publication date {s!r} is out of range")
    return d.isoformat()


def english_share(text: str) -> float:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


def make_document(raw: RawInput, published: str | None = None) -> Document | Rejected:
    """`published` (from the command line) overrides the input's own field."""
    try:
        pub = parse_published(published) or parse_published(raw.published)
    except BadArgument as exc:
        return Rejected(raw.origin, "parse_error", str(exc))
    if len(raw.text) > MAX_CHARS:  # checked before cleaning, which only ever removes characters
        return Rejected(raw.origin, "too_large", f"an article of {len(raw.text):,} characters; "
                                                 f"the limit is {MAX_CHARS:,} characters per article")
    for field in ("text", "title", "url", "outlet"):  # before the hash, which encodes the text as UTF-8
        bad = unstorable(getattr(raw, field))
        if bad:
            return Rejected(raw.origin, "encoding", f"the {field} holds {bad}: not storable text")
    cleaned = clean_text(raw.text, from_markup=raw.from_markup)
    if not cleaned.text.strip():
        return Rejected(raw.origin, "empty", "nothing left after cleaning")
    words = len(cleaned.text.split())
    if words >= 20 and english_share(cleaned.text) < 0.08:
        return Rejected(raw.origin, "language", "the text does not look like English")
    if pub is None:
        pub = dated_dateline(cleaned.text)
    return Document(
        id=document_id(cleaned.text),
        origin=raw.origin,
        text=cleaned.text,
        url=raw.url,
        title=raw.title,
        outlet=raw.outlet,
        published=pub,
        language="en",
        removed=cleaned.removed,
    )


def document_id(text: str) -> str:
    """The stable id of an article: the hash of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare(text: str, published: str | date | None = None, url: str | None = None, title: str | None = None,
            outlet: str | None = None, origin: str = "<text>") -> Document:
    """One text as `dateline extract` reads it: cleaned, checked, dated (the wire dateline's date
    when `published` is not given). Raises RejectedInput when it is not an article to read."""
    if isinstance(published, date):
        published = published.isoformat()
    made = make_document(RawInput(origin=origin, text=text, url=url, title=title, outlet=outlet), published)
    if isinstance(made, Rejected):
        raise RejectedInput(made)
    return made


def dated_dateline(text: str) -> str | None:
    """The day of an opening wire dateline, only when it states its year.

    "KYIV, Dec 18 (Reuters) -" has no year: guessing one from today's date would
    invent a value for an archived article, so such a text keeps published=None.
    """
    day = published_from_dateline(text)
    return day if day and day[:4] in text[:200] else None
