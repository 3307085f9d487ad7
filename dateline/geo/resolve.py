"""Toponym resolution: each literal place mention -> one gazetteer place, using the article as context.

Works on plain text and character spans (no spaCy), so the benchmark can feed it gold spans.
Evidence, strongest first:
- explicit containers: "Belgorod, Russia", "the Russian city of Belgorod", "in Borno state";
- the article's focus: the countries and admin1 areas the *other* names point to (each weighted by how
  sure we are of its reading, re-read over a few rounds), demonyms ("Ohioans"), the dateline city;
  a name never votes for its own reading, so "Georgia" among Atlanta and Macon is the US state;
- nearness to the readings of the other names ("Bucha and Irpin ... north of the capital");
- feature type, population and prominence (a country beats a village of the same name).
A name the gazetteer lacks is placed, when the text allows, and says how (`located_by`): at a place
named inside it ("Zaventem Airport"), at the place the text puts it in ("Loyola University in Los
Angeles"), else at the article's own town (low confidence), else nowhere. US counties, known only by
name and state, sit among the article's towns in that state.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field


from . import demonyms, gazetteer
from . import focus as focus_mod
from ..types import LocatedBy
from .gazetteer import Candidate
from .distance import km
from .normalize import GENERIC_PREFIX, county_key, likeness, norm
from .outlet import outlet_country
from .relative import move, names_the_capital, offset_after, _anchor as anchor_point

ADMIN_WORDS = r"region|oblast|province|governorate|state|district|county|parish|prefecture|voblast|krai"
_ADMIN_AFTER = re.compile(rf"^\s+({ADMIN_WORDS})\b", re.I)
_ADMIN_END = re.compile(rf"\s({ADMIN_WORDS})$", re.I)
_SMALL_ADMIN = re.compile(r"\s(county|parish|district)$", re.I)  # below admin1: its namesake town is close
# "eastern Ukraine" before a name; inside one also the bare compass word ("South Waziristan", "Western US").
DIRECTIONS = (r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|"
              r"southwestern|eastern|western|northern|southern|central")
_DIRECTION_BEFORE = re.compile(rf"\b({DIRECTIONS})\s+$", re.I)
_DIRECTION_START = re.compile(rf"^({DIRECTIONS}|north-east|north-west|south-east|south-west|northeast|northwest|"
                              rf"southeast|southwest|north|south|east|west)\s+(\S.*)$", re.I)
_NORP_OF = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:city|town|village|region|province|port|capital|"
                      r"border town|border city|port city|oblast|state|district|settlement|enclave|island) of\s+$")
_OWNER_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2})['\u2019]s?\s+(?:(?:restive|northern|southern|"
                           r"eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|"
                           r"remote|coastal|capital|city|town|port)\s+)?$")
_COMMA_AFTER = re.compile(r"^,\s+([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2})")
# Words that say a name is the area (state, province) and not the town of the same name.
_AREA_AFTER = re.compile(r"^(?:['\u2019]s)?\s+(?:border|borders|state line|governor|gov\.|attorney general|"
                         r"legislature|lawmakers|legislators|state senate|general assembly)\b", re.I)
_AREA_BEFORE = re.compile(r"\b(?:upstate|downstate|governor of|across|statewide in)\s+$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around|across|throughout|into|to|from|along)\s+(?:the\s+)?$")
# Words that say outright the name is a state: it then beats the namesake town, not only draws level.
_STATE_BEFORE = re.compile(r"\bstate of\s+$|\bstates (?:such as|like|including) (?:[A-Z][\w.]*(?: [A-Z][\w.]*)?(?:,| or| and) )*$")
_LIST_GOES_ON = re.compile(r"^(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}?)(?:,\s+[A-Z][A-Za-z .]*)?\s*(?:,\s|\(|[—–]\s|-{1,2}\s)")
_FACILITY_WORDS = re.compile(r"\b(airport|university|square|street|road|avenue|boulevard|lane|drive|bridge|base|"
                             r"hospital|station|hall|tower|mall|museum|cathedral|theatre|theater|library|arena|zoo|"
                             r"port|plant|dam|camp|prison|palace|stadium|market|mosque|church|school|building|"
                             r"highway|park|embassy|hotel|center|centre|complex|field|checkpoint|crossing)\b", re.I)
POPULATED = ("city", "town", "village")
# Readings too big for an offset to be about them: "Acapulco, Mexico, 300 km from Mexico City" moves Acapulco.
AREA_KINDS = ("country", "admin1", "region", "water")
# Prior weights, in points (1 point ~ a tenfold population); set on the Gritta corpora as a whole.
FAME_WEIGHT = 0.75  # per decade of GeoNames alternate names
ALIAS_PENALTY = 3.0  # a place found only by an alternate name, when the name is another place's own
SPELLING_LIKENESS = 0.75  # an alternate name this like the place's own is a transliteration ("Jenin", "Janin")
NAMESAKE_PENALTY = 3.0  # a town or village named like a country
CAPITAL_BONUS = 2.5  # a national capital
AREA_SAID_BONUS = 3.0  # "states such as Washington", "Tacoma, Washington": the state over its namesake town
COUNTRY_SIZE_WEIGHT = 0.05  # a tie-break between countries of one name, not a match for a town's evidence
FAR_FROM_HOME_KM = 300.0
# A name the text puts in a country this big is not placed at the country's point (0 of 3 such within
# 161 km on the Gritta corpora' read part); a small country's point is near enough (Israel, Belgium).
STATED_COUNTRY_MAX_KM = 800.0  # a place named inside an unknown name, this far from the article's town, is a namesake
# "facility" rows are only our table's landmarks (White House, Kremlin, Heathrow): famous by construction.
KIND_PRIOR = {"country": 12.0, "region": 10.5, "water": 10.5, "admin1": 6.0, "admin2": 6.0, "facility": 10.0}


@dataclass
class Resolved:
    """One distinct place of an article, with every mention (character spans) that names it."""
    name: str
    kind: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    confidence: float
    alternatives: tuple[int, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    key: object = None  # gazetteer id, or the normalised name when unknown
    located_by: LocatedBy | None = "gazetteer"  # None: no coordinates


@dataclass
class _Group:
    """All mentions of one surface form, resolved together."""
    surface: str
    spans: list[tuple[int, int]]
    label: str | None
    candidates: list[Candidate]
    container: set[str] = field(default_factory=set)  # alpha-3 or admin1 names stated next to a mention
    admin_form: bool = False  # "Kherson region"
    area_cue: bool = False  # "the New York border", "New York's governor": the area, not its town
    state_said: bool = False  # "the state of Washington", "states such as California or Washington"
    after_town: "_Group | None" = None  # the name right before "<name>, " ("Tacoma, Washington")
    direction: str | None = None  # "eastern" Ukraine
    dateline: bool = False  # "KYIV, Dec 18 (Reuters)": always a town
    definite: bool = False  # "the West"
    locative: bool = False  # named after "in", "at", "near"...
    base: list[float] = field(default_factory=list)  # prior + containers
    scores: list[float] = field(default_factory=list)


def resolve(text: str, spans: list[tuple[int, int]], labels: list[str | None] | None = None,
            outlet: str | None = None) -> list[Resolved]:
    """Resolve the toponym spans of one article (`outlet`: its URL or domain, for the hints it gives).
    Never raises on unknown names; order = first mention."""
    labels = labels or [None] * len(spans)
    groups = _group(text, spans, labels)
    focus = _score(text, groups, outlet_country(outlet))
    return _places(text, groups, focus)


def _score(text: str, groups: list[_Group], outlet_country: str | None) -> dict:
    """Set every group's candidate scores; returns the article's focus (all groups voting)."""
    for g in groups:
        g.base = [_prior(c, g) + _container_score(c, g) for c in g.candidates]
        g.scores = list(g.base)
    m = _DATELINE.match(text)
    stated = focus_mod.stated_focus(text, m.group(1) if m else None)
    if outlet_country:  # "bbc.co.uk", "irishtimes.ie": the outlet's country
        stated[0][outlet_country] += focus_mod.OUTLET_COUNTRY_W
    for _ in range(focus_mod.FOCUS_ROUNDS):  # each round reads the others' beliefs of the round before
        votes = [focus_mod.votes(g) for g in groups]
        for g, own in zip(groups, votes):
            focus = focus_mod.focus_without(stated, votes, own)
            g.scores = [b + focus_mod.focus_score(c, focus) for b, c in zip(g.base, g.candidates)]
    focus_mod.proximity_pass(groups)
    focus_mod.county_pass(groups)
    return focus_mod.focus_without(stated, [focus_mod.votes(g) for g in groups], None)


# ---------------------------------------------------------------- grouping and explicit cues

def _group(text, spans, labels) -> list[_Group]:
    by_key: dict[tuple, _Group] = {}
    order: list[_Group] = []
    ends: dict[int, _Group] = {}
    for (start, end), label in sorted(zip(spans, labels), key=lambda x: x[0]):
        surface = text[start:end]
        after, before = text[end:end + 40], text[max(0, start - 60):start]
        admin = _ADMIN_AFTER.match(after)
        if admin and not _names_area(surface, admin.group(1)):
            admin = None
        direction = _DIRECTION_BEFORE.search(before)
        if admin:
            end += admin.end()
        listed = None if admin else _listed_area(surface, text[end:end + 200])
        if listed:  # "Clay, Douglas and Wilkin counties": each is "<name> County"; the span stays the name
            surface = f"{surface} {listed}"
        admin_form = bool(admin) or bool(listed) or bool(_ADMIN_END.search(surface))
        dateline = start < 40 and bool(_DATELINE.match(text)) and _DATELINE.match(text).start(1) == start
        key = (norm(surface), admin_form, direction.group(1).lower() if direction else None, dateline)
        g = by_key.get(key)
        if g is None:
            g = _Group(surface=surface if listed else text[start:end], spans=[], label=label, candidates=[],
                       admin_form=admin_form,
                       direction=key[2], dateline=dateline, definite=before.lower().endswith("the "))
            g.candidates = _candidates(g)
            by_key[key] = g
            order.append(g)
        g.spans.append((start, end))
        ends[end] = g
        g.container |= _containers(text, start, end, g.candidates)
        before_comma = ends.get(start - 2) if text[max(0, start - 2):start] == ", " else None
        if before_comma is not None and before_comma is not g and not _LIST_GOES_ON.match(after):
            g.after_town = before_comma  # "Tacoma, Washington": Washington is what holds Tacoma
        g.area_cue |= bool(_AREA_AFTER.match(after)) or bool(_AREA_BEFORE.search(before))
        g.state_said |= bool(_STATE_BEFORE.search(before))
        g.locative |= bool(_LOCATIVE_BEFORE.search(before))
    return order


# A list of names closed by a plural area word: "Becker, Clay, Otter Tail and Wilkin counties", "Kano and
# Kaduna states", "in Donetsk and Luhansk regions". Each name in it is that kind of area.
_NAME = r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}"
_LISTED_AREAS = re.compile(rf"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){_NAME})*\s+"
                           r"(counties|parishes|provinces|regions|states|oblasts|districts|governorates|prefectures)\b")
_SINGULAR = {"counties": "County", "parishes": "Parish", "provinces": "province", "regions": "region",
             "states": "state", "oblasts": "oblast", "districts": "district", "governorates": "governorate",
             "prefectures": "prefecture"}


def _listed_area(surface: str, after: str) -> str | None:
    """The area word a list of names closes with, in the singular, when this name is one of the list."""
    m = _LISTED_AREAS.match(after)
    if not m:
        return None
    word = _SINGULAR[m.group(1).lower()]
    return word if _names_area(surface, word) else None


def _names_area(surface: str, word: str) -> bool:
    """Whether "<surface> <word>" names an area: not "Russian state media" or "a US state", and "state"
    only after an area's name ("Borno state", not "San Diego State" the university)."""
    found = gazetteer.lookup(surface)
    if gazetteer.demonym_country(surface) or any(c.kind == "country" for c in found):
        return False
    if word.lower() == "state":
        return any(c.kind in ("admin1", "admin2") for c in found + gazetteer.lookup(f"{surface} {word}"))
    return True


