"""Sentences that never cross a paragraph break, computed once per doc.

The parser sometimes joins a one-word line ("Video") or a quote paragraph to
the next paragraph's sentence; speaker search must not. `Token.sent` is also
slow (a scan per call), so lookups go through a token -> unit table.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token


class Units:
    def __init__(self, doc: Doc):
        starts: list[int] = []
        for sent in doc.sents:
            starts.append(sent.start)
            for t in sent[1:]:
                if "\n" in doc[t.i - 1].text:
                    starts.append(t.i)
        self.starts = sorted(set(starts)) or [0]
        self.n = len(doc)

    def index(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.starts, i) - 1)

    def bounds(self, k: int) -> tuple[int, int]:
        """Token range [start, end) of unit k."""
        end = self.starts[k + 1] if k + 1 < len(self.starts) else self.n
        return self.starts[k], end

    def of(self, i: int) -> tuple[int, int]:
        return self.bounds(self.index(i))


def units(doc: Doc) -> Units:
    if doc._.dl_quote_units is None:
        doc._.dl_quote_units = Units(doc)
    return doc._.dl_quote_units


def unit_of(tok: Token) -> tuple[int, int]:
    return units(tok.doc).of(tok.i)


def same_unit(a: Token, b: Token) -> bool:
    u = units(a.doc)
    return u.index(a.i) == u.index(b.i)
