"""`dateline_entities`: canonical entities with their mentions, country and sector.

    doc.ents ─► mentions.find_mentions (KB-corrected) ─► metonyms ─► actor phrases
             ─► clusters (one per referent) ─► Entity records + span groups

Writes `doc._.dl_entities`, `doc.spans["dl_mentions"]` (`span._.dl_entity`,
`span._.dl_metonym`) and `doc.spans["dl_toponyms"]` (literal place mentions, the
places stage's input).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..geo.resolve import CONTINENT_ADJECTIVES
from ..kb import KnowledgeBase, load_kb, role_words
from ..ontology.lexicon import words
from ..types import CountrySource, Entity, TextSpan
from . import extensions  # noqa: F401
from .context import wire_dateline_end
from .embedded import embedded_place_names
from .mentions import Mention, find_actor_phrases, find_mentions, mark_metonyms, propagate_names
from .entity_types import people_by_relative_who
from .story_countries import drop_unsupported_acronyms, place_country, place_focus
from .extensions import doc_text

# Singular nouns that describe a known person ("the Belarusian dictator").
LEADER_NOUNS = words("leader_noun")
_NAME_PARTICLES = words("entity_name_particle")
_STOP_NAME_WORDS = words("stop_name_word")


@dataclass(slots=True)
class Cluster:
    key: tuple
    label: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    kb_name: str | None = None
    titles: list[str] = field(default_factory=list)
    aliases: list[Mention] = field(default_factory=list)  # joined by "also known as": never the name


def _is_place_lookup():
    """The gazetteer's `is_place_name`, when the geo package is available."""
    try:
        from ..geo import is_place_name
    except ImportError:
        return None
    return is_place_name


class EntityStage:
    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.is_place = _is_place_lookup()
        # Two matchers: exact case for short all-caps aliases ("US", "UN"), lower case for names.
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for surface, kind in kb.phrases():
            matcher = self.exact if (surface.isupper() and len(surface) <= 4) else self.folded
            matcher.add(kind, [nlp.make_doc(surface)])

    def __call__(self, doc: Doc) -> Doc:
        matches = [(s, e, doc.vocab.strings[k]) for k, s, e in self.exact(doc) + self.folded(doc)]
        mentions = find_mentions(doc, self.kb, matches, self.is_place)
        people_by_relative_who(doc, mentions, self.kb)  # before names propagate: "Castile" again is the person
        mentions = propagate_names(doc, mentions)
        mark_metonyms(doc, mentions, self.kb)
        mentions = find_actor_phrases(doc, mentions, self.kb)
        mentions, filed_at = _split_dateline(doc, mentions, self.kb, self.is_place)
        drop_unsupported_acronyms(doc, mentions, self.kb)
        # a name the text shows is not the KB's namesake gives no country in a title either ("CHP Officer X")
        doc._.dl_not_kb_names = frozenset(doc[m.start:m.end].text for m in mentions if m.not_kb)
        clusters = cluster_mentions(doc, mentions, self.kb)
        merge_aliases(doc, clusters)
        link_descriptions(doc, mentions, clusters, self.kb)
        ordered = _ordered(clusters)
        # The towns and states a story names (through the gazetteer) decide its country only when no country,
        # capital, nationality or known actor does: in a war story the battered towns outnumber the belligerents.
        focus = focus_country(doc, mentions + _filed_countries(doc, filed_at, self.kb)) \
            or place_focus(doc, mentions + filed_at)
        embedded = embedded_place_names(doc, mentions, self.kb)
        countries = assign_countries(doc, ordered, self.kb, focus, embedded)
        doc._.dl_focus_takers = frozenset(f"e{n}" for n, (c, (country, _)) in enumerate(zip(ordered, countries), 1)
                                          if country is None and _takes_focus(doc, c, self.kb))
        entities = [_to_entity(doc, f"e{n}", c, self.kb, country)
                    for n, (c, country) in enumerate(zip(ordered, countries), 1)]
        _write(doc, entities, ordered, filed_at)
        doc.spans["dl_embedded_places"] = embedded
        return doc


@Language.factory(
    "dateline_entities",
    requires=["doc.ents", "token.tag", "token.dep", "token.lemma"],
    assigns=["doc._.dl_entities", "doc._.dl_entity_index", "doc._.dl_focus_takers", "doc._.dl_not_kb_names",
             "doc.spans", "span._.dl_entity", "span._.dl_metonym"],
    default_config={"kb_dir": None},  # a folder of KB files over the package's; None: the kb_dir setting
)
def make_entity_stage(nlp: Language, name: str, kb_dir: Optional[str]) -> EntityStage:
    return EntityStage(nlp, load_kb(kb_dir))


