"""Geoparsing on the Gritta corpora (GeoWebNews, LGL, TR-News, GeoVirus), read from ../shared at run time.

Two figures, as in the published anchors (shared notes, "Toponym recognition and resolution"):
- recognition (GeoWebNews only): P/R/F1 with exact span match; gold = every GWN span except
  Non_Toponym / Literal_Expression / Non_Lit_Expression (2,720 spans, the repo's own metric).
  Our spans: the pipeline's `dl_toponyms` group (doc.ents GPE/LOC/FAC when absent).
- resolution on gold toponyms: each article's gold spans (with coordinates) are fed to our resolver with
  the article as context. Acc@161km, median error km, exact GeoNames id (where gold has one); a span we
  leave unresolved counts as wrong (error 20,038 km, half the Earth's circumference).
"""
from __future__ import annotations

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
    if not name or text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift:end + shift] == name:
            return start + shift, end + shift
    return start, end


def read_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article, for any of the four XML layouts."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is not None:  # LGL, TR-News
                gold.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), _num(gaz.findtext("lat")),
                                        _num(gaz.findtext("lon")), _num(gaz.get("geonameid"), int)))
            elif t.find("type") is not None:  # GeoWebNews
                gold.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), _num(t.findtext("latitude")),
                                        _num(t.findtext("longitude")), _num(t.findtext("geonamesID"), int),
                                        t.findtext("type")))
            else:  # LGL/TR toponym without gaztag: no coordinates
                s, e = t.findtext("start"), t.findtext("end")
                if s and e:
                    gold.append(GoldToponym(int(s), int(e), None, None, None))
        for loc in art.iter("location"):  # GeoVirus: offsets are often one off; realign on the name
            start, end = _realign(text, int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name"))
            gold.append(GoldToponym(start, end, _num(loc.findtext("lat")), _num(loc.findtext("lon")), None))
        out.append((text, gold))
    return out


def resolution(articles, tail: float = 0.0) -> dict:
    """Resolve gold spans in context; `tail` > 0 scores only the last fraction of articles (Mordecai's held-out part)."""
    if tail:
        articles = articles[int(len(articles) * (1 - tail)):]
    errors, exact, exact_n = [], 0, 0
    for text, gold in articles:
        gold = [g for g in gold if g.lat is not None and (g.type or "") not in GWN_NOT_TOPONYMS
                and text[g.start:g.end].strip()]
        if not gold:
            continue
        places = resolve(text, [(g.start, g.end) for g in gold])
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


def recognition(nlp, articles, limit: int | None = None) -> dict:
    """Exact-span P/R/F1 of our toponym spans against GeoWebNews' toponym spans."""
    articles = articles[:limit] if limit else articles
    tp = n_pred = n_gold = 0
    texts = [t for t, _ in articles]
    later = [n for n in nlp.pipe_names if n in ("dateline_places", "dateline_times", "dateline_quotes", "dateline_events")]
    with nlp.select_pipes(disable=later):  # recognition needs only NER + the entities stage
        docs = list(nlp.pipe(texts, batch_size=8))
    for (text, gold), doc in zip(articles, docs):
        gold_spans = {(g.start, g.end) for g in gold if (g.type or "") not in GWN_NOT_TOPONYMS}
        group = doc.spans.get("dl_toponyms") if "dl_toponyms" in doc.spans else None
        spans = group if group is not None else [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        pred = {(s.start_char, s.end_char) for s in spans}
        tp += len(pred & gold_spans)
        n_pred += len(pred)
        n_gold += len(gold_spans)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n_gold": n_gold, "n_pred": n_pred, "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}


def evaluate_geo(bench: Path, nlp=None, corpora=None, tail: float = 0.0) -> dict:
    """Figures per corpus; recognition needs `nlp` (GeoWebNews only)."""
    figures = {}
    for name in corpora or CORPORA:
        articles = read_corpus(bench / CORPORA[name])
        figures[f"{name} resolution"] = resolution(articles, tail)
        if nlp is not None and name == "GeoWebNews":
            figures[f"{name} recognition"] = recognition(nlp, articles)
    return figures
