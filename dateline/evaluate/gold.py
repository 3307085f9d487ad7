"""Whole-article gold (shared/gold/dev) scored by the shared scorer, with records made in-process."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..inputs import RawInput
from ..pipeline import Pipeline
from ..types import ArticleRecord


def gold_inputs(shared: Path, gold_dir: Path) -> list[tuple[str, RawInput]]:
    """(gold id, input) for every gold file, text taken as the scorer takes it."""
    corpus: dict[str, str] = {}
    out = []
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text())
        if gold.get("input"):
            text = (shared / gold["input"]).read_text()
        else:
            if not corpus:
                for line in (shared / "corpus" / "articles.jsonl").read_text().splitlines():
                    row = json.loads(line)
                    corpus[row["id"]] = row["text"]
            text = corpus[gold["corpus_id"]]
        out.append((gold["id"], RawInput(origin=gold["id"], text=text, published=gold.get("published"))))
    return out


def score_gold(shared: Path, pipeline: Pipeline, gold_dir: Path | None = None, details: bool = False,
               records: dict | None = None) -> dict:
    """The scorer's figures (its --json output) for our records of every gold article; `records`, when
    given, receives each article's record (as the scorer read it) by gold id."""
    gold_dir = gold_dir or shared / "gold" / "dev"
    items = gold_inputs(shared, gold_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for (gid, _), record in zip(items, pipeline.process([raw for _, raw in items])):
            if isinstance(record, ArticleRecord):
                as_dict = record.to_dict()
                Path(tmp, f"{gid}.json").write_text(json.dumps(as_dict, ensure_ascii=False))
                if records is not None:
                    records[gid] = as_dict
        cmd = [sys.executable, str(shared / "tools" / "score.py"), "--gold", str(gold_dir), "--pred", tmp]
        figures = json.loads(subprocess.run(cmd + ["--json"], check=True, capture_output=True, text=True).stdout)
        if details:
            figures["_details"] = subprocess.run(cmd + ["--details"], check=True, capture_output=True, text=True).stdout
    return figures