def _candidates(g: _Group) -> list[Candidate]:
    if g.direction:
        named = gazetteer.lookup(f"{g.direction} {g.surface}")
        if named:
            g.direction = None  # a region of our own table: no need to shift a country's centre
            return named
    part = _DIRECTION_START.match(g.surface)
    if part and g.surface[0].islower() and not g.direction:  # "east London": a part of London, not East London
        found = [c for c in gazetteer.lookup(part.group(2)) if c.kind not in POPULATED or c.population >= 100_000]
        if found:
            g.direction = part.group(1).lower()
            return found
    found = gazetteer.lookup(g.surface)
    if not found and g.surface.lower().startswith("the "):
        found = gazetteer.lookup(g.surface[4:])
    inner = _DIRECTION_START.match(g.surface) if not found else None
    if inner and not g.direction:  # "Northern Europe", "Western US", "South Waziristan": the part, shifted
        found = [c for c in gazetteer.lookup(inner.group(2)) if c.kind not in POPULATED or c.population >= 100_000]
        g.direction = inner.group(1).lower() if found else None  # not "West Wing" in the village of Wing
    if g.admin_form:
        found = _admin_candidates(g, found)
    if g.dateline:
        found = [c for c in found if c.kind in POPULATED] or found
    if g.definite and g.surface == "West":  # "the West": the Western world, not West, Texas
        found = gazetteer.lookup(CONTINENT_ADJECTIVES["Western"])
    if g.surface in CONTINENT_ADJECTIVES:  # "Arab leaders", "English city": the area, not a namesake town
        found = gazetteer.lookup(CONTINENT_ADJECTIVES[g.surface]) or found
    if g.surface.isalpha() and g.surface.isupper() and len(g.surface) <= 4:  # "SA", "CHU": a code, not a village
        found = _code_candidates(g.surface, found)
    a3 = gazetteer.demonym_country(g.surface) if g.surface not in CONTINENT_ADJECTIVES else None
    if a3 and not any(c.kind == "country" for c in found):
        country = gazetteer.country(a3)
        if country is not None:
            found.append(country)
    elif not found and g.surface in CONTINENT_ADJECTIVES:
        found = gazetteer.lookup(CONTINENT_ADJECTIVES[g.surface])
    state = demonyms.us_state_of(g.surface)
    if state and not found:  # "Ohioans"
        found = [a for a in [gazetteer.admin1_of("USA", state)] if a]
    if not found:  # "Russians", "Palestinians", "South Ossetian"
        for form in _singulars(g.surface):
            a3 = gazetteer.demonym_country(form)
            found = [gazetteer.country(a3)] if a3 and gazetteer.country(a3) else [
                c for c in gazetteer.lookup(form) if c.kind not in POPULATED]  # "Makeen" is not "Makee" (Macau)
            if found:
                break
    if not found and re.fullmatch(r"[A-Z][a-z]{3,}", g.surface) and not _FOREIGN_WORD.search(g.surface):
        found = _area_of_people(g.surface)
    if not found and not g.admin_form:  # "Kashkadarya", "Lower Shabelle": a spelling of an area or city we have
        found = gazetteer.lookup_variant(g.surface)
    if not found and not g.admin_form and g.surface[:1].isupper():  # "Miami-Dade", "Pointe Coupee": a county
        found = [c for word in _BARE_COUNTY_WORDS for c in gazetteer.lookup(f"{g.surface} {word}")
                 if c.kind == "admin2"]  # named without its word, as local news does
    return _dedupe(found)


