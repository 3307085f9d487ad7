"""The spans of a `doc.spans` group that start in a token range, without a pass over the group.

Iterating a SpanGroup builds a new Span for every item, so a stage that filters a group once per
sentence or per event costs sentences x spans: quadratic in the text (a 300,000-character article
spent most of the events stage here). The group's starts are read once per doc, sorted, and kept in
`doc._.dl_span_starts` (plain ints, so the doc stays serialisable); each call bisects them.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)


def spans_starting_in(doc: Doc, group: str, start: int, end: int) -> list[Span]:
    """Spans of `doc.spans[group]` with start in [start, end), by start (ties in group order)."""
    if group not in doc.spans:
        return []
    spans = doc.spans[group]
    if doc._.dl_span_starts is None:
        doc._.dl_span_starts = {}
    cached = doc._.dl_span_starts.get(group)
    if cached is None or cached[0] != id(spans) or cached[1] != len(spans):  # a group replaced or grown
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        cached = (id(spans), len(spans), [spans[i].start for i in order], order)
        doc._.dl_span_starts[group] = cached
    _, _, starts, order = cached
    return [spans[order[k]] for k in range(bisect_left(starts, start), bisect_left(starts, end))]
