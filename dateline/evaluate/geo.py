"""Geoparsing on the Gritta corpora (GeoWebNews, LGL, TR-News, GeoVirus), read from ../shared at run time.

Figures, as in the published anchors (shared notes, "Toponym recognition and resolution"):
- recognition (GeoWebNews only), P/R/F1 with exact span match, two ways:
  * "recognition" = the repo's own metric: gold = every GWN span except Non_Toponym / Literal_Expression /
    Non_Lit_Expression (2,720 spans), which counts metonyms ("Russia said"), demonyms ("Russian") and
    names inside other names. Our spans: every place-name mention the pipeline finds, whatever its use:
    the literal `dl_toponyms`, the metonymic GPE/LOC/FAC mentions of `dl_mentions`, mentions or
    entities that are nationality/residence words ("Russian", "Ohioans", "European"), and the place
    names inside other names (`dl_embedded_places`: "Washington" in "Washington Post"), and named
    buildings and sites the NER typed as organisations ("Barclays Center", "Manila Cathedral").
  * "recognition literal" = what dateline records as places: gold = the Literal, Mixed, Literal_Modifier
    and Embedded_Literal spans; ours = `dl_toponyms` (doc.ents GPE/LOC/FAC when absent). Metonyms and
    demonyms are excluded on purpose (they are actors, not places).
  A leading "the" and a trailing possessive are not part of a name in the gold ("the United States" ->
  "United States", "South Korea's" -> "South Korea"), so they are trimmed from our spans in both.
- resolution on gold toponyms: each article's gold spans (with coordinates) are fed to our resolver with
  the article as context. Acc@161km, median error km, exact GeoNames id (where gold has one); a span we
  leave unresolved counts as wrong (error 20,038 km, half the Earth's circumference). Gold offsets that
  drift from the gold name (GeoVirus, TR-News) are realigned on the name first.
"""
from __future__ import annotations

import hashlib
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..geo.distance import km
from ..geo.resolve import resolve

CORPORA = {"GeoWebNews": "GWN.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"}
DEFINITION = "Definition: " + __doc__.strip()
GWN_NOT_TOPONYMS = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}
UNRESOLVED_KM = 20038.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None
    type: str | None = None


