"""The one reader of the package's data tables (word lists and tables in TSV), checked as it reads.

    read_table(path)                                  # [{column: cell}], one dict per row
    read_table(path, key="iso3")                      # ... and no value of that column twice
    read_table(path, key="name", fold_key=True)       # ... not even in another case
    read_table(path, allowed={"kind": {"a", "b"}})    # ... and only these values in that column

Format: UTF-8 text, one row a line, cells separated by tabs. Blank lines and lines starting
with '#' are comments. The first other line names the columns. Cells are taken as written
(stripped of surrounding white space; quotes are text, not CSV quoting); a row may leave its
last cells out (they read as ''). A row with more non-empty cells than there are columns, a
key seen before, a value outside its column's vocabulary, or a header without the `key` column
is a DataFileError naming the file and the line: a wrong table stops the load
instead of becoming silently wrong records.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path


class DataFileError(ValueError):
    """A data table that breaks its format or its vocabulary (the message names file and line)."""


def read_table(path: str | Path, key: str | None = None, allowed: Mapping[str, Collection[str]] | None = None,
               fold_key: bool = False) -> list[dict[str, str]]:
    """The rows of the table at `path`; `key`: a column no two rows share (`fold_key`: not even in another
    case, for tables looked up without case); `allowed`: column -> its closed vocabulary (a table may leave
    an optional column out)."""
    path = Path(path)
    allowed = allowed or {}
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            if key is not None and key not in header:
                raise DataFileError(f"{path}:{number}: no column {key!r} in the header {header}")
            continue
        if any(cells[len(header):]):
            raise DataFileError(f"{path}:{number}: {len(cells)} cells for {len(header)} columns {header}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        for column, values in allowed.items():
            if column in row and row[column] not in values:
                raise DataFileError(f"{path}:{number}: unknown {column} {row[column]!r} "
                                    f"(known: {', '.join(sorted(values))})")
        if key is not None:
            folded = row[key].casefold() if fold_key else row[key]
            if folded in seen:
                raise DataFileError(f"{path}:{number}: {key} {row[key]!r} again (first on line {seen[folded]})")
            seen[folded] = number
        rows.append(row)
    return rows