_BARE_COUNTY_WORDS = ("County", "Parish")


# Endings no people's word in English has ("Makeen", "Portroe"): such a word is a name we lack.
_FOREIGN_WORD = re.compile(r"(?:ee|oe|een|oo)[a-z]?$")


def _code_candidates(code: str, found: list[Candidate]) -> list[Candidate]:
    """What a code in capitals names: a country or area it abbreviates ("UK", "DRC", "BC"), a state or
    province by its postal code ("WA", "NSW"), or a city of a million known by it ("LA", "NY")."""
    out = [c for c in found if c.kind in ("country", "admin1", "region") or (c.kind in POPULATED and c.population >= 1_000_000)]
    state = gazetteer.admin1_of("USA", code) if len(code) == 2 else None
    out += [state] if state is not None else []
    for name in AREA_CODES.get(code, ()):
        out += [c for c in gazetteer.lookup(name) if c.kind in ("country", "admin1")]
    return out


def _area_of_people(word: str) -> list[Candidate]:
    """The region a people's word derives from: "Abkhaz" -> Abkhazia, "Dagestani" -> Dagestan,
    "Ontarians" -> Ontario. Only areas (not towns) are taken: the derivation is loose."""
    word = word[:-1] if word.endswith("s") else word
    stems = [word] + [word[:-n] for n in (1, 2, 3) if len(word) - n >= 4]
    for stem in stems:
        for form in (stem, stem + "a", stem + "ia", stem + "o"):
            areas = [c for c in gazetteer.lookup(form) if c.kind in ("country", "admin1", "region")]
            if areas:
                return areas
    return []


