"""The bench's timing wrappers must not change what the pipeline produces."""
from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language

from dateline.bench.throughput import instrument
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
@pytest.mark.model
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


def test_bench_scale_projection_follows_the_measured_cost():
    from dateline.bench.scale import ScaleResult, ScaleRun

    gib = 2**30
    result = ScaleResult(model="m", articles=100, characters=300_000, batch_size=8, runs=[
        ScaleRun(1, seconds=60.0, stored=100, rejected=0, worker_cpu_seconds=50.0, client_cpu_seconds=2.0,
                 worker_peak_bytes=gib, load=1.0),
        ScaleRun(2, seconds=32.4, stored=100, rejected=0, worker_cpu_seconds=51.0, client_cpu_seconds=2.5,
                 worker_peak_bytes=gib, load=1.0),
    ])
    assert result.seconds_per_article == 0.5
    assert round(result.speedup, 3) == round(60 / 32.4, 3)
    text = result.markdown(monthly=7_200_000)
    assert "1,000 worker-hours a month" in text  # 7.2M x 0.5 s
    assert "| 8 | 125 h (5.2 days) | 8.0 GiB |" in text
    assert "speed-up 2 workers / 1 worker: **1.85x** (wall clock); 1.96x with a core per worker" in text
    assert "client CPU 25 ms per article" in text


@pytest.mark.slow  # starts a local Dask cluster twice and loads the model on each worker
@pytest.mark.model
@pytest.mark.dask
def test_bench_scale_command_on_a_small_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    texts = ["The council said on Monday that the bridge would close for repairs in May.",
             "Police said two men were arrested after a fire at a warehouse near the port.",
             "The ministry said on Friday that extra doctors would go to the northern provinces."]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    result = CliRunner().invoke(main, ["bench", "--scale", "--corpus", str(corpus), "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "articles: 3 (" in table
    assert table.count("| 3 | 0 |") == 2  # both runs stored all three, rejected none
    assert "speed-up 2 workers / 1 worker" in table and "projection for 10,000,000 articles" in table
