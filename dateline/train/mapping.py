"""Label mappings from each training set to our two label sets (documented in docs/events.md).

A mapping gives the labels an example IS (1.0) and the labels it is NOT (0.0); a label left out is
unknown for that example and masked out of the loss (spaCy's textcat treats missing cats as missing),
so a coarse label like ConfliBERT's "Material Conflict" teaches "one of these five", not a guess.
"""
from __future__ import annotations

PLOVER = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
          "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")
CATEGORY_LABELS = PLOVER + ("NONE",)
# The learned status is whether a trigger reports a specific happening or a generic / aggregate
# statement (not an event). Actual / future / hypothetical / negated stay with the rules (modality.py):
# on the never-read MEANTIME test part they beat a classifier trained on the ~700 such labels there are
# (docs/events.md); those labels are kept on the items (`gold`) to measure the rules.
STATUS_LABELS = ("specific", "generic")


def one_of(labels: tuple[str, ...], allowed: set[str]) -> dict[str, float]:
    """Exactly one of `allowed` (unknown which): every other label is 0, the allowed ones are masked."""
    if len(allowed) == 1:
        return {lab: float(lab in allowed) for lab in labels}
    return {lab: 0.0 for lab in labels if lab not in allowed}


# ConfliBERT CAMEO PentaClass -> the PLOVER categories its CAMEO roots map to (CAMEO2PLOVER; its
# PROVENANCE.md). Class 0 is CAMEO 01 (statement: no PLOVER event) or 02 (appeal: REQUEST).
PENTACLASS = {
    "0": {"NONE", "REQUEST"},
    "1": {"AGREE", "CONSULT", "SUPPORT", "REQUEST"},  # 03 intend to cooperate is often "offered / pledged"
    "2": {"COOPERATE", "AID", "CONCEDE", "RETREAT"},
    "3": {"ACCUSE", "REQUEST", "REJECT", "THREATEN"},
    "4": {"PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"},
}

# WikiEvents KAIROS types (two levels) -> PLOVER; types not here say nothing about the category.
KAIROS = {
    "Conflict.Attack": "ASSAULT",
    "Conflict.Demonstrate": "PROTEST",
    "Justice.ArrestJailDetain": "COERCE",
    "Contact.ThreatenCoerce": "THREATEN",
    "Contact.RequestCommand": "REQUEST",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.ChargeIndict": "ACCUSE",
    "Justice.Sentence": "COERCE",
}

# Situation entities (sitent seType): a generic or generalizing clause is not a specific event;
# an episodic EVENT clause is one.
SITENT_GENERIC = {"GENERIC_SENTENCE", "GENERALIZING_SENTENCE"}
SITENT_SPECIFIC = {"EVENT"}
SITENT_NO_EVENT = {"STATE", "GENERIC_SENTENCE", "GENERALIZING_SENTENCE", "GENERAL_STATIVE"}  # category NONE


def meantime_status(attrs: dict[str, str]) -> str | None:
    """MEANTIME factuality attributes -> status (its PROVENANCE.md): negation first, then generic,
    conditional or uncertain, future; CERTAIN + POS + NON_FUTURE is actual; anything else unlabelled."""
    if attrs.get("polarity") == "NEG":
        return "negated"
    if attrs.get("special_cases") == "GEN":
        return "generic"
    if attrs.get("special_cases", "").startswith("COND") or attrs.get("certainty") in ("POSSIBLE", "PROBABLE"):
        return "hypothetical"
    if attrs.get("time") == "FUTURE":
        return "future"
    if attrs.get("certainty") == "CERTAIN" and attrs.get("polarity") == "POS" and attrs.get("time") == "NON_FUTURE":
        return "actual"
    return None
