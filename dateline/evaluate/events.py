"""Event coding against data we did not write (../shared): whole-article gold and four public sets.

- gold: the shared scorer's `events:` rows on ../shared/gold/dev (via `evaluate.gold.score_gold`).
- PLOVER GSR: category accuracy and macro-F1 on the coded sentences (old category names mapped to
  the 16 of draft 0.8), and whether our actors / recipients cover the gold actor words.
- CASE 2021 task 2: our coding mapped to ACLED sub-event types (its labels), macro-F1 over the
  labels present; a snippet with no ACLED-typed event predicts "NONE".
- Event location (Halterman 2019, RELABEL gold): for the gold verb, is the place the events stage's helper
  (`nlp.role_model.event_place`) picks among the pipeline's places the gold one (or none when gold has none).
- WikiEvents: recall of Attacker / Victim / Target / Place arguments of attack-like events.
No published anchor figure exists for these sets in shared/notes/events-anchors.md.
"""
from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.arguments import actor_heads, recipient_heads
from ..nlp.role_model import event_place
from ..nlp.events import group, sentence_triggers
from ..nlp.triggers import Trigger, find_triggers, lexicon, match_token
from ..ontology import load_ontology

OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CASE_LABELS = {  # CASE 2021 task 2 label -> ACLED sub-event type
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack", "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
VERBAL = {"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE", "COOPERATE", "AID"}
WIKI_ROLES = {"Attacker", "Victim", "Target", "Place"}


def macro_f1(pairs: list[tuple[str, str]], labels: set[str]) -> float:
    f1s = []
    for lab in sorted(labels):
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(f1s) / len(f1s), 3) if f1s else 0.0


def _doc_triggers(doc: Doc) -> list[Trigger]:
    """The triggers the events stage starts from: the lexicon's, plus the open trigger model's when the
    full pipeline ran (its events are then the judge of which were kept)."""
    find = sentence_triggers if doc.has_extension("dl_events") and doc._.dl_events is not None else find_triggers
    out = []
    for sent in doc.sents:
        out += [h.head for h in group(find(sent))]
    return out


READ = 200  # the first 200 items of each public set were read while building; the rest never were
SPLITS = {"read (first 200)": slice(0, READ), "never read (the rest)": slice(READ, None)}


def evaluate_plover_gsr(nlp: Language, path: Path, limit: int | None = None, part: slice = slice(None)) -> dict:
    """Category of the events stage's own events (the learned decision included) when `nlp` is the
    full pipeline; the bare trigger lexicon on a plain parse otherwise."""
    records = [r for r in json.loads(path.read_text()) if r.get("event") and r.get("text")][part][:limit]
    pairs, actor_ok, recip_ok, n_actor, n_recip = [], 0, 0, 0, 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        gold = OLD_PLOVER.get(rec["event"], rec["event"])
        trigs = _doc_triggers(doc)
        if doc.has_extension("dl_events") and doc._.dl_events is not None:
            kept = {(e.trigger.start, e.category) for e in doc._.dl_events}
            trigs = [t for t in trigs if (t.span.start_char, t.sense.category) in kept]
        same = [t for t in trigs if t.sense.category == gold]
        pairs.append((gold, (same[0] if same else trigs[0]).sense.category if trigs else "NONE"))
        best = same[0] if same else None
        for key, fn in (("source", actor_heads), ("target", recipient_heads)):
            actors = rec.get(key) or []
            actors = actors if isinstance(actors, list) else [actors]
            words = {a["actorText"].lower() for a in actors if isinstance(a, dict) and a.get("actorText")}
            if not words:
                continue
            got = " ".join(" ".join(t.text for t in h.subtree).lower() for h in fn(best)) if best else ""
            hit = all(w in got for w in words)
            if key == "source":
                n_actor, actor_ok = n_actor + 1, actor_ok + hit
            else:
                n_recip, recip_ok = n_recip + 1, recip_ok + hit
    labels = {g for g, _ in pairs}
    return {
        "sentences": len(pairs),
        "category accuracy (any event of the gold category)": round(sum(g == p for g, p in pairs) / len(pairs), 3),
        "category macro-F1": macro_f1(pairs, labels),
        "no event found": sum(p == "NONE" for _, p in pairs),
        "actor words covered": round(actor_ok / n_actor, 3) if n_actor else None,
        "recipient words covered": round(recip_ok / n_recip, 3) if n_recip else None,
    }


