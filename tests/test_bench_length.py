"""`dateline bench --length`: the generated articles and the table (the speed figures live in docs/benchmarks.md)."""
from __future__ import annotations

from dateline.bench.length import article, run_length_bench


def test_generated_articles_have_the_asked_length_and_recurring_names():
    for length in (10_000, 100_000):
        text = article(length)
        assert length - 200 < len(text) <= length
        assert text.count("Marlow") > length // 2_000  # names recur, as in a long report
        assert "\n\n" in text


def test_length_bench_measures_each_length_against_the_shortest(model_name):
    result = run_length_bench(model_name, (2_000, 4_000))
    assert [row.chars for row in result.rows] == [len(article(2_000)), len(article(4_000))]
    table = result.markdown()
    assert "| 1.00 |" in table.splitlines()[4]  # the shortest is the base of the growth column
    assert all(row.dateline_seconds > 0 and row.spacy_seconds > 0 for row in result.rows)