def _singulars(surface: str) -> list[str]:
    out = []
    if surface.endswith("s"):
        out.append(surface[:-1])
    for form in list(out) + [surface]:
        if form.endswith("n"):
            out.append(form[:-1])
    return out


def _admin_candidates(g: _Group, found: list[Candidate]) -> list[Candidate]:
    """'Kherson region', 'Lexington County': the named area, else the area its namesake town gives when that
    area bears the name ("Bamiyan province" holds Bamiyan), else an area spelt another way ("Kashkadarya
    region", "Shabwa province", though a Burmese village is "Sha Bwa"), else the area (or town) of the town."""
    name = _strip_admin(g.surface)
    areas = [c for c in found if c.kind in ("admin1", "admin2")]
    bare = gazetteer.lookup(name)
    areas += [c for c in bare if c.kind in ("admin1", "admin2")]
    if areas:
        return areas
    towns = sorted((c for c in bare if c.kind in POPULATED), key=lambda c: -c.population)
    if _SMALL_ADMIN.search(g.surface) and towns:
        return towns[:12]
    of_towns = [a for a in (gazetteer.admin1_of(t.country, t.admin1code) for t in towns[:3]) if a]
    named_so = [a for a in of_towns if likeness(name, GENERIC_PREFIX.sub("", a.name)) >= 0.6]
    if named_so:
        return named_so
    # "Khmelnytsky region": the bare spelling is the town's, the suffixed one the area's
    variants = gazetteer.lookup_variant(name, area_said=True) or gazetteer.lookup_variant(g.surface, area_said=True)
    areas = [c for c in variants if c.kind in ("admin1", "admin2")]
    return areas or of_towns or towns[:1]


# Adjectives that name an area, not a country: read before any town that happens to bear the word.
CONTINENT_ADJECTIVES = {"European": "Europe", "African": "Africa", "Asian": "Asia", "Latin American": "Latin America",
                        "North American": "North America", "South American": "South America",
                        "Middle Eastern": "Middle East", "Arab": "Middle East", "Western": "Europe",
                        "Latin": "Latin America", "Central American": "Central America", "English": "England",
                        "Scottish": "Scotland", "Welsh": "Wales", "Kurdish": "Kurdistan", "Balkan": "Balkans",
                        "Scandinavian": "Scandinavia", "Caribbean": "Caribbean", "Saharan": "Sahara"}
# Codes news uses for provinces and a few countries, read only in capitals. A US state's postal code is
# its GeoNames admin1 code, so those come from the gazetteer ("WA" is Washington as well as Western
# Australia: the article's focus decides).
AREA_CODES = {"NSW": ("New South Wales",), "QLD": ("Queensland",), "VIC": ("Victoria",),
              "WA": ("Western Australia",), "SA": ("South Africa", "South Australia"), "NT": ("Northern Territory",),
              "ACT": ("Australian Capital Territory",), "TAS": ("Tasmania",), "BC": ("British Columbia",),
              "ON": ("Ontario",), "QC": ("Quebec",), "AB": ("Alberta",), "KZN": ("KwaZulu-Natal",)}


def _strip_admin(surface: str) -> str:
    return re.sub(rf"\s+({ADMIN_WORDS})$", "", surface, flags=re.I)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: dict[int, Candidate] = {}
    for c in cands:
        if c.id not in seen or c.primary:
            seen[c.id] = c
    return list(seen.values())


def _containers(text: str, start: int, end: int, candidates: list[Candidate] = ()) -> set[str]:
    """Countries, admin1 areas or (for towns) counties the text says this place is in."""
    out: set[str] = set()
    m = _COMMA_AFTER.match(text[end:end + 60])
    if m and _LIST_GOES_ON.match(text[end + m.end():end + m.end() + 40]):
        m = None  # "Washington, New York and Boston": a list of places, not a place and its state
    if m:
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            found = [c for c in gazetteer.lookup(" ".join(words[:n])) if c.kind in ("country", "admin1")]
            if found:
                for c in found:
                    out.add(c.country if c.kind == "country" else f"{c.country}/{c.admin1code}")
                break
        else:  # "Rockingham, Northamptonshire", "Knockhill, Fife": a county one of the towns so named lies in
            counties = {county_key(c.admin2) for c in candidates if c.admin2}
            for n in range(len(words), 0, -1):
                if county_key(" ".join(words[:n])) in counties:
                    out.add(f"admin2:{county_key(' '.join(words[:n]))}")
                    break
    m = _OWNER_BEFORE.search(text[max(0, start - 50):start])
    if m:  # "Ethiopia's Tigray region", "Giza's Haram district": the owner holds the place
        for c in gazetteer.lookup(m.group(1)):
            if c.kind == "country":
                out.add(c.country)
            elif c.kind == "admin1" or (c.kind in POPULATED and c.primary and c.population >= 100_000):
                out.add(f"{c.country}/{c.admin1code}")
    m = _NORP_OF.search(text[max(0, start - 50):start])
    if m:
        a3 = gazetteer.demonym_country(m.group(1)) or gazetteer.demonym_country(m.group(1).split()[-1])
        if a3:
            out.add(a3)
    return out


# ---------------------------------------------------------------- scoring

