"""The knowledge base: lookups, case rules, sector cues, the user overlay and data integrity."""
from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

from dateline import kb as kbmod
from dateline.kb import ACTOR_TYPES, ENV_DIR, NO_SECTOR, PACKAGE_DIR, SECTORS, Actor, KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The package files only: a DATELINE_KB_DIR set in the shell must not change these tests."""
    return KnowledgeBase()


def _raw_rows(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a package TSV, cells unpadded, so stray tabs show."""
    path = PACKAGE_DIR / name
    assert path.is_file(), f"{name} is missing from the package"
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    header, *rows = (l.split("\t") for l in lines)
    return header, rows


# -- lookups -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso3", [
    ("Ukraine", "UKR"), ("the United States", "USA"), ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"),
    ("UK", "GBR"), ("Britain", "GBR"), ("Russia's", "RUS"), ("belarus", "BLR"), ("Kosovo", "XKX"),
])
def test_kb_country_by_name(kb, text, iso3):
    assert kb.country_by_name(text).iso3 == iso3


@pytest.mark.parametrize("text, iso3", [
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Minsk", "BLR"), ("Moscow", "RUS"), ("Washington", "USA"),
])
def test_kb_country_by_capital(kb, text, iso3):
    assert kb.country_by_capital(text).iso3 == iso3


@pytest.mark.parametrize("text, iso3", [
    ("Belarusian", "BLR"), ("Ukrainians", "UKR"), ("British", "GBR"), ("American", "USA"), ("russian", "RUS"),
])
def test_kb_country_by_demonym(kb, text, iso3):
    assert kb.country_by_demonym(text).iso3 == iso3


def test_kb_country_by_iso3_any_case(kb):
    assert kb.country("ukr").name == "Ukraine"
    assert kb.country("XYZ") is None


@pytest.mark.parametrize("text", ["us", "Us", "uk", "who", "Atlantis"])
def test_kb_lowercase_short_words_are_not_countries(kb, text):
    assert kb.country_by_name(text) is None


@pytest.mark.parametrize("text, name, country", [
    ("Reuters", "Reuters", "GBR"), ("AP", "Associated Press", "USA"), ("the Associated Press", "Associated Press", "USA"),
    ("AFP", "Agence France-Presse", "FRA"), ("the BBC", "BBC", "GBR"), ("BBC's", "BBC", "GBR"),
    ("Al-Jazeera", "Al Jazeera", "QAT"), ("the Kyiv Independent", "Kyiv Independent", "UKR"), ("BelTA", "BelTA", "BLR"),
])
def test_kb_media_lookup(kb, text, name, country):
    outlet = kb.media(text)
    assert (outlet.name, outlet.country) == (name, country)


@pytest.mark.parametrize("text", ["ap", "bbc", "cnn", "npr", "afp"])
def test_kb_media_short_caps_alias_needs_exact_case(kb, text):
    assert kb.media(text) is None


@pytest.mark.parametrize("surface, exact", [("US", True), ("U.S.", True), ("NATO", True), ("Reuters", False), ("ITAR-TASS", False)])
def test_kb_is_exact_only(surface, exact):
    assert kbmod.is_exact_only(surface) is exact


def test_kb_phrases_give_each_surface_once_with_its_kind(kb):
    phrases = kb.phrases()
    surfaces = [s for s, _ in phrases]
    assert len(surfaces) == len(set(surfaces))
    kinds = dict(phrases)
    assert kinds["Kiev"] == "capital"
    assert kinds["Belarusian"] == "demonym"
    assert kinds["Ukraine"] == "country"
    assert kinds["AFP"] == "media"


def test_kb_actor_checked_year_from_note():
    def actor(note: str) -> Actor:
        return Actor(name="X", aliases=(), type="PERSON", country=None, sector="GOV", note=note)

    assert actor("prime minister since 2024; checked 2026").checked == 2026
    assert actor("prime minister").checked is None


# -- sector cues ---------------------------------------------------------------------------

@pytest.mark.parametrize("words, sector", [
    (["commander", "of", "the", "joint", "forces"], "MIL"),
    (["russian", "president"], "GOV"),
    (["prime", "minister"], "GOV"),
    (["defence", "chief"], "GOV"),
    (["head", "of", "ukraine's", "armed", "forces"], "MIL"),
    (["regional", "military", "spokeswoman"], "MIL"),
    (["spokeswoman"], "GOV"),
    (["rebel", "leader"], "REB"),
    (["opposition", "leader"], "OPP"),
    (["police", "officers"], "COP"),
    (["policemen"], "COP"),
    (["soldiers"], "MIL"),
    (["army's"], "MIL"),
    (["Gen."], "MIL"),
    (["air", "force", "pilot"], "MIL"),
    (["attorney", "general"], "JUD"),
    (["U.N.", "envoy"], "IGO"),
    (["nato", "secretary-general"], "IGO"),
    (["Kremlin", "chief", "of", "staff"], "GOV"),
    (["central", "bank", "governor"], "GOV"),
    (["aid", "workers"], "NGO"),
    (["local", "residents"], "CVL"),
    (["state", "tv"], "MED"),
    (["party", "secretary"], "PTY"),
    (["cleric"], "REL"),
])
def test_kb_sector_for_title(kb, words, sector):
    assert kb.sector_for(words) == sector


