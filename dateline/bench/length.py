"""Time against article length: does any stage grow faster than the text?

Articles of 10,000 to 1,000,000 characters are generated here from our own sentence
templates (towns, officials, figures and quotes rotate, so names recur as in a long
report), and each goes through the whole dateline NLP (`annotate_batch`, no time budget)
and through the bare spaCy pipeline, in the same process, shortest first.

The figure that matters is the growth: seconds per 1,000 characters at each length divided
by the same at the shortest length. A pipeline linear in the text stays near 1.0 (both
columns are measured in one run, so the machine's load cancels out of the ratio, not out of
the seconds). Peak resident memory is the process's high-water mark after each length.
"""
from __future__ import annotations

import math
import resource
import time
from dataclasses import dataclass

LENGTHS = (10_000, 30_000, 100_000, 300_000, 1_000_000)

_TOWNS = ("Marlow", "Calder", "Riverton", "Ashby", "Halden", "Norbury", "Westfield", "Kelso")
_PEOPLE = ("Anna Berg", "Tomas Reyes", "Leila Haddad", "Owen Price", "Mira Patel", "Jon Dale")
_SENTENCES = (
    "Police in {town} said on Monday that {n} people were arrested after clashes near the market.",
    "The mayor of {town}, {person}, told reporters that the army would help clear the roads.",
    "\"We will not leave until the bridge is rebuilt,\" said {person}, a teacher from {town}.",
    "Rebels shelled the outskirts of {town} overnight, killing {n} civilians, the health ministry said.",
    "Officials in {town} and {town2} agreed on Friday to resume talks on the water supply.",
    "Protesters marched through {town} on Saturday to demand higher wages, witnesses said.",
)


def article(length: int) -> str:
    """Paragraphs of our template sentences, cut at a sentence end at or before `length` characters."""
    parts, size, i = [], 0, 0
    while True:
        template = _SENTENCES[i % len(_SENTENCES)]
        sentence = template.format(town=_TOWNS[i % len(_TOWNS)], town2=_TOWNS[(i + 3) % len(_TOWNS)],
                                   person=_PEOPLE[(i // 2) % len(_PEOPLE)], n=2 + i % 37)
        sep = "\n\n" if i % 4 == 0 and i else " "
        if size + len(sep) + len(sentence) > length:
            return "".join(parts)
        parts.append((sep if i else "") + sentence)
        size += len(parts[-1])
        i += 1


@dataclass
class LengthRow:
    chars: int
    dateline_seconds: float
    spacy_seconds: float
    peak_mb: float


@dataclass
class LengthResult:
    model: str
    rows: list[LengthRow]

    def markdown(self) -> str:
        base = self.rows[0]
        per_k = lambda seconds, chars: 1000 * seconds / chars  # noqa: E731
        out = [f"model {self.model}; growth = seconds per 1,000 characters / the same at "
               f"{base.chars:,} characters (1.0: linear)", "",
               "| characters | dateline s | growth | bare spaCy s | growth | dateline / spaCy | peak RSS MB |",
               "|---:|---:|---:|---:|---:|---:|---:|"]
        for r in self.rows:
            out.append(
                f"| {r.chars:,} | {r.dateline_seconds:.1f} "
                f"| {per_k(r.dateline_seconds, r.chars) / per_k(base.dateline_seconds, base.chars):.2f} "
                f"| {r.spacy_seconds:.1f} | {per_k(r.spacy_seconds, r.chars) / per_k(base.spacy_seconds, base.chars):.2f} "
                f"| {r.dateline_seconds / r.spacy_seconds:.2f} | {r.peak_mb:.0f} |")
        return "\n".join(out)


def run_length_bench(model: str, lengths: tuple[int, ...] = LENGTHS) -> LengthResult:
    import spacy

    from ..documents import make_document
    from ..inputs import RawInput
    from ..pipeline import annotate_batch, load_nlp
    from ..settings import resolve_model
    from ..types import Document

    nlp = load_nlp(model)
    bare = spacy.load(resolve_model(model))
    warm = article(2_000)  # first calls load lookups and caches: not part of any length's figure
    annotate_batch(nlp, [make_document(RawInput("warm-up", warm))], budget=math.inf)
    bare(warm)
    rows = []
    for length in sorted(lengths):
        document = make_document(RawInput(f"generated-{length}", article(length)))
        assert isinstance(document, Document), document
        start = time.perf_counter()
        (record,) = annotate_batch(nlp, [document], budget=math.inf)
        dateline_seconds = time.perf_counter() - start
        if not hasattr(record, "document"):
            raise RuntimeError(f"the {length:,}-character article was rejected: {record}")
        start = time.perf_counter()
        bare(document.text)
        spacy_seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(LengthRow(len(document.text), dateline_seconds, spacy_seconds, peak))
    return LengthResult(model, rows)
