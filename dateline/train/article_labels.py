"""Whole-article labels we wrote in the gold format (shared/spec/gold-format.md) for the article set of
`article_texts`, and the split that decides which of them anyone may read.

Labellers write gold files with text in them (surfaces, anchors, quote pieces) outside the repository.
`commit` turns every such string into character offsets into the article's text and keeps the text's hash,
so `article_set/labels.jsonl` holds no text; `materialize` rebuilds gold files and texts for the shared scorer.

    python -m dateline.train.article_labels commit /work/helpers/gold-work   # -> article_set/labels.jsonl
    dateline eval articles --part never-read                                  # scores that part

The split (`part`) was fixed by a seeded hash of the article id before any label was written: about half
the articles are never read, and only their figures are quoted as what to expect on unseen reports.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from .article_texts import ArticleText, articles

Part = Literal["read", "never-read"]
LABELS_FILE = Path(__file__).parent / "article_set" / "labels.jsonl"
NEVER_READ_BUCKETS = 5  # of 10


class ArticleLabelError(ValueError):
    """A label that does not fit its text."""


def part(article_id: str) -> Part:
    bucket = int(hashlib.sha1(f"articles:13:{article_id}".encode()).hexdigest(), 16) % 10
    return "never-read" if bucket < NEVER_READ_BUCKETS else "read"


def _occurrences(text: str, surface: str) -> list[int]:
    found, i = [], text.find(surface)
    while i >= 0 and surface:
        found.append(i)
        i = text.find(surface, i + 1)
    return found


def _span(text: str, surface: str, nth: int, where: str) -> list[int]:
    hits = _occurrences(text, surface)
    if len(hits) < nth or nth < 1:
        raise ArticleLabelError(f"{where}: {surface!r} occurs {len(hits)} times, label says occurrence {nth}")
    return [hits[nth - 1], hits[nth - 1] + len(surface)]


# The keys a committed label keeps: the gold format's, plus who labelled it and whence the date. A labeller's
# free-text notes stay out (they may quote the article).
KEYS = {
    "top": {"id", "published", "published_from", "labeller"},
    "entities": {"name", "type", "country", "sector", "surfaces"},
    "places": {"surface", "nth", "lat", "lon", "country", "km"},
    "times": {"surface", "nth", "from", "to", "tolerance_days"},
    "quotes": {"contains", "speaker", "speaker_kind"},
    "events": {"category", "anchor", "actors", "recipients", "place", "from", "to", "time_tolerance_days", "modality",
               "fatalities", "source", "source_kind", "quantities", "unsupported"},
    "optional": {"category", "anchor"},
}


def _only_known(gold: dict) -> dict:
    out = {k: v for k, v in gold.items() if k in KEYS["top"]}
    for section, keys in KEYS.items():
        if section != "top":
            out[section] = [{k: v for k, v in item.items() if k in keys} for item in gold.get(section, [])]
    return out


def to_offsets(gold: dict, text: str) -> dict:
    """A labeller's gold file -> the committed form (every string of the text replaced by its offsets)."""
    gid = gold["id"]
    gold = _only_known(gold)
    out = dict(gold)
    out["entities"] = [{**{k: v for k, v in e.items() if k != "surfaces"},
                        "surface_spans": [_span(text, s, 1, f"{gid} entity {e.get('name')}") for s in e.get("surfaces", [])]}
                       for e in gold.get("entities", [])]
    for key in ("places", "times"):
        out[key] = [{**{k: v for k, v in p.items() if k not in ("surface", "nth")},
                     "span": _span(text, p["surface"], int(p.get("nth", 1)), f"{gid} {key}")}
                    for p in gold.get(key, [])]
    out["quotes"] = [{**{k: v for k, v in q.items() if k != "contains"},
                      "contains_span": _span(text, q["contains"], 1, f"{gid} quote")} for q in gold.get("quotes", [])]
    for key in ("events", "optional"):
        out[key] = [{**{k: v for k, v in e.items() if k != "anchor"},
                     "anchor_span": _span(text, e["anchor"], 1, f"{gid} {key} {e.get('category')}")}
                    for e in gold.get(key, [])]
    return out