# --- clustering -------------------------------------------------------------

def _norm(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    return re.sub(r"^the\s+", "", text, flags=re.I).casefold()


def _name_tokens(doc: Doc, m: Mention) -> list[str]:
    return [t.text.casefold().rstrip(".") for t in doc[m.start:m.end] if not t.is_space and (not t.is_punct or t.text == "-")]


def cluster_mentions(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Cluster]:
    """One cluster per referent, mentions in text order."""
    clusters: list[Cluster] = []
    by_key: dict[tuple, Cluster] = {}

    def add(key: tuple, m: Mention) -> None:
        c = by_key.get(key)
        if c is None:
            c = by_key[key] = Cluster(key=key, label=m.label)
            clusters.append(c)
        c.mentions.append(m)

    # A span of line breaks the NER called a person names no one (and has no surname to match).
    persons = [m for m in mentions if m.label == "PERSON" and _name_tokens(doc, m)]
    # Full names first, so that "Putin" can join "Vladimir Putin" even when it comes first.
    for m in sorted(persons, key=lambda m: -len(_name_tokens(doc, m))):
        toks = _name_tokens(doc, m)
        if m.kb_name:
            add(("PERSON", m.kb_name.casefold()), m)
        elif len(toks) >= 2:
            key = _person_key(toks, by_key) or ("PERSON", " ".join(toks))
            add(key, m)
        else:
            key = _surname_cluster(toks[0] if toks else "", m, by_key, doc)
            add(key or ("PERSON", toks[0] if toks else doc[m.start:m.end].text), m)
    # Longer names first, so "Ministry of Defense" and "MoD" find "Afghanistan Ministry of Defense".
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):
        if m.label == "PERSON":
            continue
        text = _norm(doc[m.start:m.end].text)
        if m.phrase_head:
            key = ("ORG", m.country, m.phrase_head)
        elif m.kb_name:
            key = (m.label, m.kb_name.casefold())
        elif m.label == "GPE" and m.country and (m.metonym or kb.country_by_name(doc[m.start:m.end].text) is not None):
            key = ("GPE", m.country)
        elif m.label == "NORP" and m.country:
            key = ("NORP", m.country)
        else:
            key = (m.label, _acronym_owner(text, by_key) or _shortened_owner(text, by_key) or text)
        add(key, m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
        if c.key[0] == "GPE" and len(c.key) == 2 and isinstance(c.key[1], str) and c.key[1].isupper():
            c.label = "GPE"
    return clusters


def _person_key(toks: list[str], by_key: dict[tuple, Cluster]) -> tuple | None:
    """An existing person cluster with the same first and last name ("Mark C. Toner" = "Mark Toner")."""
    for key in by_key:
        if key[0] != "PERSON":
            continue
        other = key[1].split()
        if len(other) >= 2 and other[0] == toks[0] and other[-1] == toks[-1]:
            return key
    return None


def _surname_cluster(tok: str, m: Mention, by_key: dict[tuple, Cluster], doc: Doc) -> tuple | None:
    """The person cluster a lone surname belongs to: the nearest earlier one whose name ends with it."""
    best, best_pos = None, -1
    for key, c in by_key.items():
        if key[0] != "PERSON":
            continue
        words = key[1].split()
        if not words:
            continue
        if tok not in (words[-1], words[-1].split("-")[-1]) and not (len(words) > 2 and tok == words[-2]):
            continue
        pos = max((x.start for x in c.mentions if x.start < m.start), default=-1)
        if best is None or pos > best_pos:
            best, best_pos = key, pos
    return best


def _acronym_owner(text: str, by_key: dict[tuple, Cluster]) -> str | None:
    """"IDF" belongs to the cluster named "Israel Defense Forces"."""
    if not (2 <= len(text) <= 6 and text.isalpha()):
        return None
    for key in by_key:
        if key[0] in ("ORG", "IGO") and isinstance(key[-1], str):
            words = [w for w in key[-1].split() if w not in _STOP_NAME_WORDS]
            if len(words) >= 2 and "".join(w[0] for w in words) == text:
                return key[-1]
    return None


def _shortened_owner(text: str, by_key: dict[tuple, Cluster]) -> str | None:
    """"Ministry of Defense" belongs to "Afghanistan Ministry of Defense" when that is the only such name."""
    if len(text.split()) < 2:
        return None
    owners = [k[-1] for k in by_key if k[0] in ("ORG", "IGO") and isinstance(k[-1], str)
              and k[-1] != text and k[-1].endswith(" " + text)]
    return owners[0] if len(owners) == 1 else None


def link_descriptions(doc: Doc, mentions: list[Mention], clusters: list[Cluster], kb: KnowledgeBase) -> None:
    """"the Belarusian dictator" is a mention of the one Belarusian leader the text names."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.lemma_.lower() not in LEADER_NOUNS or tok.i in by_token or tok.tag_ != "NN":
            continue
        if not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.lefts):
            continue
        if tok.dep_ in ("compound", "appos") and tok.head.ent_type_ == "PERSON":
            continue  # "president Vladimir Putin": a title, not a description
        owner = next((by_token[c.i] for c in tok.lefts if c.i in by_token and by_token[c.i].country), None)
        if owner is None:
            continue
        candidates = [c for c in clusters if c.label == "PERSON" and _cluster_country(doc, c, kb) == owner.country
                      and any(w in LEADER_NOUNS for t in _cluster_titles(doc, c) for w in t.lower().split())]
        if len(candidates) == 1:
            m = Mention(owner.start, tok.i + 1, "PERSON")
            candidates[0].mentions.append(m)
            candidates[0].mentions.sort(key=lambda x: x.start)
            for c in clusters:
                if owner in c.mentions:
                    c.mentions.remove(owner)


def _split_dateline(doc: Doc, mentions: list[Mention], kb: KnowledgeBase,
                    is_place) -> tuple[list[Mention], list[Mention]]:
    """Place mentions inside a wire dateline ("ODESA -") leave the entity mentions: they say
    where the report was filed (a toponym for the places stage), not who acted. The NER often
    misses an all-caps place, so a known place at the dateline's start is taken as one."""
    end = wire_dateline_end(doc_text(doc))
    if not end:
        return mentions, []
    for m in mentions:  # "TBILISI - Thousands" read as one ORG: the name stops at the dash
        if doc[m.start].idx < end <= doc[m.end - 1].idx:
            cut = next((t.i for t in doc[m.start:m.end] if t.idx >= end or t.is_punct), m.end)
            if cut > m.start:
                m.end = cut
    mentions = [m for m in mentions if m.end > m.start]
    filed = [m for m in mentions if doc[m.start].idx < end and m.label != "MEDIA" and m.kb_name is None
             and (m.label in ("GPE", "LOC") or _known_place(doc[m.start:m.end].text, kb, is_place))]
    if not filed:
        words = []
        for tok in doc:
            if tok.idx >= end or not tok.is_upper or not tok.is_alpha:
                break
            words.append(tok)
        known = words and _known_place(" ".join(t.text for t in words), kb, is_place)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        if known and not any(t.i in taken for t in words):
            filed = [Mention(words[0].i, words[-1].i + 1, "GPE")]
    return [m for m in mentions if m not in filed], filed


def _known_place(text: str, kb: KnowledgeBase, is_place) -> bool:
    name = text.title() if text.isupper() else text
    return bool(kb.country_by_capital(name) or kb.country_by_name(name) or (is_place is not None and is_place(name)))


# "X, also known as Y", "X (aka Y)", "X, alias Y": one referent with two names.
_ALIAS_LINKS = {("also", "known", "as"), ("known", "as"), ("aka",), ("a.k.a.",), ("alias",), ("better", "known", "as"),
                ("a.k.a",), ("also", "called"), ("nicknamed",), ("formerly", "known", "as")}


def merge_aliases(doc: Doc, clusters: list[Cluster]) -> None:
    """Join the clusters of two names linked by "also known as" (people with people, groups with groups)."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    starts = {m.start: m for c in clusters for m in c.mentions}
    for c in list(clusters):
        for m in list(c.mentions):
            i = m.end
            while i < len(doc) and doc[i].text in (",", "(", "-", "—", "–"):
                i += 1
            for link in _ALIAS_LINKS:
                j = i + len(link)
                if tuple(t.lower_ for t in doc[i:j]) != link:
                    continue
                while j < len(doc) and doc[j].lower_ in ("the", '"', "“", "'"):
                    j += 1
                other = starts.get(j)
                target = owner.get(id(other)) if other is not None else None
                same_kind = target is not None and (target.label == "PERSON") == (c.label == "PERSON")
                if target is None or target is c or not same_kind or target.kb_name or any(x.kb_name for x in target.mentions):
                    continue
                c.mentions.extend(target.mentions)
                c.aliases.extend(target.mentions)
                c.mentions.sort(key=lambda x: x.start)
                for x in target.mentions:
                    owner[id(x)] = c
                target.mentions = []


# --- attributes -------------------------------------------------------------

def _title_tokens(doc: Doc, m: Mention) -> list[list]:
    """Title phrases around a person mention: left modifiers and appositions."""
    root = doc[m.start:m.end].root
    phrases = []
    left = [t for child in root.lefts if child.i < m.start and child.dep_ in ("compound", "amod", "nmod", "poss")
            for t in child.subtree if t.i < m.start]
    if left:
        phrases.append(sorted(left, key=lambda t: t.i))
    for child in root.rights:
        if child.dep_ == "appos":
            phrases.append(list(child.subtree)[:20])
        elif child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS and child.i >= m.end:
            phrases.append(list(child.subtree)[:20])  # "Jane Roe of the Kenya Red Cross"
        elif child.dep_ == "relcl" and child.lemma_.lower() in _HOLDING_VERBS:
            # "Jane Roe, who heads Somalia's disaster agency": what she heads is her title
            phrases.extend(list(obj.subtree)[:20] for obj in child.children if obj.dep_ in ("dobj", "attr"))
    if root.dep_ == "appos" and root.head.i < m.start:
        phrases.append([t for t in root.head.subtree if t.i < m.start][-20:])
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Jane Roe is Kenya's interior minister"
        phrases.extend(list(attr.subtree)[:20] for attr in root.head.children if attr.dep_ == "attr")
    return phrases


# What ties a person to a body right after the name ("X of the Red Cross", "X, from Ethiopia").
_AFFILIATION_PREPOSITIONS = {"of", "from", "at", "with"}
# Verbs of a relative clause that say what the person holds ("who heads", "who leads").
_HOLDING_VERBS = {"head", "lead", "run", "chair", "direct", "command", "represent", "be"}


def _phrase_text(doc: Doc, toks: list) -> str | None:
    toks = [t for t in toks if not t.is_punct]
    while toks and (toks[0].dep_ in ("det", "prep") or toks[0].lower_ in ("his", "her", "its", "their")):
        toks = toks[1:]
    if not toks:
        return None
    text = doc[toks[0].i:toks[-1].i + 1].text
    return text if text.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr") else None


def _cluster_titles(doc: Doc, c: Cluster) -> list[str]:
    titles = []
    for m in c.mentions:
        titles.extend(m.titles)
        if m.label == "PERSON":
            for phrase in _title_tokens(doc, m):
                text = _phrase_text(doc, phrase)
                if text:
                    titles.append(text)
    return list(dict.fromkeys(titles))


def _context_country(doc: Doc, c: Cluster, kb: KnowledgeBase) -> str | None:
    """A country named in the person's own title phrases ("Russian president", "of the Ukrainian
    military", "State Department spokesman"), or inside an organisation's own name
    ("Afghanistan Ministry of Defense")."""
    for m in c.mentions:
        if m.label == "PERSON" and any(_US_CONGRESS.search(_phrase_text(doc, p) or "") for p in _title_tokens(doc, m)):
            return "USA"
        if m.label == "PERSON":
            phrases = [[t for t in p if not _role_target(t, p)] for p in _title_tokens(doc, m)]
        else:  # (not the name itself when the text says it is not the KB's namesake: "CHP" of a highway patrol)
            phrases = [[] if m.not_kb else list(doc[m.start:m.end]), _possessor(doc, m)]
        for phrase in phrases:
            country = _country_in(doc, phrase, kb, media=m.label == "PERSON" and _leads_outlet(phrase))
            if country:
                return country
    return None


# The US press's own marks of a member of Congress or a governor: the party-state tag
# ("R-Texas", "D-N.Y.") and "Democratic Sen.", "Republican Gov.": no other press writes them so.
_US_CONGRESS = re.compile(r"(?:^|[\s(])[RDI]-[A-Z][A-Za-z.]*|\b(?:Democratic|Republican|GOP)\s+(?:Sen|Rep|Gov|Senator|"
                          r"Representative|Congressman|Congresswoman|Governor|lawmaker|senator|congressman|"
                          r"congresswoman|governor|representative)\b")


# "envoy to Syria", "adviser on Iran", "sanctions against Russia": the country a role deals with,
# not the one its holder serves ("spokesman for", "an official with" do name the employer).
_TARGET_PREPOSITIONS = {"to", "on", "about", "against", "toward", "towards", "over"}


def _role_target(tok, phrase: list) -> bool:
    """Whether `tok` sits under a preposition of the phrase that names what the role deals with."""
    inside = {t.i for t in phrase}
    for anc in tok.ancestors:
        if anc.i not in inside:
            return False
        if anc.dep_ == "prep" and anc.lower_ in _TARGET_PREPOSITIONS:
            return True
    return False


def _possessor(doc: Doc, m) -> list:
    """The owner in "Ukraine's Defence Ministry": the possessive phrase before an organisation."""
    root = doc[m.start:m.end].root
    owners = [t for t in root.children if t.dep_ == "poss" and t.i < m.start]
    return [t for o in owners for t in o.subtree if t.tag_ != "POS"]


# An outlet's country is its editor's ("Global Times editor"); not its photographer's or
# correspondent's: wire agencies hire everywhere ("AP Photo/...", "Reuters correspondent").
_OUTLET_LEADERS = {"editor", "editor-in-chief", "publisher", "owner", "founder", "director", "chief", "head"}


def _leads_outlet(tokens: list) -> bool:
    return _leads_outlet_words({t.lower_ for t in tokens})


def _leads_outlet_words(words: set[str]) -> bool:
    return bool(words & _OUTLET_LEADERS)


def _country_in(doc: Doc, tokens: list, kb: KnowledgeBase, media: bool = False) -> str | None:
    """The first country named by up to three consecutive tokens: a name, demonym or known actor."""
    tokens = sorted(tokens, key=lambda t: t.i)
    continental = _continental(doc, tokens)
    for k, tok in enumerate(tokens):
        for width in (3, 2, 1):
            window = tokens[k:k + width]
            if len(window) < width or window[-1].i - window[0].i != width - 1:
                continue
            if any(_backer(doc, t.i) or t.i in continental for t in window):
                continue
            text = doc[window[0].i:window[-1].i + 1].text
            actor = None if text in (doc._.dl_not_kb_names or ()) else kb.actor(text)
            for found in (kb.country_by_name(text), kb.country_by_demonym(text), actor,
                          kb.media(text) if media else None):
                code = getattr(found, "iso3", None) or getattr(found, "country", None)
                if code:
                    return code
    return None


def _continental(doc: Doc, tokens: list) -> set[int]:
    """Tokens of a two-word adjective of a continent or region ("Latin American", "North American"): its
    "American" is no nationality."""
    out = set()
    for a, b in zip(tokens, tokens[1:]):
        if b.i == a.i + 1 and f"{a.text} {b.text}" in CONTINENT_ADJECTIVES:
            out |= {a.i, b.i}
    return out


# "Iranian-backed militia leader", "US-trained commander": the country backs the person, it is not theirs.
# ("Russian-installed governor" serves the country that installed him: that one counts.)
_BACKING_PARTICIPLES = {"backed", "funded", "trained", "supported", "sponsored", "allied", "aligned", "armed",
                        "financed", "equipped", "educated"}


def _backer(doc: Doc, i: int) -> bool:
    """Whether token `i` is the country in "<country>-backed" and the like."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ \
        and doc[i + 2].lower_ in _BACKING_PARTICIPLES


def _cluster_country(doc: Doc, c: Cluster, kb: KnowledgeBase) -> str | None:
    return next((m.country for m in c.mentions if m.country), None) or _context_country(doc, c, kb)


def _filed_countries(doc: Doc, filed_at: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """The wire dateline's places as votes for the story's country ("SAN SALVADOR, El Salvador -"):
    where a report is filed is mostly what it is about, though it names no actor."""
    votes = []
    for m in filed_at:
        text = doc[m.start:m.end].text
        name = text.title() if text.isupper() else text
        found = kb.country_by_name(name) or kb.country_by_capital(name)
        country = m.country or (found.iso3 if found else None)
        if country:
            votes.append(Mention(m.start, m.end, "GPE", country=country))
    return votes


def focus_country(doc: Doc, mentions: list[Mention]) -> str | None:
    """The country the article is mostly about: the most mentioned one among places and actors
    (not a backer: "Iranian-backed" says whose support, not where)."""
    counts = Counter(m.country for m in mentions if m.country and m.label in ("GPE", "NORP", "ORG")
                     and not _backer(doc, m.end - 1))
    return counts.most_common(1)[0][0] if counts else None


def _sector(doc: Doc, c: Cluster, kb: KnowledgeBase, titles: list[str]) -> str | None:
    explicit = next((m.sector for m in c.mentions if m.sector), None)
    if explicit:
        return explicit
    words = [w.lower().strip(".,") for t in titles for w in t.split()]
    if c.label == "ORG":  # "Health Ministry", "Defence Ministry": the name says what the body is
        words += [t.lower_ for m in c.mentions for t in doc[m.start:m.end]]
    sector = kb.sector_for(words)
    if sector == "BUS" and c.label == "PERSON" and any(_office_of_a_place(t, kb) for t in titles):
        return "GOV"  # "Hong Kong Chief Executive": the executive of a place governs it
    return sector


# "the city's chief executive", "the territory's leader": an office held over a place.
_PLACE_OWNERS = {"city", "country", "territory", "state", "province", "region", "nation", "island", "county",
                 "town", "municipality", "district"}


def _office_of_a_place(title: str, kb: KnowledgeBase) -> bool:
    """A title that opens with a country or capital ("Hong Kong Chief Executive") or a place's
    possessive ("the city's chief executive"), not a company."""
    words = title.split()
    if words and re.sub(r"[’']s$", "", words[0].lower()) in _PLACE_OWNERS and re.search(r"[’']s$", words[0]):
        return True
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) > n and (kb.country_by_name(head) or kb.country_by_capital(head)):
            return True
    return False


def _proper(surface: str) -> bool:
    """A proper-name surface: every word capitalised, a name particle ("bin", "de") or one joined
    to a name ("al-Baghdadi")."""
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES or w.split("-")[-1][:1].isupper()
               for w in surface.split())