def _acled_label(doc: Doc) -> str:
    if doc.has_extension("dl_events") and doc._.dl_events is not None:
        return _acled_label_of_events(doc._.dl_events)
    onto = load_ontology()
    for t in _doc_triggers(doc):
        if t.sense.category in VERBAL:
            return "DIPLO"
        acled = onto.acled(t.sense.category, t.sense.mode)
        if acled:
            for label, sub in CASE_LABELS.items():
                if sub == acled.sub_event_type:
                    return label
    return "NONE"


def _acled_label_of_events(events) -> str:
    """The events stage's own coding (its mode from the weapons named, civilian targets): the first
    event the snippet reports, as its ACLED sub-event type."""
    for ev in events:
        if ev.category in VERBAL:
            return "DIPLO"
        sub = (ev.acled or {}).get("sub_event_type")
        for label, name in CASE_LABELS.items():
            if sub and name == sub:
                return label
    return "NONE"


def evaluate_case2021(nlp: Language, path: Path, limit: int | None = None, part: slice = slice(None)) -> dict:
    rows = [line.split("\t") for line in path.read_text().splitlines()[1:] if line.count("\t") >= 2][part][:limit]
    pairs = [(r[2].strip(), _acled_label(doc)) for r, doc in zip(rows, nlp.pipe(r[1] for r in rows))]
    acled_labels = set(CASE_LABELS) | {"DIPLO"}
    return {
        "snippets": len(pairs),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3),
        "macro-F1 (ACLED types + DIPLO)": macro_f1(pairs, {g for g, _ in pairs} & acled_labels),
        "predicted NONE": sum(p == "NONE" for _, p in pairs),
    }


def evaluate_event_location(nlp: Language, zip_path: Path, limit: int | None = None, part: slice = slice(None)) -> dict:
    with zipfile.ZipFile(zip_path) as zf:
        name = next(n for n in zf.namelist() if n.endswith("labeled_text.jsonl") and "MACOSX" not in n)
        data = json.loads(zf.read(name))
    gold = [r for r in data if r.get("source") == "RELABEL" and r.get("answer") == "accept" and r.get("spans")][part][:limit]
    ok = 0
    for rec, doc in zip(gold, nlp.pipe(r["text"] for r in gold)):
        verb = _char_span(rec, next((s for s in rec["spans"] if s["label"] == "VERB"), None))
        loc = _char_span(rec, next((s for s in rec["spans"] if s["label"] == "LOCATION"), None))
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand") if verb else None
        if span is None:
            continue
        tok = span.root
        senses = match_token(tok, lexicon())
        # the helper the events stage uses, on the places the pipeline found in the verb's sentence
        place_id = event_place(doc, tok.sent, tok, senses[0].category if senses else None)
        chosen = [s for s in doc.spans.get("dl_places", []) if s._.dl_place == place_id and s.sent == tok.sent]
        if loc is None:
            ok += place_id is None
        else:
            ok += any(s.start_char < loc["end"] and loc["start"] < s.end_char for s in chosen)
    return {"records": len(gold), "location accuracy": round(ok / len(gold), 3) if gold else None}


def _char_span(rec: dict, span: dict | None) -> dict | None:
    """The span's character offsets, from its tokens: in many RELABEL records the stored "start"/"end"
    are stale (start == end, pointing elsewhere) while "token_start"/"token_end" are right."""
    if span is None:
        return None
    tokens = {t["id"]: t for t in rec.get("tokens") or ()}
    first, last = tokens.get(span.get("token_start")), tokens.get(span.get("token_end"))
    if first is None or last is None:
        return span
    return {**span, "start": first["start"], "end": last["end"]}


def evaluate_wikievents(nlp: Language, path: Path, limit: int | None = None) -> dict:
    docs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()][:limit]
    hits, totals = Counter(), Counter()
    for rec in docs:
        doc = nlp(" ".join(rec["tokens"]))
        starts = {}
        pos = 0
        for i, w in enumerate(rec["tokens"]):  # token index -> our char offset in the joined text
            starts[i] = pos
            pos += len(w) + 1
        trigs = {t.token.idx: t for t in _doc_triggers(doc)}
        ents = {e["id"]: e for e in rec["entity_mentions"]}
        for ev in rec["event_mentions"]:
            if not ev["event_type"].startswith(("Conflict.Attack", "Life.Die", "Life.Injure")):
                continue
            trig = next((t for idx, t in trigs.items()
                         if starts[ev["trigger"]["start"]] <= idx < starts[ev["trigger"]["end"] - 1] + len(rec["tokens"][ev["trigger"]["end"] - 1])), None)
            for arg in ev["arguments"]:
                role = "Victim" if arg["role"] == "Target" else arg["role"]
                if arg["role"] not in WIKI_ROLES:
                    continue
                totals[role] += 1
                ent = ents.get(arg["entity_id"])
                if trig is None or ent is None:
                    continue
                lo, hi = starts[ent["start"]], starts[ent["end"] - 1] + len(rec["tokens"][ent["end"] - 1])
                if role == "Place" and "dl_places" in doc.spans:  # the events stage's own helper
                    pid = event_place(doc, trig.token.sent, trig.token, trig.sense.category)
                    hits[role] += any(s._.dl_place == pid and lo <= s.start_char < hi for s in doc.spans["dl_places"])
                    continue
                heads = actor_heads(trig) if role == "Attacker" else recipient_heads(trig)
                if role == "Place":
                    heads = [t for t in trig.token.sent if t.ent_type_ in ("GPE", "LOC", "FAC") and t.head.dep_ == "prep"]
                hits[role] += any(lo <= t.idx < hi for h in heads for t in (h, *h.subtree) if t.i - h.i < 6)
    out = {"documents": len(docs)}
    for role in sorted(totals):
        out[f"{role} recall"] = round(hits[role] / totals[role], 3)
        out[f"{role} n"] = totals[role]
    return out


