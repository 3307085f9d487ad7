"""Content words of a sentence: the lexical evidence that two sentences tell of one event.

Function words, reporting verbs and the vocabulary every conflict report shares
("killed", "attack", "forces") are dropped, so what two sentences still share is
what is particular to the event: "school", "market", "convoy", "Jebaliya".
"""
from __future__ import annotations

import re

from ..ontology.lexicon import words

_TOKEN = re.compile(r"[^\W\d_]{3,}")

STOPWORDS = frozenset("""
a about above after again against all also although am among an and another any are around as at away back
be because been before being below between both but by can cannot could did do does doing done down during
each either even ever every few for from further had has have having he her here hers herself him himself his
how however i if in into is it its itself just least less many may me might more most much must my near neither
no nor not now of off on once one only or other others our ours out over own per same several she should since
so some still such than that the their theirs them themselves then there these they this those though through
thus to too two three four five under until up upon us very was we were what when where whether which while
who whom whose why will with within without would yet you your new last first second next early late later
""".split())

REPORTING = words("reporting_word_form")

GENERIC = frozenset("""
killed kill killing killings dead death deaths died wounded injured injuring attack attacks attacked attacking
people person persons civilians civilian forces force military troops army soldiers war fighting fight
government country countries city town region area areas state states day days week weeks month months year years
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning night evening
""".split())


def content_words(sentence: str) -> frozenset[str]:
    """Lowercased words of 3+ letters that are neither function, reporting nor generic conflict words."""
    out = set()
    for token in _TOKEN.findall(sentence.lower()):
        token = token.removesuffix("'s")
        if token not in STOPWORDS and token not in REPORTING and token not in GENERIC:
            out.add(token)
    return frozenset(out)