def _name(doc: Doc, c: Cluster, kb: KnowledgeBase) -> str:
    surfaces = [doc[m.start:m.end].text for m in c.mentions]
    if c.kb_name or any(m.kb_name for m in c.mentions):
        kb_name = c.kb_name or next(m.kb_name for m in c.mentions if m.kb_name)
        # An alias joined by "also known as" shares no word with the KB name: it never names the cluster.
        own = [doc[m.start:m.end].text for m in c.mentions if m not in c.aliases] or [kb_name]
        if c.label == "PERSON":  # "the U.S. president" (a linked description) never names a person
            own = [s for s in own if _proper(s)] or own
        longest = max(own, key=lambda s: len(s.split()))
        # The text's own fullest form is the name ("ISIS" stays "ISIS"); only a bare
        # surname is completed from the KB ("Putin" -> "Vladimir Putin").
        if c.label == "PERSON" and set(_norm(longest).split()) < set(kb_name.casefold().split()):
            return kb_name
        return re.sub(r"^the\s+", "", longest, flags=re.I)
    if c.key[0] == "GPE" and len(c.key) == 2 and isinstance(c.key[1], str) and c.key[1].isupper():
        country = kb.country(c.key[1])
        return country.name if country else surfaces[0]
    if c.label == "PERSON":  # "the French president" (a linked description) never names a person
        surfaces = [s for s in surfaces if _proper(s)] or surfaces
    best = max(surfaces, key=lambda s: (len(s.split()), len(s)))
    return re.sub(r"^the\s+", "", best, flags=re.I)


