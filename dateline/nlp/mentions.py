"""Finding entity mentions: spaCy NER corrected by the knowledge base.

Pure functions over a parsed Doc; `entities.py` turns their output into clusters.
What this fixes in the statistical NER:
- toponyms and countries tagged PERSON/ORG/NORP ("Kyiv" PERSON, "Bucha" NORP) become GPE;
- names the model misses but the knowledge base knows ("the Economist") are added;
- outlets are MEDIA, international organisations IGO;
- leading titles are cut from person names ("Gen Valeriy Zaluzhnyi") and kept as titles;
- "Kyiv says", "Moscow's troops": a place name standing for its government is a metonym;
- "the Egyptian air force", "US military", "armed forces of Belarus": one actor phrase
  with the country of its modifier and the sector of its head.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..kb import KnowledgeBase, org_cues, person_cues, person_nouns
from ..ontology.lexicon import words

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}

# Words that stand before a name as a title or honorific, never part of it.
TITLE_WORDS = words("title_word")
MALE_HONORIFICS = words("male_honorific")
FEMALE_HONORIFICS = words("female_honorific")
_PERSON_PREFIXES = MALE_HONORIFICS | FEMALE_HONORIFICS | {"dr", "dr."}

# A place name that is the subject of one of these verbs is a place, not an actor.
_LOCATIVE_VERBS = words("place_subject_verb")
# Heads of actor phrases are found through the knowledge base's sector cues;
# these plural nouns mark a group of people even when the cue list lacks them.
_GROUP_NOUNS = words("group_noun")

# "Tehran's university", "Kyiv's main station": the possessive place is where the facility is.
_FACILITY_NOUNS = words("facility_noun")


@dataclass(slots=True)
class Mention:
    """A mention under construction (token offsets into the Doc)."""

    start: int
    end: int
    label: str
    country: str | None = None
    sector: str | None = None
    kb_name: str | None = None  # canonical name from the knowledge base
    metonym: bool = False
    phrase_head: str | None = None  # lemma of an actor phrase's head noun ("force")
    titles: list[str] = field(default_factory=list)
    honorific: str | None = None
    ner_label: str | None = None  # what the statistical NER said, before the KB relabelled it
    not_kb: bool = False  # the text says this name is not the knowledge base's namesake

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def find_mentions(doc: Doc, kb: KnowledgeBase, matches: list[tuple[int, int, str]], is_place=None) -> list[Mention]:
    """NER spans corrected by the KB, plus KB matches the NER missed, in text order.

    `matches` are (start, end, kind) token ranges from a PhraseMatcher over `kb.phrases()`;
    `is_place(text)` says whether a name is a known place (the gazetteer), or None.
    """
    mentions: list[Mention] = []
    taken: set[int] = set()
    # "Mr. Wali" after "Shah Wali" is the person even if a village is called Wali.
    surnames: dict[str, set[int]] = {}  # last word -> starts of the names it ends (a lookup, not a scan per name)
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) >= 2:
            surnames.setdefault(e[-1].text, set()).add(e.start)
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        is_surname = bool(surnames.get(ent[-1].text, set()) - {ent.start})
        place_check = None if (ent.label_ == "PERSON" and is_surname) else is_place
        m = _from_ner(doc, ent, kb, place_check)
        if m is not None and len(ent) == 1 and is_surname and m.label in ("GPE", "LOC", "ORG") and m.kb_name is None \
                and m.country is None:
            m.label = "PERSON"  # "McKenzie briefed ..." after "Kenneth McKenzie": the person, not a town
        if m is not None:
            mentions.append(m)
            taken.update(range(m.start, m.end))
    by_start: dict[int, list[Mention]] = {}  # a match looks at the mentions starting on its own tokens only
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
    for start, end, kind in sorted(matches, key=lambda x: (x[0], -(x[1] - x[0]))):
        inside = [m for i in range(start, end) for m in by_start.get(i, ()) if m.end <= end]
        if end - start >= 2 and inside and not any(m.start < start < m.end or m.start < end < m.end for m in mentions):
            # A known name that the NER split ("Afghan" + "Taliban"): the whole name wins.
            m = _from_kb_match(doc, start, end, kind, kb)
            if m is not None and (end - start) > max(x.end - x.start for x in inside):
                mentions = [x for x in mentions if x not in inside] + [m]
                for x in inside:
                    by_start[x.start].remove(x)
                by_start.setdefault(m.start, []).append(m)
                taken.update(range(start, end))
            continue
        if any(i in taken for i in range(start, end)):
            continue
        m = _from_kb_match(doc, start, end, kind, kb)
        if m is not None:
            mentions.append(m)
            by_start.setdefault(m.start, []).append(m)
            taken.update(range(start, end))
    mentions.sort(key=lambda m: m.start)
    _acronyms_the_text_defines(doc, mentions)
    _people_by_context(doc, mentions)
    return [m for m in mentions if not _portfolio(doc, m)]


_INITIALS_SKIP = frozenset("of the and for in on at de del la".split())


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _INITIALS_SKIP)


def _acronyms_the_text_defines(doc: Doc, mentions: list[Mention]) -> None:
    """"CHP" after "California Highway Patrol": an acronym whose letters spell a name in this text is that
    name's, not the knowledge base's namesake (Turkey's CHP), unless the KB's own name spells it too."""
    spelled = {_initials([t.text for t in e]) for e in doc.ents if len(e) >= 2}
    for m in mentions:
        text = doc[m.start:m.end].text
        if m.kb_name and text.isupper() and 2 <= len(text) <= 6 and text in spelled \
                and _initials(m.kb_name.split()) != text:
            m.kb_name, m.country, m.sector, m.not_kb = None, None, None, True


# Office words after which a lone capitalised word is a portfolio in a person's title.
_PERSON_OFFICES = words("person_office_noun")


def _portfolio(doc: Doc, m: Mention) -> bool:
    """"Defense" in "Defense Secretary Leon Panetta", "Justice" in "Justice Minister X": the word
    names the office a person holds (kept in their title), not a body or a place of its own."""
    return (m.end - m.start == 1 and m.kb_name is None and m.country is None and m.label in ("ORG", "GPE", "LOC")
            and m.end < len(doc) and doc[m.end].lower_ in _PERSON_OFFICES)


# Title words that before a name make it a person's; not those that also open other names
# ("General Motors", "Grand Canyon", "Crown Prosecution", "Field Museum", "Major League").
_PERSON_TITLES = TITLE_WORDS - {"general", "major", "field", "grand", "crown", "father", "prime", "secretary", "marshal"}
_PLACE_NOUNS = _FACILITY_NOUNS | {"town", "city", "village", "province", "region", "state", "county", "area",
                                   "camp", "country", "capital", "island", "neighborhood", "municipality"}
_AGE = re.compile(r"^\d{1,3}$")


def _people_by_context(doc: Doc, mentions: list[Mention]) -> None:
    """Names the NER read as an organisation or place that the text shows are people's: after
    a title ("Ambassador Jane Roe"), with an age (", 32,"), or in apposition to a person noun
    ("Jane Roe, a local woman"; "their daughter, Anna"); then the same name alone elsewhere."""
    for m in mentions:
        if m.label not in ("ORG", "GPE", "LOC", "FAC", "NORP") or m.kb_name or m.metonym:
            continue
        if m.country is not None:
            continue  # a country, a capital or a nationality: the apposition is about something else
        if not all(t.is_title or t.text in ("-", "'") for t in doc[m.start:m.end]):
            continue
        if _person_context(doc, m) or _victim_context(doc, m) or _given_name_first(doc, m):
            m.label, m.country, m.sector = "PERSON", None, None
    parts = {doc[i].text for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)
             if not doc[i].is_punct}
    for m in mentions:
        if m.end - m.start == 1 and m.ner_label == "PERSON" and m.label in ("GPE", "LOC") and m.kb_name is None \
                and doc[m.start].text in parts and not _is_country_name(doc[m.start].text):
            m.label, m.country, m.sector = "PERSON", None, None  # "Gloria" again, not the town
        elif m.end - m.start == 1 and m.label == "ORG" and m.kb_name is None and m.country is None \
                and doc[m.start].text in parts and doc[m.start].is_title:
            m.label, m.sector = "PERSON", None  # "Castile" after "Philando Castile": the person again


def _given_name_first(doc: Doc, m: Mention) -> bool:
    """"Paul Riva", "Alton Sterling" read as an organisation: two or three words, the first a given name borne
    almost only by one sex (kb/first_names.tsv), the last no word that names a body or a site ("Ford
    Foundation", "Victoria Station", "Grace Church")."""
    from ..kb import first_name_gender
    words = [t for t in doc[m.start:m.end] if not t.is_punct]
    if not 2 <= len(words) <= 3 or m.label not in ("ORG", "FAC") or first_name_gender(words[0].text) is None:
        return False
    last = words[-1].lower_
    if last in _PLACE_NOUNS or last in _ORG_LAST_WORDS or _is_country_name(words[-1].text):
        return False
    from ..kb import load_kb
    return load_kb().sector_for([w.lower_ for w in words]) is None  # "Irving Police Department": a body


_ORG_LAST_WORDS = words("org_name_last_word")


def _is_country_name(text: str) -> bool:
    from ..kb import load_kb
    return load_kb().country_by_name(text) is not None


def _person_context(doc: Doc, m: Mention) -> bool:
    if m.start > 0 and doc[m.start - 1].lower_ in _PERSON_TITLES and doc[m.start - 1].is_title:
        return True
    if m.start > 0 and m.end - m.start >= 2 and doc[m.start - 1].lower_ in _PERSON_TITLES \
            and doc[m.start - 1].tag_ == "NN":
        return True  # "Regional governor Oleh Kiper": a title in lower case after its modifier
    if m.end + 2 < len(doc) and doc[m.end].text == "," and _AGE.match(doc[m.end + 1].text) \
            and doc[m.end + 2].text in (",", ")"):
        return True
    root = doc[m.start:m.end].root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        return False  # "the town of Khan Yunis, a girl ...": the apposition belongs to the sentence, not the town
    nouns = person_nouns()
    if any(c.dep_ == "appos" and c.lemma_.lower() in nouns and c.i >= m.end for c in root.children):
        return True
    return root.dep_ == "appos" and root.head.i < m.start and root.head.lemma_.lower() in nouns


def _victim_context(doc: Doc, m: Mention) -> bool:
    """A name the text shows harmed as a body ("X was shot", "police killed X") or owning kin
    and a funeral ("X's family", "the mother of X", "the killing of X"): a person's, since a
    company or a town has neither (kb/person_cues.tsv)."""
    root = doc[m.start:m.end].root
    head = root.head
    harm, belonging = person_cues("harm"), person_cues("belonging")
    if head.pos_ == "VERB" and head.lemma_.lower() in harm and not any(c.dep_ == "prt" for c in head.children):
        # "shot down the plane" is a machine's harm; the victim is the passive subject or the object
        if root.dep_ == "nsubjpass" or (root.dep_ == "dobj" and head.i < m.start):
            return True
    if root.dep_ == "poss" and head.lemma_.lower() in belonging and head.pos_ == "NOUN":
        return True
    return (root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in belonging and head.head.i < m.start)


def _from_ner(doc: Doc, ent: Span, kb: KnowledgeBase, is_place) -> Mention | None:
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    # Editorial brackets cut a name: "[Russian President Vladimir] Putin" is the name after "]".
    closing = [t.i for t in doc[start:end] if t.text in ("]", "[")]
    if closing:
        if doc[closing[-1]].text == "]":
            start = closing[-1] + 1
        else:
            end = closing[0]
    if start >= end:
        return None
    m = Mention(start, end, ent.label_, ner_label=ent.label_)
    if m.label == "PERSON":
        _split_titles(doc, m)
        if m.start >= m.end:
            return None
        while m.start < m.end - 1 and doc[m.start].is_lower and doc[m.start].lower_ not in _NAME_PARTICLES:
            m.titles.append(doc[m.start].text)  # "cosplayer Jessica Anderson": a role before the name
            m.start += 1
        if _has_common_word(doc, m):
            return None  # "Andersen air base", "Koichi prefectures": a misread, not a person's name
    text = doc[m.start:m.end].text
    if m.label in ("FAC", "GPE", "LOC", "ORG") and m.end - m.start >= 2 \
            and doc[m.end - 1].lower_.rstrip(".") in org_cues("legal_form"):
        m.label, m.sector = "ORG", "BUS"  # "Shenzhen Airport Co Ltd": a company named after a place
        is_place = None
    _apply_kb(m, text, kb, is_place if _may_be_place(doc, m) else None)
    if m.label == "WORK_OF_ART":
        return None
    return m


# Lower-case words that belong inside personal names ("Ursula von der Leyen", "Mohammed bin Salman").
_NAME_PARTICLES = words("mention_name_particle")


def _has_common_word(doc: Doc, m: Mention) -> bool:
    """A lower-case word other than a name particle inside a PERSON span."""
    return any(t.is_alpha and t.is_lower and t.lower_ not in _NAME_PARTICLES
               and not (t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)  # "Chung-tai"
               for t in doc[m.start:m.end])


def _may_be_place(doc: Doc, m: Mention) -> bool:
    """Whether a PERSON/ORG/NORP the NER found may be re-read as a place by the gazetteer.
    Not a name after "Mr."/"Dr." (a person, whatever village shares it), nor an adjective
    ("friendly Arab countries": a nationality, whatever town is called Arab)."""
    if m.label == "PERSON" and (m.honorific or (m.start > 0 and doc[m.start - 1].lower_ in _PERSON_PREFIXES)):
        return False
    if m.label == "NORP" and m.end - m.start == 1 and doc[m.start].tag_ == "JJ":
        return False
    if m.end - m.start == 1 and m.end < len(doc) and doc[m.end].lower_ in org_cues("office"):
        return False  # "Justice Minister": a portfolio, not a town called Justice
    return True


def _apply_kb(m: Mention, text: str, kb: KnowledgeBase, is_place) -> None:
    """Relabel a mention from what the knowledge base knows about its text."""
    media = kb.media(text)
    if media is not None:
        m.label, m.kb_name, m.country, m.sector = "MEDIA", media.name, media.country or None, "MED"
        return
    actor = kb.actor(text)
    words = text.split()
    if actor is None and m.label == "PERSON" and len(words) > 2:
        actor = kb.actor(f"{words[0]} {words[-1]}")  # "Leon E. Panetta" is "Leon Panetta"
    if actor is not None:
        m.label = actor.type if actor.type in ("PERSON", "ORG", "IGO", "MEDIA") else m.label
        m.kb_name, m.country, m.sector = actor.name, actor.country or None, actor.sector or None
        return
    country = kb.country_by_name(text)
    if country is not None:
        m.label, m.country = "GPE", country.iso3
        return
    demonym = kb.country_by_demonym(text)
    if demonym is not None:
        m.label, m.country = "NORP", demonym.iso3
        return
    capital = kb.country_by_capital(text)
    if capital is not None:
        m.label, m.country = "GPE", capital.iso3
        return
    if m.label in ("PERSON", "ORG", "NORP") and is_place is not None and actor is None \
            and is_place(text, exact=m.label == "PERSON"):
        m.label = "GPE"  # a person's name is a place's only by the place's own name ("Kyiv"; not "Jae", Jaén)


def _from_kb_match(doc: Doc, start: int, end: int, kind: str, kb: KnowledgeBase) -> Mention | None:
    span = doc[start:end]
    if kind == "demonym" or not span.text[:1].isupper():
        return None  # demonyms come from the NER as NORP; lower-case hits are common words ("at dawn")
    m = Mention(start, end, "ORG")
    _apply_kb(m, span.text, kb, None)
    if m.kb_name is None and m.country is None:
        return None
    return m


def propagate_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Repeat mentions the NER missed: a known person's surname alone ("Macron did not ...")
    and any other exact repeat of a mention's words."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    surnames = {doc[m.end - 1].text: m for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}
    names = {tuple(t.text for t in doc[m.start:m.end]): m for m in mentions if m.label != "PERSON"}
    added: list[Mention] = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        source = surnames.get(tok.text)
        if source is not None and tok.pos_ == "PROPN":
            m = Mention(tok.i, tok.i + 1, "PERSON", country=None, kb_name=source.kb_name)
            _split_titles(doc, m)
            added.append(m)
            taken.add(tok.i)
            continue
        for words, source in names.items():
            end = tok.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[tok.i:end]) == words and not any(i in taken for i in range(tok.i, end)):
                added.append(Mention(tok.i, end, source.label, country=source.country, sector=source.sector,
                                     kb_name=source.kb_name))
                taken.update(range(tok.i, end))
                break
    return sorted(mentions + added, key=lambda m: m.start)


def _split_titles(doc: Doc, m: Mention) -> None:
    """Move leading title words ("Gen", "President") out of a person span."""
    while m.start < m.end - 1 and doc[m.start].lower_ in TITLE_WORDS:
        m.titles.append(doc[m.start].text)
        m.start += 1
    prev = doc[m.start - 1] if m.start > 0 else None
    for tok in (doc[m.start], prev):
        if tok is not None and tok.lower_ in MALE_HONORIFICS | FEMALE_HONORIFICS:
            m.honorific = tok.lower_.rstrip(".")
            break


def mark_metonyms(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A country or capital that acts, speaks or owns troops stands for its government."""
    for m in mentions:
        if m.label != "GPE" or m.country is None:
            continue
        root = doc[m.start:m.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ not in _LOCATIVE_VERBS:
            m.metonym = True
        elif root.dep_ == "poss" and _is_actor_head(root.head, kb) and root.head.lemma_.lower() not in _FACILITY_NOUNS:
            # "Moscow's troops", not "Tehran's Sharif University": a facility is in the place
            m.metonym = True
        elif root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.tag_ == "VBN":
            m.metonym = True
        elif root.dep_ in ("compound", "nmod") and root.head.i > root.i and _is_actor_head(root.head, kb) \
                and root.head.lemma_.lower() not in _FACILITY_NOUNS:
            m.metonym = True  # "US officials", "Russia troops": the state's people, not a place
        elif root.dep_ == "pobj" and root.head.lower_ in ("according", "to") and root.head.head.lower_ == "according":
            m.metonym = True
        if m.metonym:
            m.sector = "GOV"
    speakers = {i for m in mentions if m.metonym for i in range(m.start, m.end)}
    for m in mentions:  # "China and Russia hope ...": a country joined to one that acts acts with it
        root = doc[m.start:m.end].root
        if m.label == "GPE" and m.country and not m.metonym and root.dep_ == "conj" and root.head.i in speakers:
            m.metonym, m.sector = True, "GOV"


def _is_actor_head(tok: Token, kb: KnowledgeBase) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.lemma_.lower() in _GROUP_NOUNS or kb.sector_for([tok.lemma_.lower()]) is not None


def _is_group_head(tok: Token, kb: KnowledgeBase) -> bool:
    """A noun naming a body of people ("forces", "government"), not one person ("leader")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return False
    return lemma in _GROUP_NOUNS or (tok.tag_ == "NNS" and kb.sector_for([lemma]) is not None)


def find_actor_phrases(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Group nouns owned by a country ("Russian forces", "Ukraine's armed forces",
    "the armed forces of Belarus") become ORG actor mentions; the country
    mention inside them stops being an entity mention of its own."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    phrases: list[Mention] = []
    absorbed: set[int] = set()
    for tok in doc:
        if tok.i in by_token or not _is_group_head(tok, kb):
            continue
        owner = _country_modifier(tok, by_token)
        if owner is None:
            continue
        left = min([owner.start] + [c.i for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i > owner.start])
        start = min(owner.start, left)
        end = tok.i + 1
        if owner.start > tok.i:  # "armed forces of Belarus": the phrase runs to the country
            start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "amod")])
            end = owner.end
        head_words = [doc[i].lemma_.lower() for i in range(start, end)]
        sector = kb.sector_for(head_words) or ("GOV" if tok.lemma_.lower() in ("government", "authority", "official") else None)
        # "air force" and "security forces" are different bodies of one country: key on the own words.
        own = " ".join(doc[i].lemma_.lower() for i in range(start, end)
                       if not owner.start <= i < owner.end and doc[i].dep_ not in ("det", "case", "prep", "cc"))
        phrases.append(Mention(start, end, "ORG", country=owner.country, sector=sector, phrase_head=own))
        absorbed.add(id(owner))
    kept = [m for m in mentions if id(m) not in absorbed]
    taken = {i for p in phrases for i in range(p.start, p.end)}
    kept = [m for m in kept if not (m.label in ("GPE", "NORP") and any(i in taken for i in range(m.start, m.end)))]
    return sorted(kept + phrases, key=lambda m: m.start)


def _country_modifier(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The NORP/GPE mention that says whose group noun `tok` is."""
    for child in tok.children:
        m = by_token.get(child.i)
        if m is not None and m.label in ("NORP", "GPE") and m.country and child.dep_ in ("amod", "compound", "poss", "nmod"):
            return m
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                m = by_token.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and m.label in ("NORP", "GPE") and m.country:
                    return m
    return None
