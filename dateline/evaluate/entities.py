"""Entities: precision by attribute (type, country, sector) on GUM news (data we did not write).

GUM (shared/bench/ner/gum-news/dep) marks every entity mention with a type and, for named
ones, a Wikipedia identity. A predicted mention is aligned to the gold mention that ends
at the same character and contains its start (the innermost such); then

- type, by predicted type: PERSON right on gold person, ORG/IGO/MEDIA on organization,
  GPE/LOC/FAC on place; a mention of any other gold type (event, abstract, object ...) is
  wrong. GUM's "person" also covers groups ("Afghans", "the Taliban"), so an ORG on a gold
  person counts apart ("ORG on person"), neither right nor wrong;
- country: gold only where the Wikipedia identity names a country (pycountry's names, not
  our knowledge base: "United_States_Department_of_State", "Government_of_Chile", a country
  itself); a predicted null is counted apart (coverage), not as wrong;
- sector: gold only for organisations whose identity's head word says what the body is
  (_SECTOR_WORDS, written before any output was read).

The 24 documents are split by a seeded hash of their id, decided before anything was
read: `read` may be studied, `never` is the headline and must not be.

    python -m dateline.evaluate.entities [--details]   # --details prints misses of `read` only
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

SPLIT_SEED = "dateline-entities:"
_GOLD_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
_PRED_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "IGO": "ORG", "MEDIA": "ORG", "GPE": "PLACE", "LOC": "PLACE",
               "FAC": "PLACE"}
# Identity head words that say what kind of body an organisation is.
_SECTOR_WORDS = {
    "news": "MED", "broadcasting": "MED", "newspaper": "MED", "television": "MED",
    "government": "GOV", "ministry": "GOV", "department": "GOV", "parliament": "GOV", "senate": "GOV",
    "congress": "GOV", "administration": "GOV", "agency": "GOV", "army": "MIL", "navy": "MIL", "forces": "MIL",
    "military": "MIL", "police": "COP", "court": "JUD", "party": "PTY", "bank": "BUS",
    "company": "BUS", "corporation": "BUS", "inc": "BUS", "church": "REL",
}


def split_of(doc_id: str, seed: str = SPLIT_SEED) -> str:
    """'read' or 'never', from a seeded hash of the document id (about half each)."""
    return "read" if int(hashlib.sha256((seed + doc_id).encode()).hexdigest(), 16) % 100 < 50 else "never"


def read_gum(path: Path) -> tuple[str, list[dict]]:
    """The text rebuilt from a GUM .conllu file and its entity mentions (start, end, type, identity)."""
    text, mentions, open_ = "", [], {}
    for line in path.read_text().splitlines():
        if not line or line.startswith("#"):
            if line.startswith("# newpar") and text and not text.endswith("\n"):
                text = text.rstrip(" ") + "\n"
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        start = len(text)
        text += cols[1]
        end = len(text)
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        if misc.get("SpaceAfter") != "No":
            text += " "
        for part in re.findall(r"\(?[^()]+\)?|\)", misc.get("Entity", "")):
            if part.startswith("("):
                fields = part.strip("()").split("-")
                key = fields[0]
                identity = "-".join(fields[7:]) if len(fields) > 7 else ""
                open_.setdefault(key, []).append((start, fields[1], identity))
            if part.endswith(")"):
                key = part.strip("()").split("-")[0]
                if open_.get(key):
                    s, etype, identity = open_[key].pop()
                    mentions.append({"start": s, "end": end, "type": etype, "identity": identity})
    return text, mentions


def gold_country(identity: str) -> str | None:
    """The country an identity names ("United_States_Army" USA), by pycountry's names."""
    import pycountry

    words = identity.replace("_", " ")
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name)} | ({"United States"} if c.alpha_3 == "USA" else set()):
            if re.search(rf"\b{re.escape(name)}\b", words):
                return c.alpha_3
    return None


def gold_sector(identity: str) -> str | None:
    words = [w.lower() for w in identity.replace("_", " ").replace("(", " ").split()]
    found = [_SECTOR_WORDS[w] for w in words if w in _SECTOR_WORDS]
    return "MED" if "MED" in found else next(iter(found), None)  # a news agency is media, not government


def evaluate_entities(nlp, folder: Path, details: bool = False) -> dict:
    tallies = {s: {"PERSON": [0, 0], "ORG": [0, 0], "PLACE": [0, 0], "ORG on person": [0, 0],
                   "country": [0, 0], "country null": [0, 0], "sector": [0, 0]} for s in ("read", "never")}
    misses: list[str] = []
    for path in sorted(folder.glob("*.conllu")):
        doc_id = path.stem
        split = split_of(doc_id)
        text, gold = read_gum(path)
        doc = nlp(text)
        t = tallies[split]
        for entity in doc._.dl_entities or ():
            for m in entity.mentions:
                inside = [g for g in gold if g["end"] == m.end and g["start"] <= m.start]
                if not inside:
                    continue
                g = min(inside, key=lambda g: g["end"] - g["start"])
                want = _GOLD_TYPES.get(g["type"], g["type"])
                got = _PRED_TYPES.get(entity.type, entity.type)
                if got not in ("PERSON", "ORG", "PLACE"):
                    continue  # NORP, EVENT, PRODUCT ...: no GUM counterpart to judge by
                if got == "ORG" and want == "PERSON":
                    t["ORG on person"][1] += 1
                else:
                    t[got][0] += want == got
                    t[got][1] += 1
                note = f"{doc_id}: {m.text!r} {entity.type}/{entity.country}/{entity.sector} gold {g['type']} {g['identity']}"
                if split == "read" and want != got:
                    misses.append("type " + note)
                if not g["identity"]:
                    continue
                country = gold_country(g["identity"]) if want in ("ORG", "PLACE") else None
                if country:
                    t["country null"][1] += 1
                    if entity.country is None:
                        t["country null"][0] += 1
                    else:
                        t["country"][0] += entity.country == country
                        t["country"][1] += 1
                        if split == "read" and entity.country != country:
                            misses.append("country " + note)
                sector = gold_sector(g["identity"]) if want == "ORG" else None
                if sector and entity.sector:
                    t["sector"][0] += entity.sector == sector
                    t["sector"][1] += 1
                    if split == "read" and entity.sector != sector:
                        misses.append("sector " + note)
    figures = {s: {k: _ratio(*v) for k, v in t.items()} for s, t in tallies.items()}
    if details:
        figures["_misses"] = misses
    return figures


def _ratio(right: int, n: int) -> str:
    return f"{right}/{n} {right / n:.3f}" if n else "0/0 -"


def main(argv: list[str]) -> None:
    from ..nlp import build_nlp
    from ..settings import choose_model
    from . import shared_dir

    figures = evaluate_entities(build_nlp(choose_model(None)), shared_dir() / "bench/ner/gum-news/dep",
                                "--details" in argv)
    for line in figures.pop("_misses", ()):
        print(line)
    for split, v in figures.items():
        print(f"{split:<6} " + "  ".join(f"{k}={x}" for k, x in v.items()))
    print("precision of mentions aligned to a GUM mention (same end); 'country null' = predicted null "
          "among gold countries; split 'never' is the headline")


if __name__ == "__main__":
    main(sys.argv[1:])
