"""Our sentence labels (`labelled.py`) as actor / recipient training examples, and as a held-out measure of
the whole record's actor, recipient, place and time fields.

    python -m dateline.train.labelled_roles --labels DIR [--weights arguments.json]   # figures by split

- Training: each labelled event whose trigger the pipeline finds (a trigger token inside the labelled
  trigger span) is one example for the scorer, its candidates right when they lie in the labelled actor /
  recipient span (`argument_data.trigger_example`).
- Measure: each sentence is extracted on its own (published on a fixed day, so relative dates resolve the
  same way for every model); a labelled event is matched by its trigger, and each field is right as the
  whole-article gold scores it: the event's actors are entities with a mention in the labelled actor span,
  at least one (none when the span names none or there is no span; "US President Donald Trump" is right as
  Trump or as the United States: the gold scores a state's organs by country); likewise recipients; the place is the
  place with a mention in the labelled place span (none without one); the time is the time expression at
  the labelled time span (none without one; events whose labelled time the time stage cannot resolve are
  left out of the time figure); "time stated" counts only the events whose sentence says when.

Split by `conflibert_roles.split_key` with the trainer's seeded `held_out` (20% never read).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .conflibert_roles import split_key
from .labelled import LabelledSentence, read_all

PUBLISHED = "2020-06-15"  # any fixed day: the same resolution of relative dates for rule and learned
# "time stated": only the events whose sentence says when (a sentence read alone gives no story to date the
# others by, so a time there comes from the news-register guesses: "has killed" is the week before the report)
FIELDS = ("actor", "recipient", "place", "time", "time stated")


def labelled_sentences(labels_dir: Path, train_root: Path) -> list[LabelledSentence]:
    return [s for s in read_all(train_root, labels_dir) if s.events]


def key(s: LabelledSentence) -> str:
    return split_key(s.sentence.set, s.sentence.doc, s.sentence.text)


def label_examples(nlp, labelled: list[LabelledSentence]) -> tuple[list[dict], int]:
    """Scorer examples for the labelled events whose trigger the pipeline finds; and how many it missed."""
    from ..nlp.triggers import find_triggers
    from .argument_data import trigger_example
    out, missed = [], 0
    for s, doc in zip(labelled, nlp.pipe((s.sentence.text for s in labelled), batch_size=32)):
        triggers = [t for sent in doc.sents for t in find_triggers(sent)]
        for ev in s.events:
            trig = next((t for t in triggers if ev.trigger[0] <= t.token.idx < ev.trigger[1]), None)
            if trig is None:
                missed += 1
                continue
            gold = {"actor": [ev.actor] if ev.actor else [], "recipient": [ev.recipient] if ev.recipient else []}
            out.append(trigger_example(doc, trig, key(s), gold, f"labels-{s.sentence.set}"))
    return out, missed


def _inside(mentions, span) -> bool:
    return span is not None and any(m.start < span[1] and span[0] < m.end for m in mentions)


def field_right(record, offset: int, event, label) -> dict[str, bool | None]:
    """Each field of one matched event, right or wrong (None: not measured)."""
    def shift(span):
        return (span[0] + offset, span[1] + offset) if span else None

    out: dict[str, bool | None] = {}
    for field, got in (("actor", event.actors), ("recipient", event.recipients)):
        span = shift(getattr(label, field))
        want = {e.id for e in record.entities if _inside(e.mentions, span)}
        # right: none where the span names no entity, else some of the entities it names and nothing else
        # ("US President Donald Trump" is right as Trump or as the United States)
        out[field] = (not want and not got) or (bool(got) and set(got) <= want)
    span = shift(label.place)
    want = {p.id for p in record.places if _inside(p.mentions, span)}
    out["place"] = (event.place is None) if not want else event.place in want
    span = shift(label.time)
    if span is None:
        out["time"] = event.time is None
        out["time stated"] = None
    else:
        times = [t for t in record.times if t.start < span[1] and span[0] < t.end and t.from_]
        out["time"] = out["time stated"] = None if not times else (event.time is not None and any(
            (event.time.from_, event.time.to) == (t.from_, t.to) for t in times))
    return out


def measure(labelled: list[LabelledSentence], held_out) -> dict[str, dict[str, tuple[int, int]]]:
    """Right / measured per field, for the never-read part and the read part; events the pipeline does not
    find (or finds in another category: the fields then describe another happening) are counted apart."""
    from ..api import extract
    from ..errors import RejectedInput
    tally: dict[str, Counter] = {"never read": Counter(), "read": Counter()}
    for n, s in enumerate(labelled):
        if n % 100 == 0:
            print(f"  measure: {n}/{len(labelled)}", file=sys.stderr)
        part = "never read" if held_out(key(s)) else "read"
        try:
            record = extract(s.sentence.text, published=PUBLISHED)
        except RejectedInput:  # cleaned to nothing (a headline-like fragment): its events are not found
            tally[part]["events"] += len(s.events)
            continue
        offset = max(record.document.text.find(s.sentence.text), 0)
        for label in s.events:
            t0, t1 = label.trigger[0] + offset, label.trigger[1] + offset
            ev = next((e for e in record.events if e.trigger.start < t1 and t0 < e.trigger.end), None)
            tally[part]["events"] += 1
            if ev is None:
                continue
            tally[part]["found"] += 1
            for field, right in field_right(record, offset, ev, label).items():
                if right is not None:
                    tally[part][f"{field} measured"] += 1
                    tally[part][f"{field} right"] += bool(right)
    return {part: {f: (c[f"{f} right"], c[f"{f} measured"]) for f in FIELDS} | {"found": (c["found"], c["events"])}
            for part, c in tally.items()}


def use_weights(path: Path) -> None:
    """Score with another weights file (to set rule against learned in one process)."""
    from ..nlp import role_model
    weights = role_model.load_role_model(path)

    def role(name: str):
        return weights[name]
    role_model.role = role


def main(argv: list[str] | None = None) -> int:
    from ..evaluate import shared_dir
    from .argument_data import held_out
    ap = argparse.ArgumentParser(prog="python -m dateline.train.labelled_roles", description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, required=True, help="a folder of committed label files (*.jsonl)")
    ap.add_argument("--weights", type=Path, default=None, help="argument-role weights (default: the shipped ones)")
    ap.add_argument("--part", choices=("read", "never read", "both"), default="both",
                    help="which side of the split to extract and print (choose on the read part)")
    args = ap.parse_args(argv)
    if args.weights:
        use_weights(args.weights)
    labelled = labelled_sentences(args.labels, shared_dir() / "train")
    if args.part != "both":
        labelled = [s for s in labelled if ("never read" if held_out(key(s)) else "read") == args.part]
    for part, figures in measure(labelled, held_out).items():
        if args.part not in ("both", part):
            continue
        print(f"== {part}")
        for field, (right, total) in figures.items():
            print(f"  {field:<10} {right}/{total}  {right / total if total else 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