def _prior(c: Candidate, g: _Group) -> float:
    """Feature type and size, before context."""
    if c.kind in KIND_PRIOR:
        score = KIND_PRIOR[c.kind] + (0.4 * math.log10(c.population + 1) if c.kind == "admin1" else 0.0)
        if c.kind == "country":  # two countries by one name ("Congo"): without context, the bigger one
            score += COUNTRY_SIZE_WEIGHT * math.log10(c.population + 1)
    else:
        score = math.log10(c.population + 10) + (1.0 if c.kind == "city" else 0.0)
    if c.primary:
        score += 1.5 if c.kind != "country" else 4.5
    elif c.population < 100_000 and any(o.primary for o in g.candidates) and not _spelling_of(g.surface, c, g):
        score -= ALIAS_PENALTY  # "Minnesota" is the state, not a village that once went by a similar name
    elif _former_name(g.surface, c) and any(o.primary and o.population >= 10_000 for o in g.candidates):
        score -= ALIAS_PENALTY  # "Berea" is the town of that name, not Aleppo, which bore it in antiquity
    if c.capital:
        score += CAPITAL_BONUS
    if c.kind in POPULATED and c.population < 100_000 and any(o.kind == "country" for o in g.candidates):
        score -= NAMESAKE_PENALTY  # "China" is the country unless the text places it ("China, Texas")
    score += FAME_WEIGHT * math.log10(1 + c.fame)  # Geneva (Switzerland) over Geneva, Illinois
    if g.label == "FAC" and c.kind in POPULATED:
        score -= 1.0
    state_said = g.state_said or _holds(c, g)
    if c.kind == "admin1" and not (g.admin_form or g.area_cue or state_said) and any(
            _town_over_area(o, c) for o in g.candidates):
        score -= 5.0  # "Kyiv", "New York", "Idlib", "Washington": the town unless the text says region/state
    if c.kind == "admin1" and state_said:
        score += AREA_SAID_BONUS
    return score


def _holds(area: Candidate, g: _Group) -> bool:
    """Whether the name before "<name>, " is a town of this area, away from the area's namesake town
    ("Tacoma, Washington" is the state; "Brooklyn, New York" may as well be the city)."""
    if g.after_town is None or area.kind != "admin1":
        return False
    namesakes = [o for o in g.candidates if o.kind in POPULATED and o.country == area.country]
    return any(t.kind in POPULATED and t.country == area.country and t.admin1code == area.admin1code
               and t.lat is not None and all(km(t.lat, t.lon, n.lat, n.lon) > 50 for n in namesakes)
               for t in g.after_town.candidates)


def _spelling_of(surface: str, c: Candidate, g: _Group) -> bool:
    """Whether an alternate name is the English spelling of a town bigger than every place whose own name
    it is ("Jenin" for Janin, a town of 35,000, not the Polish village of Jenin)."""
    own = [o for o in g.candidates if o.primary]
    return likeness(surface, c.name) >= SPELLING_LIKENESS and all(c.population > 10 * o.population for o in own)


def _former_name(surface: str, c: Candidate) -> bool:
    """An alternate name that is no spelling of the place's own ("Berea" for Aleppo, "Salisbury" for
    Harare), unlike a transliteration ("Kharkov" for Kharkiv)."""
    return not c.primary and likeness(surface, c.name) < 0.6


def _town_over_area(town: Candidate, area: Candidate) -> bool:
    """Whether a town of the same name is what an unqualified admin1 name means: a town of that very
    name inside it ("Kyiv", "Idlib"), or the nation's capital ("Washington" is the capital, not the
    state). Not a town known by that name only as an alternate: "New York" is the state as often as
    the city in the corpora we measure on (LGL, TR-News read it as the state, GeoWebNews as the city)."""
    if town.kind not in POPULATED or town.country != area.country or not town.primary:
        return False
    return town.capital or (town.admin1code == area.admin1code and town.population >= 20_000)


def _container_score(c: Candidate, g: _Group) -> float:
    if not g.container:
        return 0.0
    return 10.0 if _inside(c, g) else -4.0


def _inside(c: Candidate, g: _Group) -> bool:
    """Whether a reading lies in a place the text puts the name in ("Belgorod, Russia", "Giza's Haram")."""
    if c.kind == "country" and c.country in g.container:
        return False  # "Belgorod, Russia": Belgorod is not Russia itself
    return (c.country in g.container or f"{c.country}/{c.admin1code}" in g.container
            or (c.admin2 is not None and f"admin2:{county_key(c.admin2)}" in g.container))


def _outside_container(g: _Group) -> bool:
    """The text puts the name in a place none of its readings lies in ("Giza's Haram district": the only
    Haram we know is in Norway): they are namesakes, and the name is placed as one the gazetteer lacks."""
    return bool(g.container) and not any(_inside(c, g) or c.kind in AREA_KINDS for c in g.candidates)


def _context(c: Candidate, g: _Group, focus: dict) -> float:
    return _container_score(c, g) + focus_mod.focus_score(c, focus)


# ---------------------------------------------------------------- output

def _places(text: str, groups: list[_Group], focus: dict) -> list[Resolved]:
    merged: dict[object, Resolved] = {}
    chosen = {id(g): g.candidates[max(range(len(g.candidates)), key=g.scores.__getitem__)]
              for g in groups if g.candidates}
    # The places a name can be put in ("... in Paris", "Brooklyn's ..."), by where they start and end;
    # "British" is none.
    starts = {at: chosen[id(g)] for g in groups if id(g) in chosen and not gazetteer.demonym_country(g.surface)
              for span in g.spans for at in span}
    home = _home(groups, chosen)
    # The article's own reading of each name, for the names inside longer ones ("Bagram" in "Bagram Airfield")
    # (not a people's adjective: "British" in "British Embassy Tokyo", "French" in "French Quarter")
    read_here = {norm(g.surface): chosen[id(g)] for g in groups if id(g) in chosen and chosen[id(g)].lat is not None
                 and not gazetteer.demonym_country(g.surface) and g.surface not in CONTINENT_ADJECTIVES}
    for g in groups:
        offset = _offset_point(text, g, starts, focus)
        if offset is not None and g.after_town is None and (not g.candidates or (
                chosen[id(g)].kind not in AREA_KINDS and _far_from(chosen[id(g)], offset))):
            r = _at_offset(g, offset, chosen)
        else:
            r = _best(text, g) if g.candidates and not _outside_container(g) else \
                _fallback(text, g, focus, starts, home, read_here)
            if g.candidates and r.located_by != "gazetteer":  # the namesakes set aside, kept for audit
                r.alternatives = tuple(c.geonames_id for c in g.candidates if c.geonames_id)[:3]
        if r.lat is None and id(g) in chosen:
            _place_without_point(r, chosen[id(g)], chosen.values())
        prev = merged.get(r.key)
        if prev is None:
            merged[r.key] = r
        else:
            prev.mentions.extend(r.mentions)
    out = list(merged.values())
    for r in out:
        r.mentions.sort()
        if r.lat is None:
            r.located_by = None
    out.sort(key=lambda r: r.mentions[0])
    return out


