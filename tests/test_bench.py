"""The bench's timing wrappers must not change what the pipeline produces."""
from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language

from dateline.bench import instrument
from dateline.cli import main

TEXTS = ["The council met on Monday. It voted twice.", "Rain fell all week. The river rose.", "Nothing happened."]


@Language.component("test_bench_fails_on_nothing")
def _fails_on_nothing(doc):
    if doc.text.startswith("Nothing"):
        raise ValueError("this component refuses this text")
    return doc


def test_bench_instrument_keeps_output_and_times_every_component():
    plain = spacy.blank("en")
    plain.add_pipe("sentencizer")
    timed = spacy.blank("en")
    timed.add_pipe("sentencizer")
    clock: dict[str, float] = {}
    instrument(timed, clock)
    expected = [[s.text for s in doc.sents] for doc in plain.pipe(TEXTS, batch_size=2)]
    assert [[s.text for s in doc.sents] for doc in timed.pipe(TEXTS, batch_size=2)] == expected
    assert [s.text for s in timed(TEXTS[0]).sents] == expected[0]
    assert set(clock) == {"tokenizer", "sentencizer"} and all(v > 0 for v in clock.values())


def test_bench_instrument_drops_a_failing_doc_like_spacy_does():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_bench_fails_on_nothing")
    failed = []
    nlp.default_error_handler = lambda name, proc, docs, exc: failed.append((name, docs[0].text))
    instrument(nlp, {})
    assert [d.text for d in nlp.pipe(TEXTS)] == TEXTS[:2]
    assert failed == [("test_bench_fails_on_nothing", "Nothing happened.")]


@pytest.mark.slow  # loads the model twice (bare and dateline)
def test_bench_command_on_a_small_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"text": "The council said on Monday that the bridge would close for repairs in May."},
             {"text": "Police said two men were arrested after a fire at a warehouse near the port."},
             {"title": "no text here"}]
    corpus.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--no-seed"])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "| articles | 2 (" in table
    assert "| ratio dateline / spaCy |" in table
    for stage in ("tokenizer", "ner", "store write"):
        assert f"| {stage} |" in table