def assign_countries(doc: Doc, ordered: list[Cluster], kb: KnowledgeBase, focus: str | None,
                     embedded: list[Span] = ()) -> list[tuple[str | None, CountrySource | None]]:
    """Each cluster's country and where it came from: its own mentions or title phrases ("text"),
    then the KB ("kb"); "his defence chief X" takes the country of the person "his" refers to
    ("antecedent"); an unmarked official or witness belongs to the country the story is about
    ("focus": a guess, flagged so a user can tell it from evidence)."""
    countries: list[tuple[str | None, CountrySource | None]] = []
    for c in ordered:
        country, source = _cluster_country(doc, c, kb), "text"
        if country is None and not any(m.not_kb for m in c.mentions):
            actor = kb.actor(_name(doc, c, kb))
            country, source = (actor.country, "kb") if actor and actor.country else (None, None)
        if country is None and c.label in ("ORG", "MEDIA"):
            country = _embedded_place_country(doc, c, embedded, kb)
            source = "text" if country else None
        if country is None and c.label == "PERSON" and _possessive_title(doc, c):
            country = _previous_person_country(c, ordered, [found for found, _ in countries])
            source = "antecedent" if country else None
        if country is None and c.label == "PERSON":
            country = _described_before(doc, c, ordered, [found for found, _ in countries], kb)
            source = "antecedent" if country else None
        if country is None and focus and _takes_focus(doc, c, kb):
            country, source = focus, "focus"
        countries.append((country, source if country else None))
    return countries