def _offset_point(text: str, g: _Group, starts: dict, focus: dict) -> tuple[float, float, float, str | None] | None:
    """(lat, lon, distance km, anchor's country) the text gives this name by an offset from another place
    ("Sablale, 105 miles south of Mogadishu"), from our own reading of the anchor where it is a name we
    resolved, else from the gazetteer's likeliest reading of it; "of the capital" without a name is the
    capital of the country the article is about."""
    for _, end in g.spans:
        after = text[end:end + 160]
        found = offset_after(after)
        if found is None:
            continue
        dist, bearing, at = found
        anchor = starts.get(end + at)
        if (anchor is None or anchor.lat is None) and names_the_capital(after, at):
            anchor = gazetteer.capital_of(_country_here(g, end, starts, focus))
        elif anchor is not None and anchor.kind == "country" and re.search(r"capital\W+(?:of\s+)?$", after[:at]):
            anchor = gazetteer.capital_of(anchor.country) or anchor  # "40 km from the capital of Ukraine"
        if anchor is not None and anchor.lat is not None:
            point, country = (anchor.lat, anchor.lon), anchor.country
        else:
            point, country = anchor_point(text[end + at:end + at + 60]), None
        if point is not None:
            return (*move(point[0], point[1], bearing, dist), dist, country)
    return None


def _country_here(g: _Group, end: int, starts: dict, focus: dict) -> str | None:
    """The country a name is in for "the capital" its offset names: that of its own likeliest reading,
    else of the last place named before it ("In Afghanistan, ... Qarabagh, 40 km north of the capital"),
    else the article's."""
    if g.candidates:
        best = max(range(len(g.candidates)), key=g.scores.__getitem__)
        if g.candidates[best].country:
            return g.candidates[best].country
    before = [(at, c) for at, c in starts.items() if at < end - len(g.surface) and c.country]
    if before:
        return max(before, key=lambda t: t[0])[1].country
    countries = focus["countries"]
    return max(countries, key=countries.get) if countries else None


def _far_from(c: Candidate, offset: tuple) -> bool:
    """Whether a gazetteer reading is too far from where the text's offset puts the name to be the same place."""
    return c.lat is None or km(c.lat, c.lon, offset[0], offset[1]) > _offset_radius(offset[2])


def _offset_radius(dist_km: float) -> float:
    """How far from an offset's point the place may lie: distances in news are rounded and roads wind."""
    return 40.0 + 0.3 * dist_km


def _at_offset(g: _Group, offset: tuple, chosen: dict) -> Resolved:
    """A name the text places by an offset: the best reading of it near that point, else the point itself
    (kept with the gazetteer's readings for audit)."""
    lat, lon, dist, country = offset
    near = [i for i, c in enumerate(g.candidates) if c.lat is not None and not _far_from(c, offset)]
    if near:
        sub = _Group(surface=g.surface, spans=g.spans, label=g.label, candidates=[g.candidates[i] for i in near],
                     direction=g.direction)
        sub.scores = [g.scores[i] for i in near]
        return _best("", sub)
    order = sorted(range(len(g.candidates)), key=lambda i: -g.scores[i])
    alternatives = tuple(g.candidates[i].geonames_id for i in order[:3] if g.candidates[i].geonames_id)
    kind = "facility" if g.label == "FAC" or _FACILITY_WORDS.search(g.surface) else None
    return Resolved(name=g.surface, kind=kind, country=country, admin1=None, lat=round(lat, 4), lon=round(lon, 4),
                    geonames_id=None, confidence=0.35, alternatives=alternatives, mentions=list(g.spans),
                    key=("offset", norm(g.surface)), located_by="stated_place")


def _home(groups: list[_Group], chosen: dict) -> tuple[Candidate, int] | None:
    """The town the article is about and how often it is named: its most-named town (or county), the
    first one on a tie. Spellings count together ("NEW YORK (AP)" and "New York")."""
    named: dict[int, list] = {}
    for g in groups:
        c = chosen.get(id(g))
        if c is not None and c.kind in POPULATED + ("admin2",) and c.lat is not None:
            named.setdefault(c.id, [0, -g.spans[0][0], c])[0] += len(g.spans)  # groups come in text order
    if not named:
        return None
    n, _, town = max(named.values(), key=lambda t: t[:2])
    dateline = next((chosen.get(id(g)) for g in groups if g.dateline and chosen.get(id(g)) is not None), None)
    if dateline is not None and named.get(dateline.id, [0])[0] >= 2 and dateline.country == town.country:
        # "ST. PAUL, Minn. (AP) -" and St. Paul named again: the report's own town, even when another town
        # of its country (Dallas, in the news that week) is named more. Named once, or with the story in
        # another country, it is more likely a wire office (Beijing, Beirut).
        return dateline, named[dateline.id][0]
    return town, n


