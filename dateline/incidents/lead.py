"""Which events an article leads with.

News is written top-down: the opening sentences state the event the story is about, and later
sentences of the same kind on the same day mostly tell it again ("the attack", "the wounded").
An article's lead event of a kind is its first actual event of that family, stated in one of its
first LEAD_SENTENCES event-bearing sentences; a story that opens on something else has no lead of
that kind.
"""
from __future__ import annotations

from .compat import LINKED_MODALITY
from .families import family
from .model import event_number

LEAD_SENTENCES = 3


def lead_events(events: list[tuple[str, str, str, int]]) -> set[str]:
    """Ids of the lead events among (event_id, category, modality, sentence_start) of one article."""
    opening = sorted({start for _, _, _, start in events})[:LEAD_SENTENCES]
    leads: dict[str, str] = {}
    for event_id, category, modality, start in sorted(events, key=lambda e: (e[3], event_number(e[0]))):
        fam = family(category)
        if modality != LINKED_MODALITY or fam in leads:
            continue
        leads[fam] = event_id if start in opening else ""
    return {e for e in leads.values() if e}

