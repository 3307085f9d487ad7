"""The event ontology as data: PLOVER categories, modes and contexts, CAMEO -> PLOVER, PLOVER -> ACLED.

Everything lives in the TSV files next to this module (provenance in README.md); this
module only reads and checks them. Vocabularies are closed: a file naming an unknown
category, mode or context is an error at load time, not a silent wrong record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import get_args

from ..data_files import read_table
from ..types import Category

DATA_DIR = Path(__file__).parent
CATEGORIES: tuple[str, ...] = get_args(Category)


class OntologyError(ValueError):
    """A data file uses a name outside the closed vocabularies."""


# The package's one table reader (dateline/data_files.py), under the name the stages and exports import.
read_tsv = read_table


@dataclass(frozen=True, slots=True)
class CameoCoding:
    cameo: str
    category: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcledType:
    event_type: str
    sub_event_type: str

    def to_dict(self) -> dict[str, str]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}


@dataclass(frozen=True)
class Ontology:
    modes: dict[str, frozenset[str]]  # category -> allowed modes
    contexts: frozenset[str]
    cameo: dict[str, CameoCoding]  # CAMEO code -> PLOVER coding
    acled_rows: dict[tuple[str, str, str], AcledType] = field(default_factory=dict)  # (category, mode, target)

    def check(self, category: str, mode: str | None = None, contexts: tuple[str, ...] = ()) -> None:
        if category not in CATEGORIES:
            raise OntologyError(f"unknown PLOVER category {category!r}")
        if mode and mode not in self.modes.get(category, ()):
            raise OntologyError(f"mode {mode!r} is not a mode of {category}")
        for c in contexts:
            if c not in self.contexts:
                raise OntologyError(f"unknown PLOVER context {c!r}")

    def acled(self, category: str, mode: str | None, civilians: bool = False,
              state_actor: bool = False) -> AcledType | None:
        """ACLED type of a PLOVER coding: the most specific row (mode, then the condition: civilian targets,
        a state's forces acting) wins."""
        keys = []
        for m in ([mode] if mode else []) + ["*"]:
            if civilians:
                keys.append((category, m, "civilians"))
            if state_actor:
                keys.append((category, m, "state-actor"))
            keys.append((category, m, "*"))
        for key in keys:
            if key in self.acled_rows:
                return self.acled_rows[key]
        return None

    def from_cameo(self, code: str) -> CameoCoding | None:
        """PLOVER coding of a CAMEO code; a 4-digit code falls back to its 3-digit parent."""
        code = code.strip()
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1] if len(code) > 3 else ""
        return None


# Groups of categories that rules treat alike, a column of plover_categories.tsv (README.md says what each is for).
CATEGORY_GROUPS: tuple[str, ...] = ("speech_act", "said_where_made", "statement", "targeted", "force",
                                    "agent_modifier", "at_target", "partner", "launched", "on_the_ground")


@lru_cache(maxsize=1)
def _category_groups(data_dir: Path = DATA_DIR) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {g: set() for g in CATEGORY_GROUPS}
    for r in read_table(data_dir / "plover_categories.tsv", key="category"):
        for g in _split(r.get("groups", "")):
            if g not in members:
                raise OntologyError(f"plover_categories.tsv: {r['category']} in unknown group {g!r} "
                                    f"(known: {', '.join(CATEGORY_GROUPS)})")
            members[g].add(r["category"])
    return {g: frozenset(m) for g, m in members.items()}


def category_group(name: str) -> frozenset[str]:
    """The PLOVER categories of one group ("speech_act", "force", ...); an unknown name is a KeyError."""
    groups = _category_groups()
    if name not in groups:
        raise KeyError(f"no category group {name!r} (known: {', '.join(CATEGORY_GROUPS)})")
    return groups[name]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


@lru_cache(maxsize=1)
def load_ontology(data_dir: Path = DATA_DIR) -> Ontology:
    cats = [r["category"] for r in read_table(data_dir / "plover_categories.tsv", key="category")]
    if sorted(cats) != sorted(CATEGORIES):
        raise OntologyError(f"plover_categories.tsv does not list exactly the 16 categories: {cats}")
    modes: dict[str, set[str]] = {c: set() for c in CATEGORIES}
    for r in read_table(data_dir / "plover_modes.tsv"):
        if r["category"] not in modes:
            raise OntologyError(f"plover_modes.tsv: unknown category {r['category']!r}")
        modes[r["category"]].add(r["mode"])
    contexts = frozenset(r["context"] for r in read_table(data_dir / "plover_contexts.tsv", key="context"))
    onto = Ontology({c: frozenset(m) for c, m in modes.items()}, contexts, {})
    for r in read_table(data_dir / "cameo_plover.tsv", key="cameo"):
        coding = CameoCoding(r["cameo"], r["category"], r["mode"] or None, _split(r["context"]))
        onto.check(coding.category, coding.mode, coding.context)
        onto.cameo[coding.cameo] = coding
    for r in read_table(data_dir / "plover_acled.tsv"):
        mode = r["mode"]
        onto.check(r["category"], None if mode == "*" else mode)
        onto.acled_rows[(r["category"], mode, r["target"])] = AcledType(r["event_type"], r["sub_event_type"])
    return onto
