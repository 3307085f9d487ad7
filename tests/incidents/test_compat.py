"""Pure linking logic on hand-built reports (no store, no spaCy)."""
from __future__ import annotations

import pytest

from dateline.incidents.compat import conflict, linkable, place_relation, score
from dateline.incidents.link import incident_id, link
from dateline.incidents.model import ActorRef, Figure, PlaceRef, Report
from dateline.incidents.words import content_words

KYIV = PlaceRef("Kyiv", "city", "UKR", 50.45, 30.52, 703448)
IRPIN = PlaceRef("Irpin", "city", "UKR", 50.52, 30.25, 700000)  # ~20 km away
LVIV = PlaceRef("Lviv", "city", "UKR", 49.84, 24.03, 702550)
RUSSIA = ActorRef("Russia", "RUS")
UKRAINE = ActorRef("Ukraine", "UKR")


def rep(doc="d1", ev="v1", **kw) -> Report:
    base = dict(category="ASSAULT", modality="actual", published="2023-03-10", date_from="2023-03-09",
                date_to="2023-03-09", precision="day", actors=(RUSSIA,), recipients=(UKRAINE,),
                sentence=(int(ev[1:]) * 100, int(ev[1:]) * 100 + 90))
    base.update(kw)
    return Report(doc_id=doc, event_id=ev, **base)


@pytest.mark.parametrize("change, reason", [
    (dict(category="PROTEST"), "category"),
    (dict(modality="future"), "modality"),
    (dict(date_from="2023-03-01", date_to="2023-03-01"), "time"),
    (dict(place=PlaceRef("Minsk", "city", "BLR", 53.9, 27.56, 625144)), "place"),
    (dict(place=LVIV), "place"),
    (dict(actors=(ActorRef("Belarus", "BLR"),)), "actors"),
])
def test_compat_conflict_reasons(change, reason):
    assert conflict(rep(place=KYIV), rep("d2", **change)) == reason


def test_compat_compatible_when_one_side_unknown():
    assert conflict(rep(place=KYIV), rep("d2", place=None, actors=(), date_from=None, date_to=None,
                                         precision=None, published="2023-03-10")) is None


def test_compat_day_precision_allows_one_day():
    assert conflict(rep(), rep("d2", date_from="2023-03-10", date_to="2023-03-10")) is None
    assert conflict(rep(), rep("d2", date_from="2023-03-11", date_to="2023-03-11")) == "time"


def test_compat_places_nearby_are_compatible_far_are_not():
    assert place_relation(KYIV, IRPIN) == "near"
    assert place_relation(KYIV, LVIV) == "conflict"
    assert place_relation(KYIV, PlaceRef("Ukraine", "country", "UKR")) == "contains"


def test_compat_two_tolls_from_one_voice_are_two_events():
    a = rep(fatalities_min=3, fatalities_max=3)
    b = rep(ev="v2", fatalities_min=7, fatalities_max=7)
    assert conflict(a, b) == "fatalities"
    quoted = rep(ev="v2", fatalities_min=7, fatalities_max=7, source="the health ministry")
    assert conflict(a, quoted) is None  # the outlet's figure and a quoted one may disagree


def test_compat_one_sentence_two_kinds_of_force_are_two_events():
    a = rep(mode="firearms")
    b = rep(ev="v9", mode="explosives", sentence=a.sentence)
    assert conflict(a, b) == "mode"


def test_compat_dyad_and_figures_link_across_articles():
    a = rep(place=KYIV, figures=(Figure(76, "missile", "fired"),))
    b = rep("d2", place=KYIV, figures=(Figure(76, "missile", "fired"),), source="Ukraine's air force")
    assert score(a, b) >= 3 and linkable(a, b)


def test_compat_dates_and_category_alone_do_not_link():
    a = rep(actors=(), recipients=())
    b = rep("d2", actors=(), recipients=())
    assert linkable(a, b) is None


def test_words_drop_function_and_generic_words():
    assert content_words("The shells killed people at the Jebaliya school, officials said") == {"shells", "jebaliya", "school"}


def test_link_merges_and_names_after_first_report():
    first = rep("d1", "v1", place=KYIV, published="2023-03-09")
    second = rep("d2", "v4", place=KYIV, figures=(Figure(76, "missile"),))
    third = rep("d3", "v2", place=KYIV, figures=(Figure(76, "missile"),))
    result = link({}, [third, second, first])
    assert len(result.clusters) == 1
    (iid, members), = result.clusters.items()
    assert iid == incident_id(first) and [m.doc_id for m in members] == ["d1", "d2", "d3"]


def test_link_is_incremental_and_keeps_stored_ids():
    a = rep("d1", "v1", place=KYIV)
    b = rep("d2", "v1", place=KYIV)
    stored = link({}, [a, b]).clusters
    c = rep("d3", "v1", place=KYIV)
    again = link(stored, [c])
    assert set(stored) <= set(again.clusters)
    assert any(c in ms for iid, ms in again.clusters.items() if iid in stored)
    assert link(stored, [a, b]).clusters == stored  # nothing new: nothing changes


def test_link_cannot_link_blocks_chains():
    a = rep("d1", "v1", place=KYIV, date_from="2023-03-08", date_to="2023-03-08")
    b = rep("d2", "v1", place=KYIV, date_from="2023-03-09", date_to="2023-03-09")
    c = rep("d3", "v1", place=KYIV, date_from="2023-03-10", date_to="2023-03-10")
    clusters = link({}, [a, b, c]).clusters.values()
    assert not any(a in ms and c in ms for ms in clusters)  # two days apart: never one incident


def test_compat_several_happenings_are_not_one_of_them():
    one = rep(trigger="attack", place=KYIV)
    many = rep("d2", trigger="attacks", place=KYIV)
    assert conflict(one, many) == "number"
    assert conflict(one, rep("d2", trigger="strike", place=KYIV)) is None


def test_compat_inferred_participants_are_not_evidence():
    # Two events of one story whose actors, target and place the events stage filled in by default
    guessed = dict(place=KYIV, inferred=frozenset({"actors", "recipients", "place"}))
    a = rep("d1", "v1", **guessed)
    b = rep("d1", "v2", **guessed)
    assert linkable(a, b) is None
    assert linkable(rep("d1", "v1", place=KYIV), rep("d1", "v2", place=KYIV)) is not None  # stated: linked
    # nor is a guess a conflict: an inferred Belarusian actor does not rule out a stated Russian one
    assert conflict(rep("d1", "v1", actors=(ActorRef("Belarus", "BLR"),), inferred=frozenset({"actors"})),
                    rep("d2", "v1")) is None
