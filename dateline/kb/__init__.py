"""The actor knowledge base: countries, named actors, news outlets and sector cues.

Plain TSV files ship with the package (see README.md for columns, provenance and
how to update them). `load_kb()` reads them, then any files of the same names in
the folder named by the `kb_dir` setting (DATELINE_KB_DIR, or the entities stage's config): a user row replaces the package row with the
same key (iso3, name, cue) and new rows extend the tables.

Name matching: case-insensitive, a leading "the " and a possessive "'s" are ignored,
hyphens count as spaces ("al-Qaeda" = "al Qaeda"). Short all-caps aliases (up to 4
characters: US, UK, UN, IS, WHO) match only in exactly that case, so "us" and "who"
are never countries or organisations.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import settings
from ..data_files import read_table

PACKAGE_DIR = Path(__file__).parent
ENV_DIR = settings.ENVIRONMENT["kb_dir"]

ACTOR_TYPES = frozenset({"PERSON", "ORG", "IGO", "MEDIA"})
SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "MED", "BUS", "CVL", "IGO", "NGO", "REL"})
# In sectors.tsv a cue with this sector is a stopper: it consumes its words without giving
# a sector ("secretary general" must not read as the military "general").
NO_SECTOR = "-"
ROLE_KINDS = frozenset({"elsewhere"})  # roles.tsv
PHRASE_KINDS = ("country", "capital", "demonym", "actor", "media")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    fips: str | None
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None
    note: str

    @property
    def checked(self) -> int | None:
        """The year the row's role was last checked ("... ; checked 2025" in the note)."""
        m = re.search(r"checked (\d{4})", self.note)
        return int(m.group(1)) if m else None


@dataclass(frozen=True, slots=True)
class Media:
    name: str
    aliases: tuple[str, ...]
    country: str | None


def is_exact_only(surface: str) -> bool:
    """Short all-caps aliases (US, UK, U.S., WHO, NATO) match only in exactly that case."""
    return surface.isupper() and len(surface) <= 4


def name_key(text: str) -> str:
    """The case-insensitive form names are compared in."""
    text = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2013", "-")
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return " ".join(text.replace("-", " ").split()).casefold()


def _strip_the(text: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(text.replace("\u2019", "'").split()), flags=re.I)


def _without_possessive(text: str) -> str | None:
    text = text.replace("\u2019", "'")
    if text.endswith("'s"):
        return text[:-2]
    if text.endswith("s'"):
        return text[:-1]
    return None


class _NameIndex:
    """Surface -> record, with the exact-case rule for short all-caps aliases."""

    MEMO_SIZE = 100_000  # lookups remembered (the stages ask about the same few words again and again)

    def __init__(self) -> None:
        self.exact: dict[str, object] = {}
        self.folded: dict[str, object] = {}
        self.conflicts: list[tuple[str, object, object]] = []
        self._memo: dict[str, object | None] = {}

    def add(self, surface: str, record: object) -> None:
        self._memo.clear()
        surface = _strip_the(surface)
        table, key = (self.exact, surface) if is_exact_only(surface) else (self.folded, name_key(surface))
        if not key:
            return
        old = table.get(key)
        if old is not None and old != record and _identity(old) != _identity(record):
            self.conflicts.append((surface, old, record))
        table[key] = record  # later rows (the user's) win

    def get(self, text: str) -> object | None:
        if text in self._memo:
            return self._memo[text]
        if len(self._memo) >= self.MEMO_SIZE:
            self._memo.clear()
        hit = self._lookup(text)
        self._memo[text] = hit
        return hit

    def _lookup(self, text: str) -> object | None:
        for form in (text, _without_possessive(text)):
            if not form:
                continue
            form = _strip_the(form)
            hit = self.exact.get(form) or self.folded.get(name_key(form))
            if hit is not None:
                return hit
        return None


def _identity(record: object) -> str:
    return f"{type(record).__name__}:{getattr(record, 'iso3', None) or getattr(record, 'name')}"


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _rows(filename: str, key: str, user_dir: Path | None,
          allowed: dict[str, frozenset[str]] | None = None) -> list[dict[str, str]]:
    """Package rows, then the user's: same key replaces (in place), new keys extend. Within one file a
    key comes once and `allowed` columns hold only their vocabulary (checked by read_table)."""
    merged: dict[str, dict[str, str]] = {}
    sources = [PACKAGE_DIR / filename] + ([user_dir / filename] if user_dir else [])
    for path in sources:
        if path.is_file():
            for row in read_table(path, key=key, allowed=allowed, fold_key=True):
                merged[row[key].casefold()] = row
    return list(merged.values())


def _float(value: str) -> float | None:
    return float(value) if value else None


