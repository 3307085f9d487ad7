"""Can two reports be one incident, and how much evidence says they are?

`conflict(a, b)` gives the reason two reports cannot be the same event (or None):
another category family, a modality other than actual, dates that cannot
overlap, places in different countries or too far apart, disjoint actors or
recipients, or two different exact death tolls from the same source in one
article. `score(a, b)` adds up positive evidence; the linker joins reports whose
score reaches LINK_SCORE and that conflict with no member of the other cluster.

Blocking (`blocking_keys`): only reports sharing a (family, day) key are ever
compared; the store fetches candidates the same way (family, date window), and
country is checked here (an unknown country blocks with any).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..geo.distance import km
from .families import family
from .model import ActorRef, PlaceRef, Report

LINKED_MODALITY = "actual"  # planned, hypothetical and negated events are never merged
DAY_SLACK = 1  # day-precision dates may differ by one day (time zones, overnight attacks)
UNDATED_DAYS = 3  # an undated report is taken to be about its article's last three days
NEAR_KM = 25.0  # two specific places this close are the same scene
FAR_KM = 60.0  # two specific places farther apart are two events
WIDE_RANGE_DAYS = 62  # blocking of a range wider than this uses its end points only
LINK_SCORE = 3
LEAD_POINTS = 2  # a report on the same day as its article's lead event of that kind
STORY_POINTS = 2  # reports of one day in two articles about the same town
MERGE_MEAN = 1.5  # clusters merge only if their cross pairs average this much evidence

_PLACE_RANK = {"country": 0, "admin1": 1, "region": 1, "water": 1, "admin2": 2}  # else 3: town, city, facility


def blocking_keys(r: Report) -> set[tuple[str, str]]:
    """(family, ISO day) for every day the report may be about (plus slack)."""
    rng = date_range(r)
    fam = family(r.category)
    if rng is None:
        return {(fam, "undated")}
    lo, hi = rng[0] - timedelta(days=DAY_SLACK), rng[1] + timedelta(days=DAY_SLACK)
    if (hi - lo).days > WIDE_RANGE_DAYS:
        return {(fam, lo.isoformat()), (fam, hi.isoformat())}
    return {(fam, (lo + timedelta(days=i)).isoformat()) for i in range((hi - lo).days + 1)}


def date_range(r: Report) -> tuple[date, date] | None:
    """The days the report may be about: its own dates, else its article's last days."""
    if r.date_from or r.date_to:
        lo = _day(r.date_from or r.date_to)
        hi = _day(r.date_to or r.date_from)
        if lo and hi:
            return (min(lo, hi), max(lo, hi))
    pub = _day(r.published)
    if pub is None:
        return None
    return (pub - timedelta(days=UNDATED_DAYS), pub)


def stated(r: Report) -> Report:
    """The report with only the participants and place its sentence states: those the events stage
    inferred (a retold event's actors, a crowd's home country, the story's place) are neither
    evidence that two reports are one event nor proof that they are two. An inferred day stays:
    reports are only compared within a date window anyway, and a day is not a participant."""
    if not r.inferred:
        return r
    return replace(
        r,
        actors=() if "actors" in r.inferred else r.actors,
        recipients=() if "recipients" in r.inferred else r.recipients,
        place=None if "place" in r.inferred else r.place,
        inferred=frozenset(),
    )


def conflict(a: Report, b: Report) -> str | None:
    """Why a and b cannot be one incident, or None."""
    a, b = stated(a), stated(b)
    if family(a.category) != family(b.category):
        return "category"
    if a.modality != LINKED_MODALITY or b.modality != LINKED_MODALITY:
        return "modality"
    if time_relation(a, b) == "conflict":
        return "time"
    if place_relation(a.place, b.place) == "conflict":
        return "place"
    if actor_relation(a.actors, b.actors) == "conflict":
        return "actors"
    if actor_relation(a.recipients, b.recipients) == "conflict":
        return "recipients"
    if a.article == b.article and _different_tolls_same_source(a, b):
        return "fatalities"
    if a.doc_id == b.doc_id and a.sentence == b.sentence and a.mode and b.mode and a.mode != b.mode:
        return "mode"  # one sentence, two kinds of force: two actions ("shot dead ... after a bomb killed 44")
    if (a.doc_id, a.sentence) != (b.doc_id, b.sentence) and _plural(a.trigger) != _plural(b.trigger):
        return "number"  # "the protests" (several happenings) is not the one protest told elsewhere
    return None