def _embedded_place_country(doc: Doc, c: Cluster, embedded: list[Span], kb: KnowledgeBase) -> str | None:
    """"Chicago Police Department", "Anchorage Daily News", "Ministry of Health of Tehran": an organisation
    whose name opens with a well-known place is based there (a body, a paper, a team or a firm takes its
    seat's name; for all but public bodies the place must be famous or an area), as is a public body named
    "... of <place>". It belongs to that place's country when the gazetteer's well-known places of that
    name lie in one country, or one country's dwarfs the others' ("London": GBR, not Ontario); None when
    the name is shared ("Georgia") or the place is only part of a name ("Metro Toronto Convention Centre")."""
    for m in c.mentions:
        for span in embedded:
            if not (m.start <= span.start and span.end <= m.end):
                continue
            leading = span.start == m.start or (span.start == m.start + 1 and doc[m.start].lower_ == "the")
            trailing = span.end == m.end and span.start > m.start and doc[span.start - 1].lower_ == "of"
            rest = [t.lower_ for t in doc[m.start:m.end] if not span.start <= t.i < span.end]
            body = kb.sector_for(rest) is not None  # "Police Department", "City Council"
            if not (leading or (trailing and body)) or not any(w.isalpha() and w != "the" for w in rest):
                continue
            # a paper, team or firm only after a famous city or an area: towns named like common words
            # open many a name ("Metro Toronto Convention Centre")
            country = place_country(span.text, famous=not body)
            if country is not None:
                return country
    return None


