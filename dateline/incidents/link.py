"""Union of compatible reports into incidents, incrementally and deterministically.

`link(existing, new)` takes the stored incidents that new reports may join (with
all their members) and the new reports. Candidate pairs share a blocking key and
involve at least one new report (stored pairs were decided before). Pairs without
a conflict whose evidence score reaches LINK_SCORE become edges; edges are
applied strongest first, and two clusters merge only if no member of one
conflicts with any member of the other (cannot-link), so a chain A~B~C never
joins A with a C it contradicts.

Ids: a stored incident keeps its id. When new evidence joins two stored
incidents, the one whose first report comes first survives and the other is
listed in `merged`. A cluster of new reports only is named after its first
report (`incident_id`), so linking the same data again gives the same ids.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from .compat import MERGE_MEAN, blocking_keys, conflict, linkable, score
from .model import Report

Key = tuple[str, str]


@dataclass
class LinkResult:
    clusters: dict[str, list[Report]]  # incident id -> members (sorted), for every incident given or created
    merged: dict[str, str] = field(default_factory=dict)  # absorbed stored id -> surviving id
    edges: int = 0  # merges applied


def incident_id(first: Report) -> str:
    digest = hashlib.sha1(f"{first.doc_id}/{first.event_id}".encode()).hexdigest()
    return f"inc-{digest[:16]}"


def link(existing: dict[str, list[Report]], new: list[Report]) -> LinkResult:
    stored_of: dict[Key, str] = {r.key: iid for iid, rs in existing.items() for r in rs}
    fresh = sorted({r.key: r for r in new if r.key not in stored_of}.values(), key=lambda r: r.order)
    clusters = _Clusters()
    for iid in sorted(existing):
        clusters.add(existing[iid])
    for r in fresh:
        clusters.add([r])
    applied = 0
    for _, a, b in candidate_edges([r for rs in existing.values() for r in rs], fresh):
        applied += clusters.merge_if_consistent(a.key, b.key)

    result = LinkResult({}, {}, applied)
    for members in clusters.all():
        stored = sorted({stored_of[r.key] for r in members if r.key in stored_of},
                        key=lambda iid: min(r.order for r in existing[iid]))
        iid = stored[0] if stored else incident_id(members[0])
        result.clusters[iid] = members
        result.merged.update({gone: iid for gone in stored[1:]})
    return result


def candidate_edges(stored: list[Report], fresh: list[Report]) -> list[tuple[int, Report, Report]]:
    """Scored pairs (strongest first) that share a blocking key and involve a fresh report."""
    buckets: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for r in stored + fresh:
        for k in blocking_keys(r):
            buckets[k].append(r)
    fresh_keys = {r.key for r in fresh}
    seen: set[tuple[Key, Key]] = set()
    edges = []
    for r in fresh:
        for k in sorted(blocking_keys(r)):
            for other in buckets[k]:
                if other.key == r.key or (other.key in fresh_keys and other.order < r.order):
                    continue  # a pair of fresh reports is scored once, from its earlier member
                pair = (r.key, other.key)
                if pair in seen:
                    continue
                seen.add(pair)
                s = linkable(r, other)
                if s is not None:
                    edges.append((s, *sorted((r, other), key=lambda x: x.order)))
    edges.sort(key=lambda e: (-e[0], e[1].order, e[2].order))
    return edges


class _Clusters:
    """Union-find over report keys that keeps each cluster's members."""

    def __init__(self) -> None:
        self._parent: dict[Key, Key] = {}
        self._members: dict[Key, list[Report]] = {}

    def add(self, reports: list[Report]) -> None:
        reports = sorted(reports, key=lambda r: r.order)
        root = reports[0].key
        for r in reports:
            self._parent[r.key] = root
        self._members[root] = reports

    def find(self, k: Key) -> Key:
        while self._parent[k] != k:
            self._parent[k] = self._parent[self._parent[k]]
            k = self._parent[k]
        return k

    def merge_if_consistent(self, a: Key, b: Key) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        cross = [(x, y) for x in self._members[ra] for y in self._members[rb]]
        if any(conflict(x, y) for x, y in cross):
            return False
        if sum(score(x, y) for x, y in cross) / len(cross) < MERGE_MEAN:
            return False  # one strong pair does not make two groups one: most pairs must agree
        keep, gone = sorted((ra, rb), key=lambda k: self._members[k][0].order)
        self._parent[gone] = keep
        self._members[keep] = sorted(self._members[keep] + self._members.pop(gone), key=lambda r: r.order)
        return True

    def all(self) -> list[list[Report]]:
        return sorted(self._members.values(), key=lambda ms: ms[0].order)