def _num(text: str | None, cast=float):
    try:
        return cast(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def _realign(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """The gold offsets drift in some files (GeoVirus by one, TR-News by up to a line's worth): the nearest
    occurrence of the gold name within a few hundred characters is the span meant."""
    if not name or text[start:end] == name:
        return start, end
    lo = max(0, start - 400)
    hits = [lo + m.start() for m in re.finditer(re.escape(name), text[lo:end + 400])]
    if not hits:
        return start, end
    best = min(hits, key=lambda at: abs(at - start))
    return best, best + len(name)


def read_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article, for any of the four XML layouts."""
    return [(text, gold) for text, gold, _ in read_articles(path)]


def read_articles(path: Path) -> list[tuple[str, list[GoldToponym], str | None]]:
    """(text, gold toponyms, the outlet's domain where the corpus gives it: LGL, TR-News) per article."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is not None:  # LGL, TR-News
                start, end = _realign(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"))
                gold.append(GoldToponym(start, end, _num(gaz.findtext("lat")), _num(gaz.findtext("lon")),
                                        _num(gaz.get("geonameid"), int)))
            elif t.find("type") is not None:  # GeoWebNews
                start, end = _realign(text, int(t.findtext("start")), int(t.findtext("end")),
                                      t.findtext("extractedName"))
                gold.append(GoldToponym(start, end, _num(t.findtext("latitude")), _num(t.findtext("longitude")),
                                        _num(t.findtext("geonamesID"), int), t.findtext("type")))
            else:  # LGL/TR toponym without gaztag: no coordinates
                s, e = t.findtext("start"), t.findtext("end")
                if s and e:
                    gold.append(GoldToponym(int(s), int(e), None, None, None))
        for loc in art.iter("location"):  # GeoVirus: offsets are often one off; realign on the name
            start, end = _realign(text, int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name"))
            gold.append(GoldToponym(start, end, _num(loc.findtext("lat")), _num(loc.findtext("lon")), None))
        out.append((text, gold, art.findtext("domain")))
    return out


SPLIT_SEED = "dateline-geo-split-2026-12-07"
PARTS = ("read", "never-read")


def part_of(text: str) -> str:
    """Which part an article belongs to, fixed before any figure was read: a seeded hash of its text puts
    30% of each corpus in the part never read while tuning (decided by document, not by toponym)."""
    digest = hashlib.sha256((SPLIT_SEED + "\n" + text).encode("utf-8")).hexdigest()
    return "never-read" if int(digest[:8], 16) % 10 < 3 else "read"


def only_part(articles, part: str | None):
    """The articles of one part ("read" or "never-read"); all of them when `part` is None."""
    return articles if part is None else [a for a in articles if part_of(a[0]) == part]


def resolution(articles, tail: float = 0.0) -> dict:
    """Resolve gold spans in context; `tail` > 0 scores only the last fraction of articles (Mordecai's held-out part)."""
    if tail:
        articles = articles[int(len(articles) * (1 - tail)):]
    errors, exact, exact_n = [], 0, 0
    for text, gold, outlet in articles:
        gold = [g for g in gold if g.lat is not None and (g.type or "") not in GWN_NOT_TOPONYMS
                and text[g.start:g.end].strip()]
        if not gold:
            continue
        places = resolve(text, [(g.start, g.end) for g in gold], outlet=outlet)
        at = {}
        for p in places:
            for m in p.mentions:
                at[m[0]] = p
        for g in gold:
            p = at.get(g.start)
            if p is None or p.lat is None:
                errors.append(UNRESOLVED_KM)
            else:
                errors.append(km(g.lat, g.lon, p.lat, p.lon))
            if g.geonames_id:
                exact_n += 1
                exact += int(p is not None and p.geonames_id == g.geonames_id)
    n = len(errors)
    return {
        "n": n,
        "acc@161km": round(sum(e <= 161 for e in errors) / n, 3) if n else None,
        "median_km": round(statistics.median(errors), 1) if n else None,
        "mean_km": round(statistics.mean(errors), 1) if n else None,
        "exact_id": round(exact / exact_n, 3) if exact_n else None,
        "n_with_id": exact_n,
    }


LITERAL_TYPES = {"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal"}
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the" or a trailing possessive: "the United States", "South Korea's"."""
    if text[start:end].lower().startswith("the "):
        start += 4
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    return start, end


def _place_word(word: str) -> bool:
    """A nationality or residence word that names a place's people ("Russian", "Ohioans", "European")."""
    from ..geo import demonyms, gazetteer
    from ..geo.resolve import CONTINENT_ADJECTIVES

    forms = [word, word[:-1]] if word.endswith("s") else [word]
    return any(gazetteer.demonym_country(f) or demonyms.us_state_of(f) or f in CONTINENT_ADJECTIVES for f in forms)


def _facility_name(span) -> bool:
    """A named building or site the NER typed as an organisation ("Barclays Center", "Manila Cathedral")."""
    from ..nlp.places import FACILITY_HEAD

    words = span.text.split()
    return span.label_ == "ORG" and len(words) >= 2 and bool(FACILITY_HEAD.fullmatch(words[-1]))


def _spans(doc) -> tuple[set, set]:
    """(every place-name mention, the literal toponyms) of one annotated doc, as trimmed char spans."""
    text = doc.text
    group = doc.spans.get("dl_toponyms") if "dl_toponyms" in doc.spans else None
    literal = list(group) if group is not None else [e for e in doc.ents if e.label_ in PLACE_LABELS]
    literal = {_trim(text, s.start_char, s.end_char) for s in literal}
    named = set(literal)
    named |= {_trim(text, s.start_char, s.end_char) for s in doc.spans.get("dl_embedded_places", [])}
    others = list(doc.spans.get("dl_mentions", [])) + list(doc.ents)
    for s in others:
        if s.label_ in PLACE_LABELS or _place_word(s.text) or _facility_name(s):
            named.add(_trim(text, s.start_char, s.end_char))
    return named, literal


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n_gold": n_gold, "n_pred": n_pred, "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}


def recognition(nlp, articles, limit: int | None = None) -> dict:
    """Exact-span P/R/F1 against GeoWebNews: {"all": Gritta's metric, "literal": literal toponyms only}."""
    articles = articles[:limit] if limit else articles
    texts = [t for t, _ in articles]
    later = [n for n in nlp.pipe_names if n in ("dateline_places", "dateline_times", "dateline_quotes", "dateline_events")]
    counts = {"all": [0, 0, 0], "literal": [0, 0, 0]}
    with nlp.select_pipes(disable=later):  # recognition needs only NER + the entities stage
        for (text, gold), doc in zip(articles, nlp.pipe(texts, batch_size=8)):
            named, literal = _spans(doc)
            for key, pred, types in (("all", named, None), ("literal", literal, LITERAL_TYPES)):
                gold_spans = {(g.start, g.end) for g in gold if (g.type or "") not in GWN_NOT_TOPONYMS
                              and (types is None or g.type in types)}
                c = counts[key]
                c[0] += len(pred & gold_spans)
                c[1] += len(pred)
                c[2] += len(gold_spans)
    return {key: _prf(*c) for key, c in counts.items()}


def evaluate_geo(bench: Path, nlp=None, corpora=None, tail: float = 0.0, part: str | None = None) -> dict:
    """Figures per corpus; recognition needs `nlp` (GeoWebNews only); `part` keeps one side of the split."""
    figures = {}
    for name in corpora or CORPORA:
        articles = only_part(read_articles(bench / CORPORA[name]), part)
        figures[f"{name} resolution"] = resolution(articles, tail)
        if nlp is not None and name == "GeoWebNews":
            found = recognition(nlp, [(text, gold) for text, gold, _ in articles])
            figures[f"{name} recognition"] = found["all"]
            figures[f"{name} recognition literal"] = found["literal"]
    return figures