DESCRIPTION_LOOKBACK = 120  # tokens: about the sentences before


def _described_before(doc: Doc, c: Cluster, ordered: list[Cluster], countries: list[str | None],
                      kb: KnowledgeBase) -> str | None:
    """"The spokesman, Jane Roe" after "a spokesman for President X": a title with "the" points back
    to the nearest earlier use of its noun, and that use's owner ("for X", "X's", "Egyptian")
    gives the country ("antecedent"). None when the earlier noun has no owner with a country."""
    owner_of = {}
    for other, country in zip(ordered, countries + [None] * (len(ordered) - len(countries))):
        found = country or (_cluster_country(doc, other, kb) if other is not c else None)
        for m in other.mentions:
            for i in range(m.start, m.end):
                owner_of[i] = found
    for m in c.mentions:
        for phrase in _title_tokens(doc, m):
            nouns = [t for t in phrase if t.pos_ == "NOUN"]
            if len(nouns) != 1 or not any(t.lower_ == "the" and t.head.i == nouns[0].i for t in phrase):
                continue
            noun = nouns[0]
            start = min(t.i for t in phrase)
            for tok in reversed(doc[max(0, start - DESCRIPTION_LOOKBACK):start]):
                if tok.pos_ == "NOUN" and tok.lemma_ == noun.lemma_:
                    return _owner_country(tok, owner_of)
    return None