def rule_statuses(nlp: Language, items) -> list[str]:
    """What the rules (modality.py) say of each marked trigger, on the base model's parse of its words."""
    from ..nlp.modality import modality
    from ..nlp.triggers import Sense, coarse_pos, light_verb

    out = []
    for it in items:
        doc = nlp(Doc(nlp.vocab, words=list(it.words)))
        tok = doc[it.mark]
        nominal = coarse_pos(tok) == "NOUN"
        pred = (light_verb(tok) if nominal else None) or tok
        sense = Sense(tok.lemma_, None, coarse_pos(tok), "NONE", None, None, ())
        out.append(modality(Trigger(tok, doc[tok.i:tok.i + 1], pred, sense, nominal)))
    return out


def evaluate_heldout(shared: Path, nlp: Language) -> dict[str, dict]:
    """The shipped event models on the `test` part of our own split of ../shared/train (one document
    in ten by a seeded hash, decided before training; never read). Per source, in the form each
    label allows: ngec and WikiEvents have one category, ConfliBERT a coarse class (right when the
    top category is one of its PLOVER categories), sitent's non-event clauses are NONE; status: generic
    vs specific (the stage's drop threshold) on each set, and where a set labels the five-way status
    (MEANTIME; ECB+ negated / generic), the stage's (model's generic, else the rules' modality);
    `nlp` is the base model (its vectors; its parse for the rules' modality on the same items)."""
    from ..nlp.event_model import NONE, event_models
    from ..nlp.events import GENERIC_DROP
    from ..train.build import split_items

    items, _ = split_items(shared / "train", shared)
    models = event_models()
    out: dict[str, dict] = {}
    by_source: dict[str, list] = {}
    for it in items["category"]["test"]:
        by_source.setdefault(it.source, []).append(it)
    for source, its in sorted(by_source.items()):
        preds = models.categories([list(it.words) for it in its], nlp.vocab)
        top = [max(p, key=p.get) for p in preds]
        golds = [dict(it.cats) for it in its]
        if source == "conflibert":
            ok = sum(g.get(t, None) != 0.0 for g, t in zip(golds, top))
            out[f"category / {source}"] = {"n": len(its), "coarse class right": round(ok / len(its), 3)}
            continue
        pairs = [(next(k for k, v in g.items() if v == 1.0), t) for g, t in zip(golds, top)]
        row = {"n": len(pairs), "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3)}
        labels = {g for g, _ in pairs}
        if len(labels) > 1:
            row["macro-F1"] = macro_f1(pairs, labels)
        if labels == {NONE}:
            row = {"n": len(pairs), "read as NONE": row["accuracy"]}
        out[f"category / {source}"] = row
    by_source = {}
    for it in items["status"]["test"]:
        by_source.setdefault(it.source, []).append(it)
    for source, its in sorted(by_source.items()):
        preds = models.statuses([(list(it.words), it.mark) for it in its], nlp.vocab)
        is_generic = [dict(it.cats)["generic"] == 1.0 for it in its]
        said_generic = [p.get("generic", 0) >= GENERIC_DROP for p in preds]
        tp = sum(a and b for a, b in zip(is_generic, said_generic))
        row: dict = {"n": len(its), "generic P": round(tp / max(1, sum(said_generic)), 3),
                     "generic R": round(tp / max(1, sum(is_generic)), 3)}
        labelled = [(it, g) for it, g in zip(its, said_generic) if it.gold]
        if labelled:  # the five-way status of the stage: the model's generic, else the rules' modality
            rules = rule_statuses(nlp, [it for it, _ in labelled])
            stage = [(it.gold, "generic" if g else r) for (it, g), r in zip(labelled, rules)]
            row["status accuracy (stage)"] = round(sum(g == p for g, p in stage) / len(stage), 3)
            row["status accuracy (rules alone)"] = round(sum(it.gold == r for (it, _), r in zip(labelled, rules))
                                                         / len(stage), 3)
            if len({g for g, _ in stage}) > 1:
                row["status macro-F1 (stage)"] = macro_f1(stage, {g for g, _ in stage})
            negs = [(g == "negated", p == "negated") for g, p in stage]
            if any(g for g, _ in negs):
                tp = sum(g and p for g, p in negs)
                row["negated P"] = round(tp / max(1, sum(p for _, p in negs)), 3)
                row["negated R"] = round(tp / sum(g for g, _ in negs), 3)
        out[f"status / {source}"] = row
    return out


def labelled_events(train_root: Path, labels_dir: Path) -> int:
    """Labelled events (status not generic) of our labels' never-read documents."""
    from ..train.candidates import NONE as NO_EVENT
    from ..train.candidates import item_split, labelled_texts

    return sum(1 for t in labelled_texts(train_root, labels_dir, ("labels",)) if item_split(t.source, t.doc_id) == "test"
               for _, _, cat in t.triggers if cat != NO_EVENT)


def evaluate_candidates(shared: Path, nlp: Language, labels_dir: Path | None = None) -> dict[str, dict]:
    """The candidate model (keep / relabel / drop) against the rules alone on the never-read items: our
    labels' held-out documents (3 in 10 by a seeded hash, decided before labelling was read) and the
    WikiEvents test part (its labels give events only: how many of them stay with their category).
    Our labels' status against the rules' modality on the same held-out candidates. `nlp` is the full
    pipeline (the candidates are the events stage's own)."""
    from ..nlp.candidate_model import NONE, candidate_model
    from ..train.candidate_training import scores
    from ..train.candidates import heldout_items
    from ..train.labelled import LABELS_DIR

    model = candidate_model()
    items = heldout_items(nlp, shared / "train", shared, labels_dir or LABELS_DIR)
    out: dict[str, dict] = {}
    for source, name in (("labels", "our labels, 3 documents in 10 never read"), ("wikievents", "WikiEvents test part")):
        its = [it for it in items if it["source"] == source]
        if not its:
            continue
        learned = [(it["target"], it["rule"], model.decide(it["features"], it["rule"]).label) for it in its]
        rules = [(it["target"], it["rule"], it["rule"]) for it in its]
        if source == "labels":
            out[f"candidates / {name}"] = {**{f"rules {k}": v for k, v in scores(rules).items()},
                                           **{f"model {k}": v for k, v in scores(learned).items() if k != "n"}}
            # R above counts only the events some candidate stands at; this counts every labelled event
            # (status not generic) of the never-read documents, proposed or not
            total = labelled_events(shared / "train", labels_dir or LABELS_DIR)
            found = sum(1 for t, _, d in learned if t != NONE and d == t)
            out[f"candidates / {name}"]["found (of all labelled events)"] = f"{found}/{total} {found / max(1, total):.3f}"
        else:
            events = [(t, d) for t, _, d in learned if t != NONE]
            out[f"candidates / {name}"] = {"events": len(events), "kept with their category (model)":
                                           round(sum(t == d for t, d in events) / max(1, len(events)), 3),
                                           "(rules)": round(sum(t == r for t, r, _ in rules if t != NONE)
                                                            / max(1, len(events)), 3)}
    labelled = [it for it in items if it["source"] == "labels" and it.get("status")]
    moods = [(it["status"], it["modality"]) for it in labelled if it["status"] != "generic"]
    learned = [(it["status"], model.status.status(it["features"])) for it in labelled if it["status"] != "generic"] \
        if model.status is not None else []
    if moods:
        out["status / our labels (never read)"] = {
            "n": len(moods), "modality accuracy (rules)": round(sum(g == p for g, p in moods) / len(moods), 3),
            "macro-F1 (rules)": macro_f1(moods, {g for g, _ in moods}),
            **({"accuracy (learned)": round(sum(g == p for g, p in learned) / len(learned), 3),
                "macro-F1 (learned)": macro_f1(learned, {g for g, _ in learned})} if learned else {}),
            "generic": sum(1 for it in labelled if it["status"] == "generic"),
            "generic dropped (model)": sum(1 for it in labelled if it["status"] == "generic"
                                           and model.decide(it["features"], it["rule"]).label is None)}
    return out