def _plural(trigger: str) -> bool:
    """An event noun in the plural ("protests", "attacks", "bombings"). Past-tense news verbs rarely end
    in -s, so the few present-tense verbs this also catches only cost a missed link."""
    word = trigger.split()[-1].lower() if trigger.strip() else ""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def linkable(a: Report, b: Report) -> int | None:
    """The edge weight if a and b should be linked directly, else None.

    Across articles an anchor is also needed: the same (or a nearby) place, the same
    figures, or sentences sharing much of their vocabulary. Dates and categories
    alone match too many events of one war on one day."""
    a, b = stated(a), stated(b)
    if conflict(a, b) is not None:
        return None
    s = score(a, b)
    if s < LINK_SCORE:
        return None
    if a.article != b.article and not _anchored(a, b):
        return None
    return s


def _anchored(a: Report, b: Report) -> bool:
    if place_relation(a.place, b.place) in ("same", "near") or _same_story(a, b):
        return True
    if actor_relation(a.actors, b.actors) == "same" and actor_relation(a.recipients, b.recipients) == "same":
        return True
    if a.fatalities_min is not None and (a.fatalities_min, a.fatalities_max) == (b.fatalities_min, b.fatalities_max):
        return True
    if {(f.value, f.unit) for f in a.figures} & {(f.value, f.unit) for f in b.figures}:
        return True
    return _word_points(a.words, b.words) >= 2


def score(a: Report, b: Report) -> int:
    """Evidence that a and b are one event (only meaningful when `conflict` is None).

    Weights, from strongest: the same named actor doing it to the same named recipient
    (3); one sentence (2); the same figures or toll (2); a report on the same day as its
    article's lead event of that kind (2, see lead.py); reports of one day in two
    articles about the same town (2); sentences sharing much of
    their particular vocabulary (1-2); the same actor, recipient, specific place or
    exact day (1 each). Another kind of force (mode) counts -1. Same category and
    overlapping dates are what made them candidates, so they add nothing."""
    a, b = stated(a), stated(b)
    points = 0
    one_sentence = a.doc_id == b.doc_id and a.sentence == b.sentence
    if one_sentence:
        points += 2
    else:
        points += _word_points(a.words, b.words)
    actors = actor_relation(a.actors, b.actors) == "same"
    recipients = actor_relation(a.recipients, b.recipients) == "same"
    points += 3 if actors and recipients else int(actors) + int(recipients)
    # place and day are shared context inside one sentence, evidence only across sentences
    if not one_sentence and place_relation(a.place, b.place) in ("same", "near"):
        points += 1
    if not one_sentence and _same_day(a, b):
        points += 1
    if not one_sentence and a.article == b.article and (a.lead or b.lead) and _same_day(a, b):
        points += LEAD_POINTS  # the story's own event, told again further down on the same day
    if a.article != b.article and _same_story(a, b):
        points += STORY_POINTS  # two stories about one town, each reporting this kind of event that day
    if a.mode and b.mode and a.mode != b.mode:
        points -= 1
    if a.fatalities_min is not None and (a.fatalities_min, a.fatalities_max) == (b.fatalities_min, b.fatalities_max):
        points += 2
    if {(f.value, f.unit) for f in a.figures} & {(f.value, f.unit) for f in b.figures}:
        points += 2
    return points


def _same_story(a: Report, b: Report) -> bool:
    """Both articles are about the same town and both reports are of the same exact day."""
    return (a.story_place is not None and b.story_place is not None and _same_day(a, b)
            and place_relation(a.story_place, b.story_place) in ("same", "near"))


