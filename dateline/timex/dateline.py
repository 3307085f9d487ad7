"""The publication date written in a wire dateline at the start of a text.

    "KYIV, Dec 18 (Reuters) - ..."          -> 12-18 (year from the text, else from `reference`)
    "MINSK, 21 July (BelTA) - ..."          -> 07-21
    "LONDON, Dec. 18, 2022 /PRNewswire/ --" -> 2022-12-18
    "WASHINGTON (AP) — ..."                 -> None (no date in the dateline)

Used when an input comes without a publication date. Wire datelines rarely
carry the year, so the year is taken from `reference` (the date the text was
fetched; today when not given): the latest such day not after it.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .grammar import find_candidates

# PLACE[, Region], DATE [(Agency) | /Agency/] dash; within the first lines only.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s+[A-Z][\w .'’-]{1,40})?),\s+(?P<date>[^()\n/—–-]{3,30}?)\s*"
    r"(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--|-|–|—)",
    re.MULTILINE,
)
_HEAD_CHARS = 400


def published_from_dateline(text: str, reference: date | None = None) -> str | None:
    """ISO date of the dateline that opens `text`, or None when there is none."""
    m = _DATELINE.search(text[:_HEAD_CHARS])
    if m is None:
        return None
    dates = [c for c in find_candidates(m.group(0)) if c.kind == "date"]
    if not dates:
        return None
    parts = dates[0].parts
    try:
        if "year" in parts:
            return date(parts["year"], parts["month"], parts["day"]).isoformat()
        ref = reference or date.today()
        for year in (ref.year, ref.year - 1):
            try:
                day = date(year, parts["month"], parts["day"])
            except ValueError:  # 29 February outside a leap year
                continue
            if day <= ref + timedelta(days=1):  # a dateline can be a few hours ahead of the reader
                return day.isoformat()
    except ValueError:
        return None
    return None
