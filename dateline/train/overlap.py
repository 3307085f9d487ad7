"""Evaluation texts a training item must not share: PLOVER GSR, CASE 2021, event location (all
records of the zip, the RELABEL part and the rest), WikiEvents test. An item is dropped when its
normalised words equal an evaluation sentence's or share a run of SHINGLE words with any of them."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

SHINGLE = 8
WORD = re.compile(r"[a-z0-9]+")


def norm(text: str) -> list[str]:
    return WORD.findall(text.lower())


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def evaluation_texts(shared: Path) -> list[str]:
    bench = shared / "bench" / "events"
    texts = [r["text"] for r in json.loads((bench / "plover/PLOVER_GSR_CAMEO.json").read_text()) if r.get("text")]
    rows = (bench / "case2021_task2/test_set_final_release_with_labels.tsv").read_text().splitlines()[1:]
    texts += [r.split("\t")[1] for r in rows if r.count("\t") >= 2]
    with zipfile.ZipFile(bench / "event_location/labeled_text.jsonl.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith("labeled_text.jsonl") and "MACOSX" not in n)
        texts += [r["text"] for r in json.loads(zf.read(name)) if r.get("text")]
    for line in (bench / "wikievents/test.jsonl").read_text().splitlines():
        if line.strip():
            texts.append(" ".join(json.loads(line)["tokens"]))
    return texts


class OverlapFilter:
    def __init__(self, texts: list[str]):
        self.exact = {" ".join(norm(t)) for t in texts}
        self.grams: set[tuple[str, ...]] = set()
        for t in texts:
            words = norm(t)
            if len(words) >= SHINGLE:
                self.grams |= shingles(words)

    def overlaps(self, words: tuple[str, ...]) -> bool:
        w = norm(" ".join(words))
        if " ".join(w) in self.exact:
            return True
        return len(w) >= SHINGLE and not self.grams.isdisjoint(shingles(w))
