"""A store of hand-made records for the export tests, built on tests/store/conftest.py's `build_record`.

Three articles: Calder (Kosovo, the store tests' record), a Kharkiv article (Ukraine: a week-long strike by a
foreign military, plus a future CONSULT), and a Lyon article (a protest). Together they exercise every mapping.
"""
from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.types import Count, Entity, EventTime, Place

_STORE_CONFTEST = Path(__file__).resolve().parent.parent / "store" / "conftest.py"


def _store_helpers():
    """tests/store/conftest.py as a plain module (it is not a package, so it cannot be imported by name)."""
    spec = importlib.util.spec_from_file_location("dateline_tests_store_records", _STORE_CONFTEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_helpers = _store_helpers()
build_record, TEXT = _helpers.build_record, _helpers.TEXT


def kharkiv_record():
    base = build_record(text=TEXT + "\n\nA second report.", origin="tests/kharkiv.txt", published="2023-04-12")
    rebels = base.entities[0]
    forces = replace(rebels, name="Russian forces", type="ORG", country="RUS", sector="MIL")
    place = replace(base.places[0], name="Kharkiv", kind="city", country="UKR", admin1="Kharkiv Oblast",
                    lat=49.99, lon=36.23, geonames_id=706483)
    strike = replace(base.events[0], mode="aerial", cameo="195",
                     acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
                     time=EventTime("2023-04-10", "2023-04-16", "week"), fatalities=Count(3, 5, "three to five"))
    talks = replace(base.events[1], category="CONSULT", mode=None, cameo="040", acled=None, modality="future",
                    quantities=())
    return replace(base, entities=(forces, *base.entities[1:]), places=(place,), events=(strike, talks))


def lyon_record():
    base = build_record(text=TEXT + "\n\nA third report.", origin="tests/lyon.txt", published="2023-05-02")
    crowd = Entity("e1", "students", "NORP", None, None, (), base.entities[0].mentions)
    police = replace(base.entities[1], name="police", type="ORG", country="FRA", sector="COP")
    # A point borrowed from the town the text puts the place in (see geo.resolve): approximate.
    lyon = Place("p1", "Lyon", "city", "FRA", "Auvergne-Rhone-Alpes", 45.76, 4.84, 2996944,
                 base.places[0].mentions, located_by="stated_place")
    protest = replace(base.events[0], category="PROTEST", mode="demo", cameo="141",
                      acled={"event_type": "Protests", "sub_event_type": "Protest with intervention"},
                      time=EventTime("2023-05-01", "2023-05-01", "day"), recipients=("e2",), fatalities=None)
    return replace(base, entities=(crowd, police, *base.entities[2:]), places=(lyon,), events=(protest,))


@pytest.fixture
def db(tmp_path) -> Path:
    from dateline.store import open_store

    path = tmp_path / "export.db"
    with open_store(path) as store:
        for record in (build_record(), kharkiv_record(), lyon_record()):
            store.write(record)
    return path


@pytest.fixture
def empty_db(tmp_path) -> Path:
    from dateline.store import open_store

    path = tmp_path / "empty.db"
    open_store(path).close()
    return path


@pytest.fixture
def events(db):
    """`events(EventFilter(...))`: the stored events as iter_events yields them."""
    from dateline.store import open_store
    from dateline.store.select import EventFilter, iter_events

    def run(f: EventFilter = EventFilter()) -> list[dict]:
        with open_store(db) as store:
            return list(iter_events(store.conn, f))

    return run


@pytest.fixture
def store_with(tmp_path):
    """`store_with(edit)`: the events of a store holding the Calder record as `edit(build_record, TEXT)` makes it."""
    from dateline.store import open_store
    from dateline.store.select import EventFilter, iter_events

    def run(edit) -> list[dict]:
        with open_store(tmp_path / "edited.db") as store:
            store.write(edit(build_record, TEXT))
            return list(iter_events(store.conn, EventFilter()))

    return run
