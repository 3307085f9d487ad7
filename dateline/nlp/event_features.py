"""What the candidate model reads of one rule candidate: one-hot features of the trigger in its sentence.

A candidate is a trigger the lexicon found (its word, sense and PLOVER category) with its parse around
it. The features describe what separates a reported event from a word sense that is no event ("a
missile struck" is no labour strike), a capability ("the ability to strike"), a generic or aggregate
statement ("the war has killed thousands"), words in quotes, and a trigger of another category. The
same function feeds training (dateline/train/candidates.py) and the events stage, so they cannot drift.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .modality import modality
from .triggers import Trigger, lemma, objects, subjects

QUOTES = frozenset('"“”')
WINDOW = 3  # words either side of the trigger read as context
STOP = frozenset("the a an of to in on and or for by with at from as that this is was be been are were it its "
                 "their his her he she they we i you , . ' \" “ ” - -- ( ) ; :".split())


def word_kind(tok: Token) -> str:
    """What a subject or object is, as features read it: its entity type, else PRON or its part of speech."""
    return tok.ent_type_ or ("PRON" if tok.pos_ == "PRON" else tok.pos_)


def in_quotes(tok: Token, sent: Span) -> bool:
    """An odd number of quote marks before the trigger in its sentence: it stands inside a quotation."""
    # the words before it, not doc.text: building the document's text costs a pass over the whole article
    return sum(ch in QUOTES for w in tok.doc[sent.start:tok.i] for ch in w.text) % 2 == 1


def context_features(tok: Token, pred: Token, sent: Span) -> list[str]:
    """What a word hangs under ("under=xcomp:plan") and the words either side of it: shared by the
    candidate model and the open trigger model."""
    f = []
    if pred.head is not pred and pred.dep_ in ("xcomp", "acl", "pcomp", "pobj", "ccomp", "advcl", "relcl"):
        f.append(f"under={pred.dep_}:{lemma(pred.head)}")
    for i in range(max(sent.start, tok.i - WINDOW), min(sent.end, tok.i + WINDOW + 1)):
        w = tok.doc[i]
        if i != tok.i and w.lower_ not in STOP and not w.is_punct:
            f.append(f"w{'<' if i < tok.i else '>'}={lemma(w)}")
    return f


def candidate_features(t: Trigger, sent: Span, others: int = 0) -> list[str]:
    """One-hot feature names of a candidate (its head trigger) in its sentence; `others` is how many
    other candidates the sentence has."""
    tok, pred, cat = t.token, t.predicate, t.sense.category
    lem = lemma(tok)
    kind = "n" if t.nominal else "v"
    f = [f"cat={cat}", f"lemma={lem}", f"lc={lem}|{cat}", f"kind={kind}|{cat}", f"tag={tok.tag_}",
         f"tc={tok.tag_}|{cat}", f"dep={tok.dep_}", f"dc={tok.dep_}|{cat}", f"pdep={pred.dep_}",
         f"head={lemma(pred.head)}" if pred.head is not pred else "head=ROOT",
         f"hc={lemma(pred.head)}|{cat}" if pred.head is not pred else f"hc=ROOT|{cat}",
         f"others={min(others, 3)}"]
    if t.sense.cameo:
        f.append(f"cameo={t.sense.cameo[:3]}")
    if t.sense.mode:
        f.append(f"mode={t.sense.mode}")
    if t.span.end - t.span.start > 1:
        f.append(f"particle={t.span[-1].lower_}|{cat}")
    if pred is not tok:
        f.append(f"lv={lemma(pred)}")
    mood = modality(t)
    f += [f"mod={mood}", f"mc={mood}|{cat}"]
    if in_quotes(tok, sent):
        f += ["quoted", f"quoted|{cat}"]
    subj = subjects(pred)
    f += [f"subj={word_kind(s)}" for s in subj[:2]] or ["subj=none"]
    f += [f"sc={word_kind(s)}|{cat}" for s in subj[:1]] or [f"sc=none|{cat}"]
    f += [f"subjw={lemma(s)}|{cat}" for s in subj[:1]]
    obj = objects(pred)
    f += [f"obj={word_kind(o)}" for o in obj[:2]] or ["obj=none"]
    f += [f"objw={lemma(o)}|{cat}" for o in obj[:2]]
    aux = {lemma(c) for c in pred.children if c.dep_ in ("aux", "auxpass", "neg")}
    f += [f"aux={a}" for a in sorted(aux)]
    for c in pred.children:
        if c.dep_ == "prep":
            f.append(f"prep={c.lower_}|{cat}")
        elif c.dep_ in ("advmod", "npadvmod") and c.pos_ == "ADV":
            f.append(f"adv={c.lower_}")
    f += context_features(tok, pred, sent)
    if any(w.lower_ == "since" for w in sent):
        f.append("since_in_sentence")
    if any(w.like_num for w in obj):
        f.append("number_object")
    return f