def _place_without_point(r: Resolved, c: Candidate, others) -> None:
    """A county known only by name and state lies among the article's towns in that state (local news
    names the county it is about), else at its namesake town there, else at the state's point."""
    near = [(o.lat, o.lon) for o in others if o.kind in POPULATED and o.lat is not None
            and o.country == c.country and o.admin1code == c.admin1code]
    namesakes = [t for t in gazetteer.lookup(_strip_county(c.name)) if t.kind in POPULATED and t.primary
                 and t.country == c.country and t.admin1code == c.admin1code]
    if near:
        r.lat, r.lon = sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near)
    elif namesakes:  # "Riley County" holds the town of Riley more often than not
        town = max(namesakes, key=lambda t: t.population)
        r.lat, r.lon = town.lat, town.lon
    else:
        area = gazetteer.admin1_of(c.country, c.admin1code)
        if area is None:
            return
        r.lat, r.lon = area.lat, area.lon
    r.confidence = min(r.confidence, 0.4)


def _strip_county(name: str) -> str:
    return re.sub(r"\s+(County|Parish|Borough)$", "", name)


def _best(text: str, g: _Group) -> Resolved:
    order = sorted(range(len(g.candidates)), key=lambda i: -g.scores[i])
    c = g.candidates[order[0]]
    margin = g.scores[order[0]] - g.scores[order[1]] if len(order) > 1 else 6.0
    confidence = round(0.5 + 0.45 * math.tanh(margin / 4), 3)
    alternatives = tuple(g.candidates[i].geonames_id for i in order[1:4] if g.candidates[i].geonames_id)
    lat, lon, name, kind = c.lat, c.lon, c.name, c.kind
    if g.direction and c.kind == "country" and c.bbox:
        lat, lon = _shift(c, g.direction)
        name, kind = f"{g.direction} {c.name}", "region"
    if g.label == "FAC" or _FACILITY_WORDS.search(g.surface.partition(" ")[2]):  # "Port Sudan" is a town
        kind = "facility" if c.kind in POPULATED else kind
    return Resolved(name=name, kind=kind, country=c.country, admin1=c.admin1, lat=lat, lon=lon,
                    geonames_id=c.geonames_id if not g.direction else None, confidence=confidence,
                    alternatives=alternatives, mentions=list(g.spans), key=(c.id, g.direction))


def _shift(c: Candidate, direction: str) -> tuple[float, float]:
    """The centre of the named half of a country ("eastern Ukraine"), from the spread of its towns."""
    lat_lo, lat_hi, lon_lo, lon_hi = c.bbox
    lat, lon = c.lat, c.lon
    d = direction.replace("-", "")
    if "north" in d:
        lat = lat + (lat_hi - lat) * 0.6
    if "south" in d:
        lat = lat - (lat - lat_lo) * 0.6
    if "east" in d:
        lon = lon + (lon_hi - lon) * 0.6
    if "west" in d:
        lon = lon - (lon - lon_lo) * 0.6
    return lat, lon


# "Loyola University in Los Angeles", "the Pioneer cinema in Dewsbury", "Convention Centre, Dublin".
_PUT_IN = re.compile(r"^(?:['\u2019]s)?(?:\s+[a-z]+)?(?:,?\s+(?:in|outside)\s+|,\s+)(?:the\s+)?")
_OWNED = re.compile(r"['\u2019]s\s+(?:the\s+)?$")
_COMPASS_END = re.compile(r"\s(?:del\s+)?(?:Sur|Norte|Oriental|Occidental|North|South|East|West|Central)$")


def _fallback(text: str, g: _Group, focus: dict, starts: dict, home: tuple[Candidate, int] | None,
              read_here: dict | None = None) -> Resolved:
    """A name the gazetteer lacks: placed where the text puts it, else at a place named in it, else in the
    article's own town; without any of these, no coordinates."""
    found = _fallback_reading(text, g, focus, starts, home)
    if found.lat is None:  # "Bagram Airfield in Afghanistan" where the article names and places Bagram
        return _part_read_here(g, read_here or {}) or found
    return found


def _fallback_reading(text: str, g: _Group, focus: dict, starts: dict, home: tuple[Candidate, int] | None) -> Resolved:
    stated = _stated_place(text, g, starts)
    r, part = _named_part(text, g, focus)
    if stated is not None and not (r is not None and stated.kind is None and part.country == stated.country):
        return stated  # unless it only names the country, and the name a place in it ("Ilocos Sur, Philippines")
    home, settled = (home[0], home[1] >= 2) if home else (None, False)  # settled: the town is named twice
    namesake = (r is not None and settled and part.kind in POPULATED and part.population < 500_000  # not Berlin in "Berlin Wall"
                and not _COMPASS_END.search(g.surface) and km(r.lat, r.lon, home.lat, home.lon) > FAR_FROM_HOME_KM
                and focus["countries"].get(part.country, 0) <= focus["countries"].get(home.country, 0))
    if r is not None and not namesake:  # far from the article's town, a town named in it is a namesake ("Hampton Park")
        return r
    kind = "facility" if g.label == "FAC" or _FACILITY_WORDS.search(g.surface) else None
    key = ("facility" if kind else "unknown", norm(g.surface))
    # A name the NER calls a town or country (GPE) that no gazetteer knows is as often a person or a firm
    # ("Yoon", "Burisma"): only after "in", "at"... is it taken for a place of the article's town.
    # A region or natural feature the NER calls LOC ("Galilee", "the Rift Valley") is wider than any town: the
    # article's town says nothing of where it is ("rockets into Galilee" in a Kyiv story).
    placeable = kind or (g.label != "LOC" and (g.label != "GPE" or g.locative))
    if settled and placeable:  # "Royal Street", "Khayelitsha": in (or near) the town the article is about
        return Resolved(name=g.surface, kind=kind, country=home.country, admin1=home.admin1, lat=home.lat,
                        lon=home.lon, geonames_id=None, confidence=0.15, alternatives=(), mentions=list(g.spans),
                        key=key, located_by="article_town")
    return Resolved(name=g.surface, kind=kind, country=None, admin1=None, lat=None, lon=None, geonames_id=None,
                    confidence=0.1, alternatives=(), mentions=list(g.spans), key=key, located_by=None)