class KnowledgeBase:
    def __init__(self, user_dir: Path | None = None) -> None:
        self.countries: tuple[Country, ...] = tuple(
            Country(
                iso3=r["iso3"].upper(), iso2=r["iso2"].upper(), fips=r.get("fips") or None, name=r["name"],
                aliases=_split(r.get("aliases", "")), demonyms=_split(r.get("demonyms", "")),
                capital=r.get("capital") or None, capital_aliases=_split(r.get("capital_aliases", "")),
                lat=_float(r.get("lat", "")), lon=_float(r.get("lon", "")),
            )
            for r in _rows("countries.tsv", "iso3", user_dir)
        )
        self.actors: tuple[Actor, ...] = tuple(
            Actor(
                name=r["name"], aliases=_split(r.get("aliases", "")), type=r.get("type") or "ORG",
                country=r.get("country") or None, sector=r.get("sector") or None, note=r.get("note", ""),
            )
            for r in _rows("actors.tsv", "name", user_dir, {"type": ACTOR_TYPES | {""}, "sector": SECTORS | {""}})
        )
        self.outlets: tuple[Media, ...] = tuple(
            Media(name=r["name"], aliases=_split(r.get("aliases", "")), country=r.get("country") or None)
            for r in _rows("media.tsv", "name", user_dir)
        )
        self.sector_cues: dict[str, str] = {
            " ".join(r["cue"].lower().split()): r["sector"]
            for r in _rows("sectors.tsv", "cue", user_dir, {"sector": SECTORS | {NO_SECTOR}})
        }
        self._by_iso3 = {c.iso3: c for c in self.countries}
        self._names, self._demonyms, self._capitals = _NameIndex(), _NameIndex(), _NameIndex()
        self._actors, self._media = _NameIndex(), _NameIndex()
        for c in self.countries:
            for s in (c.name, *c.aliases):
                self._names.add(s, c)
            for s in c.demonyms:
                self._demonyms.add(s, c)
            for s in ((c.capital,) if c.capital else ()) + c.capital_aliases:
                self._capitals.add(s, c)
        for a in self.actors:
            for s in (a.name, *a.aliases):
                self._actors.add(s, a)
        for m in self.outlets:
            for s in (m.name, *m.aliases):
                self._media.add(s, m)
        # Cues indexed by their first word, longest first, for left-to-right longest match.
        self._cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for cue, sector in sorted(self.sector_cues.items(), key=lambda kv: -len(kv[0].split())):
            words = tuple(cue.split())
            self._cues.setdefault(words[0], []).append((words, sector))

    # -- lookups -----------------------------------------------------------------
    def country(self, iso3: str) -> Country | None:
        return self._by_iso3.get(iso3.upper())

    def country_by_name(self, text: str) -> Country | None:
        return self._names.get(text)  # type: ignore[return-value]

    def country_by_demonym(self, text: str) -> Country | None:
        return self._demonyms.get(text)  # type: ignore[return-value]

    def country_by_capital(self, text: str) -> Country | None:
        return self._capitals.get(text)  # type: ignore[return-value]

    def actor(self, text: str) -> Actor | None:
        return self._actors.get(text)  # type: ignore[return-value]

    def media(self, text: str) -> Media | None:
        return self._media.get(text)  # type: ignore[return-value]

    def sector_for(self, words: Iterable[str]) -> str | None:
        """The sector of the first cue in `words` (a title or head noun phrase).

        Scans left to right; at each word the longest cue starting there wins, so
        "air force" beats "force" and "prime minister" beats "minister". Plural and
        possessive forms are tolerated ("soldiers", "army's"). Stopper cues ("secretary
        general") consume their words and give nothing.
        """
        tokens = [t for w in words for t in _cue_tokens(w)]
        i = 0
        while i < len(tokens):
            match = self._cue_at(tokens, i)
            if match is None:
                i += 1
                continue
            length, sector = match
            if sector != NO_SECTOR:
                return sector
            i += length
        return None

    def _cue_at(self, tokens: list[list[str]], i: int) -> tuple[int, str] | None:
        for first in tokens[i]:
            for words, sector in self._cues.get(first, ()):
                n = len(words)
                if i + n <= len(tokens) and all(words[k] in tokens[i + k] for k in range(1, n)):
                    return n, sector
        return None

    def phrases(self) -> list[tuple[str, str]]:
        """(surface, kind) pairs for a spaCy PhraseMatcher; each surface once, first kind wins.

        Match surfaces that `is_exact_only` with attr="ORTH", the others with attr="LOWER".
        """
        seen: dict[str, str] = {}
        groups = (
            ("country", [s for c in self.countries for s in (c.name, *c.aliases)]),
            ("capital", [s for c in self.countries for s in ((c.capital,) if c.capital else ()) + c.capital_aliases]),
            ("demonym", [s for c in self.countries for s in c.demonyms]),
            ("actor", [s for a in self.actors for s in (a.name, *a.aliases)]),
            ("media", [s for m in self.outlets for s in (m.name, *m.aliases)]),
        )
        for kind, surfaces in groups:
            for s in surfaces:
                seen.setdefault(s, kind)
        return list(seen.items())

    def conflicts(self) -> list[tuple[str, str, str]]:
        """Surfaces that point to two different records: (surface, first, second) by name.

        Within one table (two countries with one alias) and across tables (a surface
        that is both a country alias and an actor alias) — data errors to fix.
        """
        found = [(s, _identity(a), _identity(b))
                 for index in (self._names, self._demonyms, self._capitals, self._actors, self._media)
                 for s, a, b in index.conflicts]
        owners: dict[tuple[bool, str], str] = {}
        for index in (self._names, self._actors, self._media):
            for exact, table in ((True, index.exact), (False, index.folded)):
                for key, record in table.items():
                    ident = _identity(record)
                    if owners.setdefault((exact, key), ident) != ident:
                        found.append((key, owners[(exact, key)], ident))
        return found


