"""The package's word classes (reporting verbs, locative prepositions...): one table, one checked reader.

    from dateline.ontology.lexicon import words
    words("reporting_verb_modality")       # frozenset of the words of that class

`lexicon_classes.tsv` declares each class and what it is for; `lexicon.tsv` lists (word, class) rows.
A row naming an undeclared class, or the same (word, class) twice, stops the load (DataFileError):
a typo in a class name would otherwise leave a rule silently without its words.
Where two modules' lists of one concept differ, each keeps its own class (their behaviour is kept);
the class descriptions say which module uses which.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..data_files import DataFileError, read_table

DATA_DIR = Path(__file__).resolve().parent


def read_lexicon(path: str | Path, classes_path: str | Path) -> dict[str, frozenset[str]]:
    """class -> its words, from a (word, class) table checked against the declared classes."""
    declared = [row["class"] for row in read_table(classes_path, key="class")]
    rows = read_table(path, allowed={"class": declared})
    by_class: dict[str, set[str]] = {name: set() for name in declared}
    for row in rows:
        if not row["word"]:
            raise DataFileError(f"{path}: an empty word in class {row['class']!r}")
        if row["word"] in by_class[row["class"]]:
            raise DataFileError(f"{path}: word {row['word']!r} twice in class {row['class']!r}")
        by_class[row["class"]].add(row["word"])
    return {name: frozenset(found) for name, found in by_class.items()}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    return read_lexicon(DATA_DIR / "lexicon.tsv", DATA_DIR / "lexicon_classes.tsv")


def words(word_class: str) -> frozenset[str]:
    """The words of one declared class; an undeclared name is a KeyError (a typo, not an empty class)."""
    lexicon = _lexicon()
    if word_class not in lexicon:
        raise KeyError(f"no word class {word_class!r} in lexicon_classes.tsv")
    return lexicon[word_class]