def _stated_place(text: str, g: _Group, starts: dict) -> Resolved | None:
    """The place the text puts this name in: the toponym right after "in" or a comma ("Loyola University
    in Los Angeles"), or the one that owns it ("Brooklyn's Barclays Center")."""
    for start, end in g.spans:
        m = _PUT_IN.match(text[end:end + 60])
        where = starts.get(end + m.end()) if m else None
        owner = _OWNED.search(text[max(0, start - 4):start])
        if where is None and owner:
            where = starts.get(start - 4 + owner.start())
        if where is not None and where.kind == "country" and _extent_km(where) >= STATED_COUNTRY_MAX_KM:
            # "Somalia's Lower Shabelle region": a country this big gives no point for its part; the name keeps
            # its country, and the country as the reading to audit, without coordinates.
            return Resolved(name=g.surface, kind=None, country=where.country, admin1=None, lat=None, lon=None,
                            geonames_id=None, confidence=0.1, alternatives=tuple(filter(None, [where.geonames_id])),
                            mentions=list(g.spans), key=("unknown", norm(g.surface)), located_by=None)
        if where is not None and where.lat is not None and where.kind in POPULATED + ("admin1", "admin2", "country"):
            kind = "facility" if where.kind in POPULATED + ("admin2",) else None
            return Resolved(name=g.surface, kind=kind, country=where.country, admin1=where.admin1, lat=where.lat,
                            lon=where.lon, geonames_id=None, confidence=0.35, alternatives=(),
                            mentions=list(g.spans), key=("facility", norm(g.surface)), located_by="stated_place")
    return None


def _extent_km(c: Candidate) -> float:
    """The diagonal of a place's box (its towns' spread); 0 when unknown."""
    return km(c.bbox[0], c.bbox[2], c.bbox[1], c.bbox[3]) if c.bbox else 0.0


def _part_candidates(part: str, adjective: bool) -> list[Candidate]:
    """A part of a longer name: a place's name or code ("US Federal Reserve"), or (`adjective`) the
    adjective of a country or area ("British Embassy", "European Commission")."""
    if adjective and part in CONTINENT_ADJECTIVES:
        return gazetteer.lookup(CONTINENT_ADJECTIVES[part])
    if adjective:
        a3 = gazetteer.demonym_country(part)
        country = gazetteer.country(a3) if a3 else None
        return [country] if country else []
    found = gazetteer.lookup(part)
    return _code_candidates(part, found) if part.isupper() and len(part) <= 4 else found


# A name ending so is a part of a town or a stretch of water, not an institution of the adjective's
# country: "French Quarter", "English Channel".
_NOT_INSTITUTION = re.compile(r"\b(?:quarter|street|road|avenue|lane|square|district|channel|sea|gulf|bay|coast|riviera)$", re.I)


def _name_parts(surface: str) -> list[str]:
    """The leading and trailing parts of a name, longest first, and what follows its last "of"."""
    words = surface.split()
    parts = [part for n in range(len(words) - 1, 0, -1) for part in (" ".join(words[:n]), " ".join(words[-n:]))]
    if " of " in surface:
        parts.append(surface.rsplit(" of ", 1)[1].removeprefix("the "))
    return parts


def _part_read_here(g: _Group, read_here: dict) -> Resolved | None:
    """A part of the name that the article itself names and places ("Bagram" beside "Bagram Airfield"):
    the name is placed as the article reads that part."""
    for part in _name_parts(g.surface):
        here = read_here.get(norm(part))
        if here is None or _FACILITY_WORDS.fullmatch(part.lower()) or not part[:1].isupper():
            continue
        return Resolved(name=g.surface, kind="facility", country=here.country, admin1=here.admin1, lat=here.lat,
                        lon=here.lon, geonames_id=None, confidence=0.4, alternatives=(), mentions=list(g.spans),
                        key=("facility", norm(g.surface)), located_by="name_part")
    return None


def _named_part(text: str, g: _Group, focus: dict) -> tuple[Resolved | None, Candidate | None]:
    """A known place that opens or closes the name ("Zaventem Airport", "British Embassy Tokyo") or follows
    its "of" ("University of California"); one in the middle is most often part of a person's name ("Agnes
    Jones House", "Robert Trent Jones Golf Club")."""
    words = g.surface.split()
    parts = _name_parts(g.surface)
    readings = [(part, False) for part in parts]
    if len(words) > 1 and not _NOT_INSTITUTION.search(g.surface):
        readings.append((words[0], True))  # the adjective last: "British Embassy Tokyo" is in Tokyo
    for part, adjective in readings:
        if _FACILITY_WORDS.fullmatch(part.lower()) or (len(part) < 4 and not part.isupper()):
            continue
        found = [c for c in _part_candidates(part, adjective) if c.primary and (c.population >= 1000 or c.kind not in POPULATED)
                 and (c.kind == "country" or not c.country or c.population >= 1_000_000
                      or focus["countries"].get(c.country, 0) >= 0.1)]
        if found:
            sub = _Group(surface=part, spans=g.spans, label=g.label, candidates=_dedupe(found), container=g.container)
            sub.scores = [_prior(c, sub) + _context(c, sub, focus) for c in sub.candidates]
            r = _best(text, sub)
            r.name, r.kind, r.key = g.surface, "facility", ("facility", norm(g.surface))
            r.confidence, r.geonames_id, r.located_by = min(r.confidence, 0.4), None, "name_part"
            return r, sub.candidates[max(range(len(sub.candidates)), key=sub.scores.__getitem__)]
    return None, None