def _same_day(a: Report, b: Report) -> bool:
    return a.precision == b.precision == "day" and (a.date_from, a.date_to) == (b.date_from, b.date_to)


def time_relation(a: Report, b: Report) -> str:
    """'same_day' (both day-precise, within DAY_SLACK), 'overlap', 'unknown' (undated) or 'conflict'."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return "unknown"
    dated = bool(a.date_from or a.date_to) and bool(b.date_from or b.date_to)
    slack = timedelta(days=DAY_SLACK if a.precision == b.precision == "day" or not dated else 0)
    if ra[0] > rb[1] + slack or rb[0] > ra[1] + slack:
        return "conflict"
    if not dated:
        return "unknown"
    return "same_day" if a.precision == b.precision == "day" else "overlap"


def place_relation(a: PlaceRef | None, b: PlaceRef | None) -> str:
    """'same', 'near', 'same_region', 'contains' (one is coarse), 'unknown' or 'conflict'."""
    if a is None or b is None:
        return "unknown"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    ra, rb = _rank(a), _rank(b)
    same = (a.geonames_id is not None and a.geonames_id == b.geonames_id) or _norm(a.name) == _norm(b.name)
    if min(ra, rb) == 0:
        return "contains"  # a country holds any place of its own
    if ra >= 2 and rb >= 2:
        if same:
            return "same"
        if None not in (a.lat, a.lon, b.lat, b.lon):
            d = km(a.lat, a.lon, b.lat, b.lon)
            return "near" if d <= NEAR_KM else ("conflict" if d > FAR_KM else "contains")
        return "conflict"
    if ra == rb == 1:
        return "same_region" if same else "conflict"
    region, spot = (a, b) if ra == 1 else (b, a)
    if spot.admin1 and _norm(region.name) in _norm(spot.admin1) or spot.admin1 and _norm(spot.admin1) in _norm(region.name):
        return "same_region"
    return "contains"


def actor_relation(xs: tuple[ActorRef, ...], ys: tuple[ActorRef, ...]) -> str:
    """'same' (a shared name), 'allied' (a shared country), 'unknown' (one side empty) or 'conflict'."""
    if not xs or not ys:
        return "unknown"
    if any(_same_name(x.name, y.name) for x in xs for y in ys):
        return "same"
    xc, yc = {x.country for x in xs if x.country}, {y.country for y in ys if y.country}
    if xc & yc:
        return "allied"
    # names differ: only countries on both sides that never meet say they are other parties
    return "conflict" if xc and yc and len(xs) == len(xc) and len(ys) == len(yc) else "unknown"


def _different_tolls_same_source(a: Report, b: Report) -> bool:
    """Within one article, two different exact tolls from one voice are two events."""
    exact_a = a.fatalities_min is not None and a.fatalities_min == a.fatalities_max
    exact_b = b.fatalities_min is not None and b.fatalities_min == b.fatalities_max
    if not (exact_a and exact_b) or a.fatalities_min == b.fatalities_min:
        return False
    if a.source and b.source:
        return _same_name(a.source, b.source)
    return not a.source and not b.source  # the outlet's own figure and a quoted one may differ


def _word_points(a: frozenset[str], b: frozenset[str]) -> int:
    shared = len(a & b)
    if shared >= 4 and shared / max(1, len(a | b)) >= 0.25:
        return 2
    return 1 if shared >= 3 else 0


def _rank(p: PlaceRef) -> int:
    return _PLACE_RANK.get(p.kind or "", 3)


def _same_name(x: str, y: str) -> bool:
    a, b = _norm(x), _norm(y)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 4 and (f" {a} " in f" {b} " or f" {b} " in f" {a} "))


def _norm(s: str | None) -> str:
    s = (s or "").lower().replace("\u2019", "'").replace("'s ", " ").removesuffix("'s")
    words = [w for w in s.replace("-", " ").split() if w not in ("the", "of")]
    return " ".join(words)


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None
