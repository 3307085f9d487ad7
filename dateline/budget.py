"""A time budget per article: seconds of NLP spent, checked between pipeline components.

`pipeline.annotate_batch` runs the components one by one through a `Clock`, which charges each
article its share of each component's time; an article over the budget (or, for a long one, sure
to go over it at this process's measured speed) stops there and comes out as Rejected("too_slow"),
so one pathological article never holds up its batch.
"""
from __future__ import annotations

import logging
import math
import time

from spacy.language import Language
from spacy.tokens import Doc

from . import settings
from .types import Document

log = logging.getLogger(__name__)

TIME_BUDGET = 30.0  # seconds of NLP per article; DATELINE_TIME_BUDGET overrides it (0: no limit)
# Only an article this long is stopped on a forecast: a short one's forecast would rest on rates that
# per-call overheads inflate, and it cannot cost much anyway. Every article is stopped once over the budget.
LONG_TOKENS = 20_000
RATE_MIN_TOKENS = 400
# Our own sentences, some 2,000 tokens: measures the pipeline's cost per token in this process before a
# long article (of unknown cost) runs, when nothing has measured it yet.
_CALIBRATION = " ".join(
    ["Police said on Tuesday that two men were arrested after a fire at a warehouse in the north of the city.",
     "The mayor told reporters the army would help clear the roads, and officials said the talks would resume."] * 48)


def time_budget() -> float:
    """TIME_BUDGET, or DATELINE_TIME_BUDGET seconds; 0 or less means no limit."""
    value = settings.get("time_budget")
    seconds = float(value) if value else TIME_BUDGET
    return seconds if seconds > 0 else math.inf


class Clock:
    """Seconds of NLP spent per article, and seconds per token per component measured in this process.

    The check costs a few clock reads per article and component: no thread, no signal. A model
    component (one with `pipe`) runs over the batch and its time is shared by token count (its cost
    is linear in tokens); our components are timed per article. Between components, an article over
    the budget stops; a long one also stops when the rates say it cannot finish within the budget,
    before it spends it (otherwise it overruns by at most the component that crossed the line).
    """

    def __init__(self, nlp: Language, budget: float):
        self.nlp, self.budget = nlp, budget
        self.names = [name for name, _ in nlp.pipeline]
        self.rates = _RATES.setdefault(id(nlp), {})
        self.spent: dict[int, float] = {}
        self.last = 0.0

    def run_one(self, name: str, call, tokens: int, learn: bool = True):
        start = time.perf_counter()
        result = call()
        self.last = time.perf_counter() - start
        if learn and tokens >= RATE_MIN_TOKENS:  # on fewer, fixed per-call costs would pass for a cost per token
            rate, old = self.last / tokens, self.rates.get(name)
            self.rates[name] = rate if old is None else (old + rate) / 2
        return result

    def warm_up(self) -> None:
        """Once per pipeline, untimed: stages load their gazetteer and KB on first use (seconds, minutes
        while a cache is first built), a one-time cost that is no article's."""
        if self.budget == math.inf or id(self.nlp) in _WARM:
            return
        _WARM.add(id(self.nlp))
        try:
            self.nlp(_CALIBRATION[:200])
        except Exception as exc:  # noqa: BLE001 - the articles themselves will meet and report the failure
            log.warning("warming up the pipeline failed: %s", exc)

    def calibrate_for(self, docs: list[Doc]) -> None:
        """A long article and no rates known yet: measure them first, on our own short text."""
        if self.budget == math.inf or all(n in self.rates for n in self.names):
            return
        if any(len(doc) > LONG_TOKENS for doc in docs):
            # Twice: the first pass pays what is left of one-time costs (a cache filled on first use),
            # which are no cost per token; only the second is measured.
            for learn in (False, True):
                doc = self.nlp.make_doc(_CALIBRATION)
                try:
                    for name, proc in self.nlp.pipeline:
                        doc = self.run_one(name, lambda: proc(doc), len(doc), learn=learn)
                except Exception as exc:  # noqa: BLE001 - without rates, only the elapsed time is checked
                    log.warning("measuring the pipeline's speed failed at %s: %s", name, exc)
                    return

    def run_component(self, name: str, proc, live: list[tuple[Document, Doc]]) -> list[tuple[Document, Doc]]:
        """The articles that went through `name`; one it fails on goes to spaCy's error handler."""
        if not live:
            return live
        if not hasattr(proc, "pipe"):
            kept = []
            for d, doc in live:
                try:
                    self.run_one(name, lambda: proc(doc), len(doc))
                except Exception as exc:  # noqa: BLE001 - spaCy's own semantics: the handler drops the article
                    self.nlp.default_error_handler(name, proc, [doc], exc)
                    continue
                self.spent[id(doc)] += self.last
                kept.append((d, doc))
            return kept
        tokens = sum(len(doc) for _, doc in live)
        by_doc = {id(doc): (d, doc) for d, doc in live}
        try:
            out = self.run_one(name, lambda: list(proc.pipe([doc for _, doc in live], batch_size=len(live))), tokens)
        except Exception as exc:  # noqa: BLE001 - a model component failing on the batch fails its articles only
            self.nlp.default_error_handler(name, proc, [doc for _, doc in live], exc)
            return []
        for _, doc in live:
            self.spent[id(doc)] += self.last * len(doc) / max(tokens, 1)
        return [by_doc[id(doc)] for doc in out if id(doc) in by_doc]

    def over_budget(self, doc: Doc, before: str | None) -> str | None:
        """Why `doc` stops before component `before` (None: at the end), or None when it goes on."""
        spent = self.spent[id(doc)]
        if spent > self.budget:
            return f"{spent:.1f} s of NLP, over the budget of {self.budget:g} s per article"
        if before is None or len(doc) <= LONG_TOKENS:
            return None
        expected = spent + len(doc) * sum(self.rates.get(n, 0.0) for n in self.names[self.names.index(before):])
        if expected > self.budget:
            return (f"{len(doc)} tokens: about {expected:.0f} s of NLP expected at this process's measured speed, "
                    f"over the budget of {self.budget:g} s per article")
        return None


_RATES: dict[int, dict[str, float]] = {}  # id(nlp) -> component -> seconds per token, as last measured
_WARM: set[int] = set()  # id(nlp) of the pipelines already warmed up
