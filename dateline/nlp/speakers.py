"""Who a reporting verb's subject is, without a coreference model.

A subject naming an entity is that entity ("Gen X", "a spokesman, X,",
"Afghan officials"). Pronouns ("he added") go to the most salient compatible
entity in the sentences before: earlier speakers and grammatical subjects
first, skipping back over sentences whose subject is the same pronoun (a
pronoun chain), with gender from titles (Mr/Mrs/Ms) and from earlier pronoun
resolutions. Descriptions ("the commander", "the group", "the statement")
go to the latest entity that carried that role noun, or the latest speaker.
A description no entity stands for ("the police", "a source", "the friend") is
a speaker of its own, named as written (quote_generic), and "he"/"they" after
it may point to it; "says one" after "sources ... are betting" is one of those
sources. Anything else stays unresolved: speaker None, never a guess.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..kb import first_name_gender, person_noun_gender, person_nouns, title_of_abbreviation
from ..ontology.lexicon import words
from .quote_cues import SUBJECTS
from .quote_generic import GenericSpeakers, described
from .mentions import FEMALE_HONORIFICS, MALE_HONORIFICS
from .quote_mentions import MentionIndex
from .quote_units import units

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = words("group_speaker_pronoun")
GROUP_LABELS = {"ORG", "GPE", "NORP", "IGO", "MEDIA"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A subject noun that is a person ("the senator", "a farmer") or one who speaks for a body ("the official").
PERSON_NOUNS = person_nouns() | words("collective_speaker_noun")
ANONYMOUS_PERSON_NOUNS = words("anonymous_person_noun")
# Plural or institutional nouns whose modifier names the speaker: "Afghan officials", "Israel's military".
COLLECTIVE = words("collective_speaker_noun")
# Descriptions that stand for the latest organisation or the latest statement's author.
ORG_NOUNS = words("org_description_noun")
# What a description's noun may point back to: an entity of one of these sectors, or one whose
# name has one of these words ("the military" = "Israel's military" or "the IDF", never "the
# U.S. House"; "the council" = a council). A noun not listed may point to any organisation.
DESCRIPTION_FITS = {
    "military": ({"MIL"}, {"military", "army", "force", "forces", "defense", "defence", "idf"}),
    "army": ({"MIL"}, {"army", "military", "forces"}),
    "government": ({"GOV"}, {"government", "administration", "cabinet", "kremlin"}),
    "ministry": (set(), {"ministry", "department"}),
    "council": (set(), {"council"}),
    "committee": (set(), {"committee", "commission"}),
    "party": ({"PTY"}, {"party"}),
    "company": ({"BUS"}, {"company", "corporation", "corp", "inc", "ltd", "llc", "plc", "co", "group", "holdings",
                          "industries", "foods", "motors", "airlines", "airways", "bank", "energy", "pharmaceuticals",
                          "technologies", "systems"}),
    "alliance": ({"IGO"}, {"alliance", "nato", "coalition"}),
    "bloc": ({"IGO"}, {"bloc", "union"}),
    "agency": (set(), {"agency", "service", "bureau"}),
    "court": ({"JUD"}, {"court", "tribunal"}),
    "board": (set(), {"board"}),
    "commission": (set(), {"commission", "committee"}),
    "department": (set(), {"department", "ministry"}),
}
NON_STATE_NOUNS = words("non_state_org_noun")
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD"}
STATEMENT_NOUNS = words("statement_noun")
NAMING_VERBS = {"identify", "give", "introduce", "know", "call", "name"}  # "who identified himself as X"
LOOKBACK_SENTENCES = 6
LOOKBACK_CHARS = 1500
RECENT_QUOTES = 30  # earlier speakers considered (bounds the work on quote-heavy texts)


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: str | None  # entity id (fallback ids start with "f")
    text: str | None  # the surface naming the speaker here
    label: str | None = None
    role: str | None = None  # head noun of a description ("official"), to match "the official" later


@dataclass(frozen=True, slots=True)
class PriorQuote:
    char: int  # where the quote or its speaker sits in the text
    speaker: Speaker


class SpeakerResolver:
    def __init__(self, doc: Doc, index: MentionIndex, inside):
        self.doc = doc
        self.index = index
        self.inside = inside  # char offset -> True if inside a direct quotation
        self.units = units(doc)
        self.gender: dict[str, str] = {}
        self.entities = {e.id: e for e in doc._.dl_entities or ()}
        self.roles: dict[str, set[str]] = {}
        self.generic = GenericSpeakers(list(self.entities))
        self.plural: set[str] = set()  # described speakers named in the plural ("officials", "witnesses")
        self._learn_titles()

    # -- entry point -------------------------------------------------------------------
    def resolve(self, head: Token, prior: list[PriorQuote]) -> Speaker:
        low = head.lower_
        if low in PRONOUN_GENDER or low in GROUP_PRONOUNS:
            return self._pronoun(head, prior)
        if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head.i < head.i:
            # "Jane Roe, who said ...": the relative pronoun is the noun the clause hangs on
            head = self._antecedent(head.head.head)
            if head is None:
                return Speaker(None, None, None)
            low = head.lower_
            if low in PRONOUN_GENDER or low in GROUP_PRONOUNS:
                return self._pronoun(head, prior)
        np_text = _np_text(head)
        m = self.index.at(head.i)
        if m is not None:
            return self._speaker_of(m)
        for c in head.children:
            if c.dep_ == "appos":
                m = self.index.at(c.i)
                if m is not None and m.label == "PERSON":
                    return self._speaker_of(m)
        m = self._named_as(head)
        if m is not None:  # "Another man, who identified himself only as Saeed, said": Saeed
            return Speaker(m.entity, np_text, m.label, head.lemma_.lower())
        if head.dep_ == "appos":  # "Pedro Alves, the town's mayor, who said": the mayor is Alves
            m = self.index.at(head.head.i)
            if m is not None and m.label == "PERSON":
                return Speaker(m.entity, np_text, m.label, head.lemma_.lower())
        lemma = head.lemma_.lower()
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if lemma in STATEMENT_NOUNS and owner is not None:
            # "the prosecutor's statement said", "his statement said": whoever the possessor is
            found = self.resolve(owner, prior)
            return Speaker(found.entity, np_text, found.label, found.role)
        if lemma in COLLECTIVE:
            for c in head.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod"):
                    m = self.index.at(c.i)
                    if m is not None and m.label in GROUP_LABELS and self._is_body(m):
                        return Speaker(m.entity, np_text, m.label, lemma)
            m = self._body_of(head)
            if m is not None:  # "a senior official at the Defence Ministry": the ministry's official
                return Speaker(m.entity, np_text, m.label, lemma)
            m = self._named_body_before(head)
            if m is not None:  # "Kenyan police said ... A police spokesman said": that police's spokesman
                return Speaker(m.entity, np_text, m.label, lemma)
        age = _age_of(head)
        if age is not None:  # "the 45-year-old said": the person the text gave that age
            found = self._person_aged(head, age)
            return Speaker(found.entity, np_text, found.label, None) if found else Speaker(None, np_text, None, lemma)
        if any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or (c.dep_ == "poss" and c.pos_ != "PRON")
               for c in head.children):  # "the governor", "Aragua's governor", "the city's mayor"
            found = self._description(head, lemma, prior)
            if found is not None:
                if found.entity in self.generic:  # "the official" after "an official": its mention too
                    self.generic.mention(found.entity, np_text, self.doc[_np_start(head)].idx)
                return Speaker(found.entity, np_text, found.label, lemma)
        epithet = _epithet_gender(head)
        if epithet:  # "said the young father of two": the man in focus, found as "he" would be
            found = self._pronoun(head, prior, epithet)
            if found.entity is not None:
                return Speaker(found.entity, np_text, found.label, lemma)
        if low == "one" and not any(c.dep_ == "prep" for c in head.children):
            found = self._one_of(head)  # "says one": one of the sources just described
            if found is not None:
                return found
        return self._unnamed(head, np_text, lemma)

    def _unnamed(self, head: Token, np_text: str, lemma: str | None) -> Speaker:
        """A description of a person or a body that no entity stands for is a speaker of its own, named
        by its phrase ("the police"); anything else (a statement, a word we cannot tell) stays None."""
        label = described(head)
        if label is None or self.index.at(head.i) is not None or not np_text:
            return Speaker(None, np_text, None, lemma)
        start = head.doc[_np_start(head)].idx
        eid = self.generic.add(np_text, start, label, self._phrase_country(head))
        if head.tag_ in ("NNS", "NNPS"):
            self.plural.add(eid)
        gender = person_noun_gender(lemma or "") if label == "PERSON" else None
        if gender:  # "her mother said ... he said": not the mother
            self.gender.setdefault(eid, gender)
        return Speaker(eid, np_text, label, lemma)

    def _phrase_country(self, head: Token) -> str | None:
        """The one country that the named things in a speaker phrase have: its modifiers ("Obama
        administration officials") and its "in / of / from / at" phrase ("officials in Kabul").
        None when they give none or disagree; never the story's country."""
        words = [t for t in head.lefts for t in t.subtree]
        words += [t for p in head.rights if p.dep_ == "prep" and p.lower_ in ("in", "of", "from", "at")
                  for t in p.subtree]
        found = set()
        for t in words:
            m = self.index.at(t.i)
            entity = self.entities.get(m.entity) if m is not None and not self.inside(t.idx) else None
            if entity is not None and entity.country:
                found.add(entity.country)
        return found.pop() if len(found) == 1 else None

    def _one_of(self, head: Token) -> Speaker | None:
        """The latest plural description of people or bodies that is a clause's subject in the
        sentences before "one" ("Sources close to the talks are betting ... says one"), as a speaker."""
        k = self.units.index(head.i)
        lo = self.units.bounds(max(0, k - 2))[0]
        for i in range(head.i - 1, lo - 1, -1):
            tok = self.doc[i]
            if (tok.dep_ in SUBJECTS and tok.tag_ in ("NNS", "NNPS") and not self.inside(tok.idx)
                    and self.index.at(i) is None and described(tok) is not None):
                text = _np_text(tok)
                eid = self.generic.add(text, self.doc[_np_start(tok)].idx, described(tok))
                self.plural.add(eid)
                return Speaker(eid, head.text, described(tok), tok.lemma_.lower())
        return None

    def _named_as(self, head: Token):
        """The person a description's own clause names it as: "who identified himself as X", "who
        gave her name as X", "identified only as X", "who gave only his first name, X". A person the
        clause merely mentions ("a woman who lives near X") is not the speaker."""
        for clause in head.children:
            if clause.dep_ not in ("relcl", "acl", "appos"):
                continue
            for t in clause.subtree:
                if self.inside(t.idx):
                    continue
                named = (t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.lemma_.lower() in NAMING_VERBS) \
                    or (t.dep_ == "appos" and t.head.lemma_.lower() == "name")
                m = self.index.at(t.i) if named else None
                if m is not None:  # the NER may take a lone given name for a place: the clause says a person
                    return m
        return None

    def _antecedent(self, noun: Token) -> Token | None:
        """What a relative clause's "who" stands for. The parse may hang the clause on the last
        place of "Jo Roe, a farmer from Tulare, California, who said": a place does not speak, so
        climb out of the place's phrase to the person it describes; None when there is none."""
        t = noun
        for _ in range(8):
            m = self.index.at(t.i)
            if (m is None or m.label not in PLACE_LABELS) and t.pos_ != "ADP":
                return t
            if t.dep_ not in ("pobj", "prep", "appos", "compound", "conj", "npadvmod") or t.head == t:
                return None
            t = t.head
        return None

    # -- descriptions ------------------------------------------------------------------
    def _description(self, head: Token, lemma: str, prior: list[PriorQuote]) -> Speaker | None:
        lo = max(0, head.idx - LOOKBACK_CHARS)
        recent = [p for p in prior[-RECENT_QUOTES:] if lo <= p.char < head.idx]
        if lemma in STATEMENT_NOUNS:
            # "X issued a statement ... “...,” the statement said": X; else the latest speaker
            issuer = self._issuer(head, lo)
            latest = recent[-1] if recent else None
            if issuer is not None and (latest is None or issuer[0] > latest.char):
                return issuer[1]
            return latest.speaker if latest else None
        for p in reversed(recent):  # "an official said ..." then "the official said"
            if p.speaker.role == lemma:
                return p.speaker
        for i in range(head.i - 1, -1, -1):
            tok = self.doc[i]
            if tok.idx < lo:
                break
            m = self.index.at(i)
            if m is None or self.inside(tok.idx) or i != m.end - 1:
                continue
            if lemma in self.roles.get(m.entity, ()) and (m.label == "PERSON") != (lemma in ORG_NOUNS):
                # "the gunman" is a person, never "Canada"; "the court" a body, never its judge
                return Speaker(m.entity, None, m.label)
            if lemma in ORG_NOUNS and m.label in ("ORG", "IGO") and not self._nested(m) and self._fits_noun(m, lemma):
                return Speaker(m.entity, None, m.label)
        return None

    def _issuer(self, head: Token, lo: int) -> tuple[int, Speaker] | None:
        """(where, who) for the latest entity said to have issued, released or posted a statement of
        the kind `head` names before it ("Lumex Partners issued a statement", "a statement from the
        ministry"), from `lo` (chars) on; None when there is none."""
        for i in range(head.i - 1, -1, -1):
            tok = self.doc[i]
            if tok.idx < lo:
                break
            if tok.lemma_.lower() != head.lemma_.lower() or self.inside(tok.idx):
                continue
            names = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
            names = [o for p in names for o in p.children if o.dep_ == "pobj"]
            if tok.dep_ in ("dobj", "obj"):
                names += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            for n in names:
                m = self.index.at(n.i)
                if m is not None and m.label in GROUP_LABELS | {"PERSON"}:
                    return tok.idx, Speaker(m.entity, None, m.label)
        return None

    def _person_aged(self, head: Token, age: str):
        """The latest person mention before `head` that the text gives this age ("Jane Roe, 45,")."""
        doc = self.doc
        found = None
        for m in self.index.mentions:
            if m.label != "PERSON" or m.end > head.i:
                continue
            after = [t.text for t in doc[m.end:m.end + 3]]
            if after[:2] == [",", age] or (after[:1] == ["("] and after[1:2] == [age]):
                found = m
        return found

    def _is_body(self, m) -> bool:
        """Whether a modifier names a real body ("Pentagon", "Israeli", "Hamas"), not a bare word
        the NER took for a name ("a Defense official": no such entity as "Defense")."""
        entity = self.entities.get(m.entity)
        if entity is None:
            return True
        return bool(entity.country or entity.sector or entity.type in ("IGO", "MEDIA") or len(entity.name.split()) > 1)

    def _body_of(self, head: Token):
        """The organisation in "official at / of / in / from / with / for X" after a generic speaker noun
        ("a spokesman for Hamas"); a person there ("a spokesman for Jo Roe") is not one."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "in", "from", "with", "for"):
                continue
            for obj in prep.children:
                m = self.index.at(obj.i) if obj.dep_ == "pobj" else None
                if m is not None and m.label in ("ORG", "IGO") and self._is_body(m):
                    return m
        return None

    def _named_body_before(self, head: Token):
        """The one organisation named shortly before whose name has the speaker's modifier noun
        ("police" in "a police spokesman" and "Kenyan police"); None when none or several do."""
        words = {c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        if not words:
            return None
        lo = max(0, head.idx - LOOKBACK_CHARS)
        found = {}
        for m in self.index.mentions:
            if m.label not in ("ORG", "IGO") or m.end > head.i or self.doc[m.start].idx < lo:
                continue
            if words & {t.lower_ for t in self.doc[m.start:m.end]}:
                found[m.entity] = m
        return next(iter(found.values())) if len(found) == 1 else None

    def _fits_noun(self, m, lemma: str) -> bool:
        """Whether "the <lemma>" can be this entity: its sector or its name says it is one."""
        entity = self.entities.get(m.entity)
        if entity is None:
            return True
        words = {w.lower().strip(".,'’") for w in entity.name.split()}
        words |= {w.lower() for t in (self.doc[x.start:x.end] for x in self.index.mentions if x.entity == m.entity)
                  for w in t.text.split()}
        if lemma in NON_STATE_NOUNS:
            # "the group" is not a state body ("Syrian government forces"); a named brigade with no
            # country of its own may be one
            return not (entity.country and entity.sector in STATE_SECTORS)
        sectors, names = DESCRIPTION_FITS.get(lemma, (None, None))
        if sectors is None:
            return True
        return entity.sector in sectors or bool(words & names)

    def _nested(self, m) -> bool:
        """A mention inside another mention's phrase ("the largest bloc at the United Nations") is not
        what a later "the group" points back to; the phrase's own head is."""
        t = self.doc[m.start:m.end].root
        for _ in range(6):
            if t.head == t:
                return False
            t = t.head
            other = self.index.at(t.i)
            if other is not None and other.entity != m.entity:
                return True
        return False

    # -- pronouns ----------------------------------------------------------------------
    def _pronoun(self, head: Token, prior: list[PriorQuote], gender: str | None = None) -> Speaker:
        """`gender`: of an epithet that stands in for a pronoun ("the father of two"), else the pronoun's.
        An epithet points back only to a speaker or a clause's subject, never to a name in passing."""
        epithet = gender is not None
        gender = gender or PRONOUN_GENDER.get(head.lower_)
        k = self.units.index(head.i)
        limit = head.idx
        for step in range(LOOKBACK_SENTENCES):
            lo, hi = self.units.bounds(k)
            cands = self._candidates(lo, hi, limit, gender, prior)
            if epithet:
                cands = [c for c in cands if c[1]]
            if gender and not any(c[1] for c in cands):
                # "The Florida senator sought to calm his supporters at Trump's rallies. He said":
                # the sentence's subject is a person the text does not name here; "he" is that
                # person, whoever the description points back to, or nobody: never Trump
                unnamed = self._unnamed_person_subject(lo, hi, limit)
                if unnamed is not None:
                    found = self._description(unnamed, unnamed.lemma_.lower(), prior) \
                        if unnamed.pos_ == "NOUN" else None
                    if found is not None and found.entity and self._fits(found.entity, found.label, gender):
                        return Speaker(found.entity, head.text, found.label)
                    return Speaker(None, head.text, None)
            if cands:
                best = min(cands, key=lambda c: (not c[1], c[0]))
                entity, label = best[2], best[3]
                if gender and entity:
                    self.gender.setdefault(entity, gender)
                return Speaker(entity, head.text, label)
            if (not gender and step >= 1) or k == 0:
                break  # "they"/"it" look one sentence back at most
            k -= 1
            limit = 1 << 60
        return Speaker(None, head.text, None)

    def _unnamed_person_subject(self, lo: int, hi: int, limit: int) -> Token | None:
        """The main clause's subject in tokens [lo, hi) before `limit` when it is a person the text
        leaves unnamed: "a farmer", "the woman" (a role like "the senator" or "the author" is left
        out: it mostly stands for a person named before)."""
        for tok in self.doc[lo:hi]:
            if tok.idx >= limit:
                break
            if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT" or self.inside(tok.idx) or tok.tag_ not in ("NN", "NNP"):
                continue
            if self.index.at(tok.i) is not None or any(self.index.at(c.i) is not None for c in tok.children
                                                       if c.dep_ in ("appos", "compound")):
                return None
            lemma = tok.lemma_.lower()
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in tok.children)
            if lemma in ANONYMOUS_PERSON_NOUNS or (indefinite and lemma in PERSON_NOUNS):
                return tok
            return None
        return None

    def _candidates(self, lo: int, hi: int, limit: int, gender: str | None, prior: list[PriorQuote]):
        """(position, is_subject, entity, label) of compatible referents in tokens [lo, hi) before `limit`."""
        found = []
        doc = self.doc
        start_char = doc[lo].idx if lo < len(doc) else 0
        end_char = min(limit, doc[hi - 1].idx + len(doc[hi - 1]) if hi > lo else 0)
        for p in prior[-RECENT_QUOTES:]:
            if start_char <= p.char < end_char and p.speaker.entity and self._fits(p.speaker.entity,
                                                                                    p.speaker.label, gender):
                found.append((p.char, True, p.speaker.entity, p.speaker.label))
        seen_end = -1
        chained = False
        for tok in doc[lo:hi]:
            if tok.idx >= limit:
                break
            if self.inside(tok.idx):
                continue
            if (tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT" and tok.lower_ in PRONOUN_GENDER
                    and PRONOUN_GENDER[tok.lower_] == gender):
                chained = True
            m = self.index.at(tok.i)
            if m is None or tok.i < seen_end:
                continue
            seen_end = m.end
            if not self._fits(m.entity, m.label, gender):
                continue
            root = self.doc[m.start:m.end].root
            subj = root.dep_ in SUBJECTS or (root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECTS)
            if gender is None and not subj:
                continue
            found.append((tok.idx, subj, m.entity, m.label))
        if chained and not any(c[1] for c in found):
            return []  # the sentence's subject is the same pronoun: its referent is further back
        return found

    def _fits(self, entity: str, label: str | None, gender: str | None) -> bool:
        if gender is None:  # "they" / "it": a body, or people described in the plural ("officials")
            return label in GROUP_LABELS or entity in self.plural
        if label != "PERSON" or entity in self.plural:
            return False
        known = self.gender.get(entity)
        return known is None or known == gender

    # -- helpers -----------------------------------------------------------------------
    def _given_name_gender(self, entity_id: str) -> str | None:
        """Gender from the first of a full name's words ("Ruth Adler"), when that given name is
        borne almost only by one sex; a one-word name ("Adler") may be a surname and says nothing."""
        entity = self.entities.get(entity_id)
        words = entity.name.split() if entity is not None and entity.name else []
        words = [w for w in words if w.lower().strip(".") not in MALE_HONORIFICS | FEMALE_HONORIFICS]
        return first_name_gender(words[0]) if len(words) >= 2 else None

    def _speaker_of(self, m) -> Speaker:
        text = self.doc[m.start:m.end].text
        return Speaker(m.entity, text, m.label, None)

    def _learn_titles(self) -> None:
        """Gender from "Mr"/"Mrs" before a mention, else from the given name; role nouns from the
        phrase around it."""
        doc = self.doc
        for m in self.index.mentions:
            if m.label == "PERSON":
                prev = doc[m.start - 1].lower_ if m.start > 0 else ""
                first = doc[m.start].lower_
                for t in (prev, first):
                    if t in MALE_HONORIFICS:
                        self.gender.setdefault(m.entity, "m")
                    elif t in FEMALE_HONORIFICS:
                        self.gender.setdefault(m.entity, "f")
            roles = self.roles.setdefault(m.entity, set())
            root = doc[m.start:m.end].root
            for t in list(root.children) + [root.head]:
                if t.pos_ == "NOUN" and (t.dep_ in ("appos", "compound") or root.dep_ in ("appos", "compound")):
                    roles.add(t.lemma_.lower())
            for title in self.index.titles.get(m.entity, ()):
                roles.update(w.lower() for w in title.split())
                roles.update(t for t in map(title_of_abbreviation, title.split()) if t)  # "Gov." is a governor
            prev = doc[m.start - 1].text if m.start > 0 else ""
            if title_of_abbreviation(prev):  # a title the entities stage left outside the mention
                roles.add(title_of_abbreviation(prev))
        for m in self.index.mentions:  # a title said otherwise ("Mr. Jordan Lee") and wins
            if m.label == "PERSON" and m.entity not in self.gender:
                given = self._given_name_gender(m.entity)
                if given:
                    self.gender[m.entity] = given


def _epithet_gender(head: Token) -> str | None:
    """The sex of "the father of two", "a mother of three": a person noun of one sex with "of" and a
    number, an epithet the press gives someone already in the story (never a new person), else None."""
    gender = person_noun_gender(head.lemma_.lower())
    if not gender or not any(c.dep_ == "det" for c in head.children):
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and any(o.dep_ == "pobj" and o.like_num for o in prep.children):
            return gender
    return None


def _age_of(head: Token) -> str | None:
    """The N of "the N-year-old" when `head` is its "old", else None."""
    if head.lower_ != "old":
        return None
    for year in head.children:
        if year.lower_ in ("year", "years"):
            for n in year.children:
                if n.dep_ == "nummod" and n.text.isdigit():
                    return n.text
    return None


def _np_start(head: Token) -> int:
    """Where the speaker phrase starts: its left edge, past punctuation and spaces."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


def _np_text(head: Token) -> str:
    """The speaker phrase up to its head: "Officials" in "Officials in the city of X said"."""
    return head.doc[_np_start(head):head.i + 1].text