def to_gold(label: dict, text: str, input_path: str, kept: Callable[[int], bool] | None = None) -> dict:
    """The committed form -> a gold file the shared scorer reads.

    The scorer finds a surface's nth occurrence in the record's cleaned text. `kept(offset)` says whether the
    line holding a raw offset survives cleaning: occurrences on dropped lines are not counted, and labels on
    dropped lines are left out (counted in "_dropped"; the labellers labelled the raw text, titles included)."""
    kept = kept or (lambda _offset: True)
    dropped = 0

    def keep(span) -> bool:
        nonlocal dropped
        if kept(span[0]):
            return True
        dropped += 1
        return False

    gold = {"id": label["id"], "input": input_path, "corpus_id": None, "published": label.get("published"),
            "removed": [], "kept": []}
    entities = []
    for e in label.get("entities", []):
        surfaces = sorted({text[a:b] for a, b in e["surface_spans"] if keep((a, b))})
        if surfaces:
            entities.append({**{k: v for k, v in e.items() if k != "surface_spans"}, "surfaces": surfaces})
    gold["entities"] = entities
    for key in ("places", "times"):
        items = []
        for p in label.get(key, []):
            if keep(p["span"]):
                surface = text[slice(*p["span"])]
                nth = sum(1 for o in _occurrences(text, surface) if o <= p["span"][0] and kept(o))
                items.append({**{k: v for k, v in p.items() if k != "span"}, "surface": surface, "nth": nth})
        gold[key] = items
    gold["quotes"] = [{**{k: v for k, v in q.items() if k != "contains_span"},
                       "contains": text[slice(*q["contains_span"])]} for q in label.get("quotes", [])
                      if keep(q["contains_span"])]
    for key in ("events", "optional"):
        gold[key] = [{**{k: v for k, v in e.items() if k != "anchor_span"},
                      "anchor": text[slice(*e["anchor_span"])]} for e in label.get(key, []) if keep(e["anchor_span"])]
    if not gold["published"]:  # no publication day: no time can be resolved, none is scored (the labellers
        # were told to label none; a few wrote nulls instead of leaving the keys out)
        gold["times"] = []
        gold["events"] = [{k: v for k, v in e.items() if k not in ("from", "to", "time_tolerance_days")}
                          for e in gold["events"]]
    gold["_dropped"] = dropped
    return gold


def kept_offsets(text: str) -> Callable[[int], bool]:
    """Whether the raw line holding an offset survives `clean_text` (lines are kept or dropped whole)."""
    from ..clean import clean_text
    removed = {r.text for r in clean_text(text).removed}
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append((pos, pos + len(line), line.strip() not in removed))
        pos += len(line) + 1
    return lambda offset: next((ok for a, b, ok in starts if a <= offset <= b), True)


def commit(work: Path, train_root: Path, out: Path = LABELS_FILE) -> int:
    texts = {a.id: a for a in articles(train_root)}
    rows = []
    for f in sorted(work.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        article = texts.get(gold.get("id"))
        if article is None:
            raise ArticleLabelError(f"{f.name}: id {gold.get('id')!r} is not in the article set")
        row = {"id": article.id, "sha1": article.sha1, **to_offsets(gold, article.text)}
        rows.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def read_labels(train_root: Path, labels: Path = LABELS_FILE) -> list[tuple[dict, ArticleText]]:
    """Every committed label with its article, its text checked against the hash it was labelled on."""
    texts = {a.id: a for a in articles(train_root)}
    out = []
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        label = json.loads(line)
        article = texts.get(label["id"])
        if article is None or article.sha1 != label["sha1"]:
            raise ArticleLabelError(f"{labels}:{n}: {label['id']} is missing from ../shared/train or its text changed")
        out.append((label, article))
    return out


def materialize(pairs: Iterable[tuple[dict, ArticleText]], out: Path) -> int:
    """Writes <id>.txt and the gold file <id>.json of each article into `out` (inputs are absolute paths)."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for label, article in pairs:
        text_path = (out / f"{article.id}.txt").resolve()
        text_path.write_text(article.text, encoding="utf-8")
        gold = to_gold(label, article.text, str(text_path), kept_offsets(article.text))
        (out / f"{article.id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    from ..evaluate import shared_dir
    ap = argparse.ArgumentParser(description="commit or materialize the whole-article labels")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("commit", help="labeller gold files (with text) -> article_set/labels.jsonl (offsets)")
    c.add_argument("work", type=Path)
    m = sub.add_parser("materialize", help="gold files and texts of one part, for score.py")
    m.add_argument("out", type=Path)
    m.add_argument("--part", choices=("read", "never-read"), required=True)
    args = ap.parse_args(argv)
    train_root = shared_dir() / "train"
    if args.cmd == "commit":
        print(f"{commit(args.work, train_root)} articles -> {LABELS_FILE}", file=sys.stderr)
    else:
        pairs = [(lab, a) for lab, a in read_labels(train_root) if part(a.id) == args.part]
        print(f"{materialize(pairs, args.out)} articles ({args.part}) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
