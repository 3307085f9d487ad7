"""Docs with a parse written by hand, as spaCy's own tests build them, for rule tests that must not
depend on what a statistical parser happens to do with a sentence.

    parse("Two/CD/nummod/1 troops/NNS/nsubjpass/3 were/VBD/auxpass/3 killed/VBN/ROOT/3/kill ./././3")

One token per `word/TAG/dep/head[/lemma]`, `head` the absolute index of the head (its own index for
a ROOT), the lemma the lower-cased word unless given. The coarse POS comes from the fine tag (the
Penn Treebank mapping the English models use). A space follows every token but one before
punctuation, so `doc.text` reads like the sentence. `ents` are (start, end, label) token spans.
Sentences are the parse's trees, so several ROOTs make several sentences.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

import dateline.nlp.extensions  # noqa: F401  (registers the ._.dl_* attributes the rules read)

# Penn Treebank tag -> Universal POS, as in the English models' attribute ruler.
TAG_POS = {
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PDT": "DET",
    "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP",
    "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB",
    "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WRB": "ADV", ".": "PUNCT", ",": "PUNCT", ":": "PUNCT",
    "HYPH": "PUNCT", "``": "PUNCT", "''": "PUNCT",
}
# Auxiliaries keep the AUX part of speech the models give them (the fine tag alone says VERB).
AUX_LEMMAS = frozenset("be have do will would shall should may might can could must".split())
NO_SPACE_BEFORE = frozenset(".,;:!?'\")")

VOCAB = spacy.blank("en").vocab


def parse(tokens: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    words, tags, deps, heads, lemmas = [], [], [], [], []
    for item in tokens.split():
        fields = item.split("/")
        if not 4 <= len(fields) <= 5 or fields[1] not in TAG_POS or not fields[3].isdigit():
            raise ValueError(f"{item!r}: write a token as word/TAG/dep/head[/lemma] with a Penn tag")
        word, tag, dep, head, *lemma = fields
        words.append(word)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma[0] if lemma else word.lower())
    pos = [("AUX" if lem in AUX_LEMMAS and dep in ("aux", "auxpass") or tag == "MD" else TAG_POS[tag])
           for tag, dep, lem in zip(tags, deps, lemmas)]
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def token(doc: Doc, word: str, nth: int = 0):
    """The nth token spelled `word`."""
    return [t for t in doc if t.text == word][nth]
