"""Resolution on the TR-News gold toponyms, with a pinned floor (slow: the whole corpus)."""
from __future__ import annotations

import pytest

from dateline.evaluate.geo import CORPORA, read_corpus, resolution


@pytest.mark.slow
def test_eval_geo_trnews_resolution_floor(shared_dir):
    path = shared_dir / "bench/geo/gritta-corpora" / CORPORA["TR-News"]
    figures = resolution(read_corpus(path))
    assert figures["n"] > 1000
    assert figures["acc@161km"] >= 0.68  # measured 0.697