def _cue_tokens(word: str) -> list[list[str]]:
    """A word as cue tokens, each a list of candidate forms (itself and its singulars)."""
    out = []
    for part in word.lower().replace("\u2019", "'").split("-"):
        part = part.strip(".,;:'\"()")
        if part.endswith("'s"):
            part = part[:-2]
        if not part:
            continue
        forms = [part]
        if part.endswith("ies"):
            forms.append(part[:-3] + "y")
        if part.endswith("men"):
            forms.append(part[:-3] + "man")
        if part.endswith("es"):
            forms.append(part[:-2])
        if part.endswith("s") and not part.endswith("ss"):
            forms.append(part[:-1])
        out.append(forms)
    return out


@lru_cache(maxsize=8)
def _load(user_dir: str | None) -> KnowledgeBase:
    return KnowledgeBase(Path(user_dir) if user_dir else None)


def load_kb(user_dir: str | None = None) -> KnowledgeBase:
    """The knowledge base: package files plus the user's overrides in `user_dir`, else in the
    `kb_dir` setting (DATELINE_KB_DIR) (cached)."""
    return _load(str(user_dir) if user_dir else settings.get("kb_dir"))


@lru_cache(maxsize=4)
def role_words(kind: str) -> frozenset[str]:
    """Title words of one kind from `roles.tsv` (e.g. "elsewhere": roles held away from the story's place)."""
    return frozenset(r["word"] for r in read_table(PACKAGE_DIR / "roles.tsv", allowed={"kind": ROLE_KINDS})
                     if r["kind"] == kind)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that make a name in apposition a person's (`person_nouns.tsv`)."""
    return frozenset(r["noun"] for r in read_table(PACKAGE_DIR / "person_nouns.tsv", key="noun", fold_key=True))


@lru_cache(maxsize=4)
def person_cues(kind: str) -> frozenset[str]:
    """Words of one kind from `person_cues.tsv` ("harm" verbs, "belonging" nouns) that make a name a person's."""
    return frozenset(r["word"] for r in read_table(PACKAGE_DIR / "person_cues.tsv", allowed={"kind": ("harm", "belonging")})
                     if r["kind"] == kind)


@lru_cache(maxsize=4)
def org_cues(kind: str) -> frozenset[str]:
    """Words of one kind from `org_cues.tsv` ("legal_form", "office") that make a name an organisation's."""
    return frozenset(r["word"] for r in read_table(PACKAGE_DIR / "org_cues.tsv", allowed={"kind": ("legal_form", "office")})
                     if r["kind"] == kind)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return {r["name"].casefold(): r["gender"]
            for r in read_table(PACKAGE_DIR / "first_names.tsv", key="name", fold_key=True,
                                allowed={"gender": ("m", "f")})}


@lru_cache(maxsize=1)
def _title_abbreviations() -> dict[str, str]:
    return {r["abbreviation"].casefold(): r["title"]
            for r in read_table(PACKAGE_DIR / "title_abbreviations.tsv", key="abbreviation", fold_key=True)}


def title_of_abbreviation(word: str) -> str | None:
    """The role noun an abbreviated title stands for ("Gov." -> "governor"), else None (`title_abbreviations.tsv`)."""
    return _title_abbreviations().get(word.strip(".").casefold())


@lru_cache(maxsize=1)
def _person_noun_genders() -> dict[str, str]:
    return {r["noun"]: r["gender"] for r in read_table(PACKAGE_DIR / "person_nouns.tsv", key="noun", fold_key=True,
                                                       allowed={"gender": ("m", "f", "")})
            if r.get("gender")}


def person_noun_gender(noun: str) -> str | None:
    """"m" or "f" for a person noun of one sex ("mother", "spokesman"), else None (`person_nouns.tsv`)."""
    return _person_noun_genders().get(noun.casefold())


def first_name_gender(name: str) -> str | None:
    """"m" or "f" when a person's given name (`first_names.tsv`) is borne almost only by one sex, else None."""
    return _first_names().get(name.strip(".,'’").casefold())
