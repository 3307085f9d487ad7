"""The package's layers import one way only (read from the source, lazy imports included).

    base (types, errors, settings, kb, ontology, timex, geo...) -> inputs -> documents -> nlp
    -> records / budget / pipeline -> store (persistence) -> ingest / incidents / scale
    -> export / web / evaluate / bench / train / api -> cli

A module may import its own layer or a lower one. KNOWN_BACKWARD lists the imports that still run
the wrong way, each to be removed by moving code, never extended: the test fails when one of them
is gone too, so the list stays true.
"""
from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dateline"

LAYERS: list[set[str]] = [
    {"types", "errors", "settings", "safe_text", "data_files", "clean", "kb", "ontology", "timex", "geo", "schema"},
    {"inputs"},
    {"documents"},
    {"nlp"},
    {"records", "budget", "pipeline"},
    {"store"},
    {"ingest", "incidents", "scale"},
    {"export", "web", "evaluate", "bench", "train", "api"},
    {"cli", "__main__", "__init__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}

# (importing module, imported module): code still on the wrong side of a layer line.
KNOWN_BACKWARD: set[tuple[str, str]] = set()


@cache
def _nodes(path: Path) -> list[ast.AST]:
    """Every node of a module's syntax tree (parsed once for all the tests of this file)."""
    return list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in _nodes(path):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names]
            found.update(n for n in names if _is_module(n)) if any(_is_module(n) for n in names) else found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m == "dateline" or m.startswith("dateline.")}


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").exists() or (PACKAGE.parent / rel / "__init__.py").exists()


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[-1] == "__main__":  # `python -m dateline.x` is a command line, whatever package it sits in
        return RANK["cli"]
    return RANK.get(parts[1] if len(parts) > 1 else "__init__")


@cache
def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_layers_every_top_level_module_has_a_layer():
    tops = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert tops - set(RANK) == set()


def test_layers_imports_run_one_way():
    backward = {(a, b) for a, imported in _graph().items() for b in imported
                if _layer(b) is not None and _layer(a) is not None and _layer(b) > _layer(a)}
    assert backward - KNOWN_BACKWARD == set(), "imports against the layers"
    assert KNOWN_BACKWARD - backward == set(), "gone: take them off KNOWN_BACKWARD"


def test_layers_no_import_cycles_between_modules():
    graph = _graph()
    # A package's __init__ re-exporting its own modules is no cycle of code.
    edges = {a: {b for b in bs if b in graph and not (b.startswith(a + ".") or a.startswith(b + "."))}
             for a, bs in graph.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_layers_sql_driver_only_in_the_store_and_the_gazetteer():
    users = {_module(p) for p in PACKAGE.rglob("*.py") if "sqlite3" in _imports_raw(p) or "psycopg" in _imports_raw(p)}
    assert {m for m in users if not m.startswith("dateline.store")} <= {"dateline.geo.gazetteer"}


def _imports_raw(path: Path) -> set[str]:
    names = set()
    for node in _nodes(path):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


# SQL in the source: a string starting with a statement keyword, or a call of a connection's execute
# methods that passes its own arguments (a proxy handing on *args, as the web app's per-thread
# connection does, holds no SQL).
_SQL_STATEMENT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|WITH|BEGIN)\s")
_EXECUTE = {"execute", "executemany", "executescript"}
# Besides store/: the gazetteer builds and reads its own SQLite file, a cache apart from the store.
SQL_OUTSIDE_STORE = {"dateline.geo.gazetteer"}


def _sql_lines(nodes: list[ast.AST]) -> list[int]:
    lines = []
    for node in nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL_STATEMENT.match(node.value):
            lines.append(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _EXECUTE
              and not (all(isinstance(a, ast.Starred) for a in node.args)
                       and all(k.arg is None for k in node.keywords))):
            lines.append(node.lineno)
    return sorted(set(lines))


def test_layers_sql_finder_sees_strings_f_strings_and_execute_calls():
    source = ('a = "SELECT id FROM documents"\n'
              'b = f"""\n  UPDATE {table} SET x = 1"""\n'
              'conn.execute(query, params)\n'
              'c = "Select the events of a day"\n'
              'def execute(self, *args, **kwargs):\n'
              '    return self.conn.execute(*args, **kwargs)\n')
    assert _sql_lines(list(ast.walk(ast.parse(source)))) == [1, 2, 4]


def test_layers_no_sql_outside_the_store_and_the_gazetteer():
    found = {f"{_module(p)}:{line}" for p in PACKAGE.rglob("*.py")
             if not _module(p).startswith("dateline.store") and _module(p) not in SQL_OUTSIDE_STORE
             for line in _sql_lines(_nodes(p))}
    assert found == set(), "SQL belongs behind a function in dateline/store/"


def test_layers_benchmark_code_in_one_package():
    # `dateline bench`'s command line is a command like the others; what it runs lives in dateline/bench/.
    benches = {m for m in _graph() if m.rsplit(".", 1)[-1].startswith("bench")}
    outside = {m for m in benches if not m.startswith("dateline.bench.")} - {"dateline.bench", "dateline.cli.bench"}
    assert outside == set()


def test_layers_nothing_in_the_package_reads_the_tests_folder():
    offenders = [p.name for p in PACKAGE.rglob("*.py") if '"tests"' in p.read_text(encoding="utf-8")]
    assert offenders == []
