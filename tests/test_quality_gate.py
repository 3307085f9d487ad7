"""Quality gate: the whole-article gold (data we did not write) must not fall below pinned floors.

Floors live in tests/quality_floors.json. Raise them as quality rises; lowering one is a
reviewed change with its reason in the commit message, never a silent edit.
"""
import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


@pytest.fixture(scope="module")
def gold_figures(shared_dir, pipeline):
    from dateline.evaluate.gold import score_gold

    return score_gold(shared_dir, pipeline)


@pytest.mark.parametrize("metric", sorted(FLOORS["gold_dev"]))
def test_quality_gold_dev_floor(gold_figures, metric):
    ratio = gold_figures[metric]["ratio"]
    assert ratio is not None and ratio >= FLOORS["gold_dev"][metric], (metric, ratio)
