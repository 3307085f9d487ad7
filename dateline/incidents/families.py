"""Category families: PLOVER categories the extractor may use for one happening.

Two reports can only be one incident if their categories are in the same family.
Most families are one category. The exceptions pair categories that differ by
wording more than by what happened: condemning and rejecting ("X denounced and
rejected Y's claim"), yielding in word and in deed (CAMEO 08 split into CONCEDE
and RETREAT), and pledged versus delivered help (SUPPORT, AID).
"""
from __future__ import annotations

_GROUPS: dict[str, tuple[str, ...]] = {
    "disapprove": ("ACCUSE", "REJECT"),
    "yield": ("CONCEDE", "RETREAT"),
    "help": ("SUPPORT", "AID"),
}
_FAMILY_OF = {category: name for name, members in _GROUPS.items() for category in members}


def family(category: str) -> str:
    return _FAMILY_OF.get(category, category)


def members(family_name: str) -> tuple[str, ...]:
    """The categories of a family (for the store's candidate query)."""
    return _GROUPS.get(family_name, (family_name,))
