"""The article's focus and the nearness of its names: evidence each name gets from the *other* names.

Groups are resolve._Group objects (a surface form with its candidates and current scores).
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from . import demonyms, gazetteer
from .gazetteer import Candidate
from .normalize import county_key

POPULATED = ("city", "town", "village")
NEARABLE = POPULATED + ("admin1", "admin2")
# Weights, in prior points (1 point ~ a tenfold population); set on the Gritta corpora as a whole.
FOCUS_ROUNDS = 3  # rounds of every name reading the others' beliefs
COUNTRY_W, TOWN_COUNTRY_W, ADMIN_W = 8.0, 6.0, 9.0  # share of the article's country / admin1 focus
OUTLET_COUNTRY_W = 6.0  # a national web domain (".co.uk"), as much as a dateline city
COVER = 0.5  # weight of where a name *could* be (each possible admin1 area equally)
SUPPORT_TOP, SUPPORT_KM, SUPPORT_WEIGHT, SUPPORT_CAP = 8, 150.0, 1.5, 3.0  # nearness of other names' readings
COUNTY_W = 10.0  # a town and the county it lies in, both named: as strong as "Belgorod, Russia"
_CAPWORD = re.compile(r"\b[A-Z][a-z]+\b")


def stated_focus(text: str, dateline_city: str | None) -> tuple[Counter, Counter]:
    """Country and admin1 evidence that is not a toponym span: demonyms and the dateline city."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for word in _CAPWORD.findall(text):
        a3 = gazetteer.demonym_country(word)
        if a3:
            countries[a3] += 0.5
        state = demonyms.us_state_of(word)
        if state:
            countries["USA"] += 0.5
            admins[f"USA/{state}"] += 1.0
    if dateline_city:
        city = [c for c in gazetteer.lookup(dateline_city.title()) if c.kind in POPULATED]
        if city:
            best = max(city, key=lambda c: c.population)
            countries[best.country] += 3
            admins[f"{best.country}/{best.admin1code}"] += 2
    return countries, admins


def _probabilities(g) -> list[tuple[float, Candidate]]:
    """The group's current belief over its candidates (softmax of the scores; 1 point = e times likelier)."""
    if not g.candidates:
        return []
    top = max(g.scores)
    weights = [math.exp(s - top) for s in g.scores]
    total = sum(weights)
    return [(w / total, c) for w, c in zip(weights, g.candidates) if w / total >= 0.01]


def votes(g) -> tuple[Counter, Counter]:
    """What one surface form says about where the article is, weighted by how sure we are of it.

    Naming a country says more than naming one of its towns; an admin1 area says most about itself.
    """
    countries: Counter = Counter()
    admins: Counter = Counter()
    weight = min(len(g.spans), 3)
    for p, c in _probabilities(g):
        if not c.country:
            continue
        if c.kind == "country":
            countries[c.country] += 2 * p * weight
        elif c.kind == "admin1":
            countries[c.country] += p * weight
            admins[f"{c.country}/{c.admin1code}"] += 2 * p * weight
        else:
            countries[c.country] += 0.5 * p * weight
            if c.admin1code:
                admins[f"{c.country}/{c.admin1code}"] += 0.5 * p * weight
    # Where a name *could* be, whatever its size: "Henderson County" exists in five states, and the one
    # that also has the article's "Athens" is likely. Each possible area gets an equal share.
    areas = {f"{c.country}/{c.admin1code}" for c in g.candidates
             if c.country and c.admin1code and c.kind in NEARABLE}
    for a in areas:
        admins[a] += COVER * weight / len(areas)
    return countries, admins


def focus_without(stated, votes, own) -> dict:
    """Shares of countries and admin1 areas over the article, leaving out the group being scored:
    a name must not vote for its own reading ("Georgia" the country making the article Georgian)."""
    countries, admins = Counter(stated[0]), Counter(stated[1])
    for v in votes:
        if v is not own:
            countries.update(v[0])
            admins.update(v[1])
    total_c = sum(countries.values()) or 1
    total_a = max(sum(admins.values()), total_c)  # one state named in a national story is no state focus
    return {"countries": {k: v / total_c for k, v in countries.items()},
            "admins": {k: v / total_a for k, v in admins.items()}}


def focus_score(c: Candidate, focus: dict) -> float:
    if not c.country:  # a sea or a continent is near any article: as near as its main country, half-weighted
        return 4.0 * max(focus["countries"].values(), default=0.0)
    country_w = COUNTRY_W if c.kind in ("country", "admin1", "region", "water") else TOWN_COUNTRY_W
    score = country_w * focus["countries"].get(c.country, 0.0)
    if c.kind != "country":
        score += ADMIN_W * focus["admins"].get(f"{c.country}/{c.admin1code}", 0.0)
    return score


def proximity_pass(groups: list) -> None:
    """Names that can be read as places close to each other are read so ("Bucha and Irpin", "Paris ... Reno").

    Each candidate gains from every other name of the article that has a candidate near it (any of its
    likeliest readings, not only its best one): two small namesakes lying side by side are rarely chance.
    """
    pools = []
    for g in groups:
        top = sorted((i for i, c in enumerate(g.candidates) if c.lat is not None and c.kind in NEARABLE),
                     key=lambda i: -g.scores[i])[:SUPPORT_TOP]
        pools.append(top)
    if sum(1 for p in pools if p) < 2:
        return
    owner = np.array([k for k, pool in enumerate(pools) for _ in pool])
    lat = np.radians([groups[k].candidates[i].lat for k, pool in enumerate(pools) for i in pool])
    lon = np.radians([groups[k].candidates[i].lon for k, pool in enumerate(pools) for i in pool])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    close = np.clip(1 - dist / SUPPORT_KM, 0, None)
    close[owner[:, None] == owner[None, :]] = 0  # a name does not support itself
    row = 0
    for k, pool in enumerate(pools):
        for i in pool:
            best_per_group = np.zeros(len(groups))
            np.maximum.at(best_per_group, owner, close[row])
            groups[k].scores[i] += SUPPORT_WEIGHT * min(best_per_group.sum(), SUPPORT_CAP)
            row += 1


def county_pass(groups: list) -> None:
    """A county and a town named in one article read as the pair where the town lies in that county:
    "Huntsville" and "Walker County" are Huntsville, Texas and Walker County, Texas (not Alabama's).
    Not in a state the article does not name when it names others ("Columbia" and "Marion County" in a
    story that says "Missouri" five times are not the pair in Mississippi)."""
    counties = [(g, i, _county_key(c)) for g in groups for i, c in enumerate(g.candidates) if c.kind == "admin2"]
    if not counties:
        return
    named = {(c.country, c.admin1code) for g in groups if g.candidates
             for c in [g.candidates[max(range(len(g.candidates)), key=g.scores.__getitem__)]] if c.kind == "admin1"}
    for town_group in groups:
        for j, t in enumerate(town_group.candidates):
            if t.kind not in POPULATED or not t.admin2 or not t.primary:  # by its own name, not an old one
                continue
            if named and (t.country, t.admin1code) not in named:
                continue
            key = (t.country, t.admin1code, county_key(t.admin2))
            for g, i, county in counties:
                if g is not town_group and county == key:
                    g.scores[i] += COUNTY_W
                    town_group.scores[j] += COUNTY_W


def _county_key(c: Candidate) -> tuple:
    return c.country, c.admin1code, county_key(c.name)