def _owner_country(noun, owner_of: dict) -> str | None:
    """The country of whoever owns a role noun: "X's spokesman", "Egyptian spokesman", "spokesman for X"."""
    owners = [t for t in noun.children if t.dep_ in ("poss", "compound", "amod", "nmod")]
    owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "at", "with")
               for o in p.children if o.dep_ == "pobj"]
    for o in owners:
        country = owner_of.get(o.i)
        if country:
            return country
    return None


def _takes_focus(doc: Doc, c: Cluster, kb: KnowledgeBase) -> bool:
    """An official, witness or resident the text gives no country belongs to the country the
    story is about; not a person whose role comes from elsewhere or above (an envoy, an analyst,
    a UN official, a member of a stateless group): for them null is better than a guess."""
    if c.label == "PERSON":
        if _stateless_affiliation(doc, c, kb) or _sector(doc, c, kb, _cluster_titles(doc, c)) in ("IGO", "MED"):
            return False  # an international official's or a journalist's country is not the story's
        if any(m.kb_name for m in c.mentions):
            return False  # the knowledge base knows this person and gives no country: keep it null
        titles = _cluster_titles(doc, c)
        words = {w.lower().strip(".,'’") for t in titles for w in t.split()}
        if any(kb.media(w) for t in titles for w in t.replace("/", " ").split()) and not _leads_outlet_words(words):
            return False  # "AP Photo/...", "Reuters reporter": a wire's staff come from anywhere
        return not (words & role_words("elsewhere") or any(_is_igo(kb, w) for w in words))
    # a state's organs, and its parties: a party a story names without a country is the story's country's
    return c.label == "ORG" and _sector(doc, c, kb, _cluster_titles(doc, c)) in ("GOV", "MIL", "COP", "JUD", "PTY", "OPP")