@pytest.mark.parametrize("words", [
    ["secretary", "general"], ["secretary-general"], ["director", "general"], ["major", "city"],
    ["officer"], ["head"], [],
])
def test_kb_sector_for_gives_none_without_a_cue(kb, words):
    assert kb.sector_for(words) is None


# -- the user's overlay --------------------------------------------------------------------

def _write(folder: Path, name: str, *lines: str) -> None:
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_kb_user_dir_replaces_and_extends_rows(tmp_path, monkeypatch, kb):
    _write(tmp_path, "sectors.tsv", "cue\tsector", "mp\tPTY", "hetman\tMIL")
    _write(tmp_path, "media.tsv", "name\taliases\tcountry", "Dateline Daily\tDD Online\tIRL")
    _write(tmp_path, "countries.tsv", "iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcapital_aliases\tlat\tlon",
           "UKR\tUA\tUP\tUkraine\t\tUkrainian|Ukrainians\tKyiv\tKyjiw\t48.4\t31.2")
    _write(tmp_path, "actors.tsv", "name\taliases\ttype\tcountry\tsector\tnote",
           "Jane Testperson\tTestperson\tPERSON\tIRL\tGOV\tinvented minister for this test; checked 2026")
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    kbmod._load.cache_clear()
    user = load_kb()

    assert user.sector_for(["mp"]) == "PTY" and kb.sector_for(["mp"]) == "GOV"
    assert user.sector_for(["hetman"]) == "MIL"
    assert len(user.sector_cues) == len(kb.sector_cues) + 1
    assert user.media("DD Online").country == "IRL"
    assert len(user.outlets) == len(kb.outlets) + 1
    assert user.country_by_capital("Kyjiw").iso3 == "UKR"
    assert user.country_by_capital("Kiev") is None  # the user's UKR row replaced the package's
    assert len(user.countries) == len(kb.countries)
    assert user.actor("Testperson").checked == 2026
    kbmod._load.cache_clear()


def test_kb_without_user_dir_is_the_package(monkeypatch, kb):
    monkeypatch.delenv(ENV_DIR, raising=False)
    kbmod._load.cache_clear()
    assert load_kb().sector_cues == kb.sector_cues


# -- data integrity over the shipped TSVs --------------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("countries.tsv", "iso3"), ("actors.tsv", "name"), ("media.tsv", "name"), ("sectors.tsv", "cue"),
])
def test_kb_file_rows_fit_header_and_keys_are_unique(name, key):
    header, rows = _raw_rows(name)
    assert key in header
    wide = [r for r in rows if len(r) > len(header)]
    assert not wide, f"stray tabs in {name}: {wide[:3]}"
    keys = [r[header.index(key)].strip().casefold() for r in rows]
    assert all(keys), f"empty {key} in {name}"
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate {key} in {name}: {dupes}"


def test_kb_country_codes_are_well_formed(kb):
    assert len(kb.countries) > 240
    for c in kb.countries:
        assert re.fullmatch(r"[A-Z]{3}", c.iso3), c
        assert re.fullmatch(r"[A-Z]{2}", c.iso2), c
    for codes in ([c.iso3 for c in kb.countries], [c.iso2 for c in kb.countries]):
        assert len(codes) == len(set(codes))


def test_kb_countries_agree_with_pycountry(kb):
    for c in kb.countries:
        if c.iso3 == "XKX":  # Kosovo: user-assigned code, not in ISO 3166-1
            continue
        official = pycountry.countries.get(alpha_3=c.iso3)
        assert official is not None, c.iso3
        assert official.alpha_2 == c.iso2, c.iso3


def test_kb_sectors_are_in_the_closed_vocabulary(kb):
    for cue, sector in kb.sector_cues.items():
        assert sector in SECTORS | {NO_SECTOR}, (cue, sector)
        assert cue == cue.lower() and not cue.endswith("."), cue
    for actor in kb.actors:
        assert actor.sector is None or actor.sector in SECTORS, actor


def test_kb_actor_types_and_countries_are_known(kb):
    iso3 = {c.iso3 for c in kb.countries}
    for actor in kb.actors:
        assert actor.type in ACTOR_TYPES, actor
        assert actor.country is None or actor.country in iso3, actor


def test_kb_actor_rows_say_when_they_were_checked(kb):
    unchecked = [a.name for a in kb.actors if a.checked is None]
    assert not unchecked, f"actors without 'checked YYYY' in note: {unchecked[:10]}"


def test_kb_media_countries_are_known(kb):
    iso3 = {c.iso3 for c in kb.countries}
    assert len(kb.outlets) >= 100
    for outlet in kb.outlets:
        assert outlet.country in iso3, outlet


def test_kb_no_surface_points_to_two_records(kb):
    assert kb.conflicts() == []


def test_kb_first_name_gender_only_for_names_of_one_sex():
    from dateline.kb import first_name_gender

    assert first_name_gender("Ruth") == "f" and first_name_gender("tom") == "m"
    assert first_name_gender("Kim") is None  # a surname first elsewhere: says nothing
    assert first_name_gender("Adler") is None
