"""Deciding whether a new article duplicates a stored one, and of which kind.

`syndicated`: the same story in another outlet or under another URL (wire copy).
`updated`: a later version of the same article: the same URL, or the same outlet
and title. `duplicate_of` is always the earliest stored copy (the root of its
group), so evidence is counted once per group.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .signature import DUPLICATE_SIMILARITY

SAME_URL_SIMILARITY = 0.2  # a page under the same URL is an update unless it shares almost nothing (a hub page)


@dataclass(frozen=True, slots=True)
class StoredCopy:
    doc_id: str
    seq: int  # order in which articles were signed: lower is earlier
    url: str | None
    title: str | None
    outlet: str | None
    root: str  # its own duplicate_of, or its doc_id


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc_id: str
    duplicate_of: str
    similarity: float
    kind: str  # 'syndicated' | 'updated'


def same_version_line(a_url, a_title, a_outlet, b: StoredCopy) -> bool:
    if a_url and b.url and _norm_url(a_url) == _norm_url(b.url):
        return True
    return bool(a_title and a_outlet and b.title and b.outlet
                and _norm(a_title) == _norm(b.title) and _norm(a_outlet) == _norm(b.outlet))


def choose(doc_id: str, url: str | None, title: str | None, outlet: str | None,
           matches: list[tuple[StoredCopy, float]]) -> Duplicate | None:
    """The duplicate row for a new article given stored copies and their estimated similarity."""
    kept = []
    for copy, sim in matches:
        if copy.doc_id == doc_id:
            continue
        updated = same_version_line(url, title, outlet, copy)
        same_url = bool(url and copy.url and _norm_url(url) == _norm_url(copy.url))
        if sim >= DUPLICATE_SIMILARITY or (same_url and sim >= SAME_URL_SIMILARITY):
            kept.append((copy, sim, updated))
    if not kept:
        return None
    # the earliest copy of the group: point at the root of the earliest match
    copy, sim, updated = min(kept, key=lambda t: (t[0].seq, t[0].doc_id))
    kind = "updated" if any(u for _, _, u in kept) else "syndicated"
    best = max(s for _, s, _ in kept)
    return Duplicate(doc_id, copy.root, round(best, 4), kind)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _norm_url(url: str) -> str:
    """Scheme, 'www.', fragment, tracking parameters and a trailing slash do not make another page."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(sorted(q for q in parts.query.split("&") if q and not q.lower().startswith("utm_")))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")