def _is_igo(kb: KnowledgeBase, word: str) -> bool:
    actor = kb.actor(word)
    return actor is not None and actor.type == "IGO"


def _to_entity(doc: Doc, eid: str, c: Cluster, kb: KnowledgeBase,
               country: tuple[str | None, CountrySource | None]) -> Entity:
    titles = _cluster_titles(doc, c)
    name = _name(doc, c, kb)
    sector = _sector(doc, c, kb, titles)
    label = "MEDIA" if any(m.label == "MEDIA" for m in c.mentions) else c.label
    mentions = tuple(TextSpan(doc[m.start:m.end].start_char, doc[m.start:m.end].end_char, doc[m.start:m.end].text)
                     for m in c.mentions)
    return Entity(id=eid, name=name, type=label, country=country[0], sector=sector,
                  titles=tuple(titles), mentions=mentions, country_source=country[1])


def _stateless_affiliation(doc: Doc, c: Cluster, kb: KnowledgeBase) -> bool:
    """"ISIS founder", "a Taliban spokesman": a person of a group with no country of its own."""
    for m in c.mentions:
        for phrase in _title_tokens(doc, m):
            phrase = sorted(phrase, key=lambda t: t.i)
            for k in range(len(phrase)):
                for width in (4, 3, 2, 1):  # "Amnesty International's", not only one-word names
                    window = phrase[k:k + width]
                    if len(window) < width or window[-1].i - window[0].i != width - 1:
                        continue
                    text = re.sub(r"\s*[’']s$", "", doc[window[0].i:window[-1].i + 1].text)
                    actor = kb.actor(text)
                    if actor is not None and actor.country is None and actor.type != "PERSON":
                        return True
    return False


def _previous_person_country(c: Cluster, ordered: list[Cluster], countries: list[str | None]) -> str | None:
    """The country of the person mentioned last before `c`'s first mention (whom "his" points to)."""
    first = c.mentions[0].start
    best, best_pos = None, -1
    for other, country in zip(ordered, countries):
        if other is c or other.label != "PERSON" or not country:
            continue
        pos = max((m.start for m in other.mentions if m.start < first), default=-1)
        if pos > best_pos:
            best, best_pos = country, pos
    return best


def _possessive_title(doc: Doc, c: Cluster) -> bool:
    return any(t.lower_ in ("his", "her") for m in c.mentions for p in _title_tokens(doc, m) for t in p)


def _ordered(clusters: list[Cluster]) -> list[Cluster]:
    return sorted((c for c in clusters if c.mentions), key=lambda c: c.mentions[0].start)


def _write(doc: Doc, entities: list[Entity], ordered: list[Cluster], filed_at: list[Mention] = ()) -> None:
    mention_spans = []
    toponyms = [Span(doc, m.start, m.end, label="GPE") for m in filed_at]
    for entity, c in zip(entities, ordered):
        for m in c.mentions:
            span = Span(doc, m.start, m.end, label=entity.type)
            span._.dl_entity = entity.id
            span._.dl_metonym = m.metonym
            mention_spans.append(span)
            if m.label in ("GPE", "LOC", "FAC") and not m.metonym:
                toponyms.append(Span(doc, m.start, m.end, label=m.label))
    doc.spans["dl_mentions"] = mention_spans
    doc.spans["dl_toponyms"] = sorted(toponyms, key=lambda s: s.start)
    doc._.dl_entities = tuple(entities)
    index: list[str | None] = [None] * len(doc)
    for span in sorted(mention_spans, key=len, reverse=True):  # shorter (inner) mentions win
        for i in range(span.start, span.end):
            index[i] = span._.dl_entity
    doc._.dl_entity_index = index


def entity_at(doc: Doc, token_i: int) -> str | None:
    """The entity id of the innermost mention covering token `token_i`, or None."""
    index = doc._.dl_entity_index
    return index[token_i] if index is not None and 0 <= token_i < len(index) else None
