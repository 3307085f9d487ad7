"""`dateline ingest`, `dateline show`, `dateline stats`: the commands around the embedded store."""
from __future__ import annotations

import json
import sys
from collections import Counter

import click

from .options import batch_option, default_model, model_option, published_option, workers_option

db_option = click.option(
    "--db", "db_path", envvar="DATELINE_DB", default="dateline.db", show_default=True, metavar="PATH",
    help="SQLite database file (env DATELINE_DB); created if missing.",
)


def _open(db_path: str, must_exist: bool = False):
    from pathlib import Path

    from ..errors import DatelineError
    from ..store import open_store

    if must_exist and not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path} (run `dateline ingest` first, or give --db)")
    try:
        return open_store(db_path)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@model_option
@workers_option
@batch_option
@click.option("--force", is_flag=True, help="Re-run the NLP on articles already stored (e.g. after an upgrade).")
def ingest(paths, db_path, published, model, workers, batch_size, force):
    """Extract the record of each article in PATHS and store it ('-' reads stdin).

    PATHS are files (.txt, .json, .jsonl) or folders. Articles whose cleaned text
    is already stored are skipped before any NLP. A rejected input is reported on
    stderr and kept in the `rejected` table; the exit code is 1 if any was rejected.
    """
    from tqdm import tqdm

    from ..errors import DatelineError
    from ..inputs import iter_inputs
    from ..store.ingest import ingest as run_ingest

    store = _open(db_path)

    def make_pipeline():  # only called when there is a new article: re-runs never load spaCy
        from ..pipeline import Pipeline

        try:
            return Pipeline(default_model(model))
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from None

    counts: Counter[str] = Counter()
    outcomes = run_ingest(store, make_pipeline, iter_inputs(paths), published=published, batch_size=batch_size,
                          n_process=workers, force=force)
    with store, tqdm(outcomes, unit=" articles", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        for outcome in bar:
            counts[outcome.status] += 1
            if outcome.rejected is not None:
                r = outcome.rejected
                bar.write(f"dateline: rejected {r.origin}: {r.reason}: {r.detail}", file=sys.stderr)
    click.echo(f"stored {counts['stored']}, unchanged {counts['unchanged']}, rejected {counts['rejected']}"
               f" ({db_path})", err=True)
    sys.exit(1 if counts["rejected"] else 0)


@click.command()
@click.argument("doc_id")
@db_option
def show(doc_id, db_path):
    """Print the stored record of DOC_ID (the full id or a unique prefix) as JSON."""
    with _open(db_path, must_exist=True) as store:
        matches = store.ids_with_prefix(doc_id)
        if not matches:
            raise click.ClickException(f"no stored article with id {doc_id!r} in {db_path}")
        if len(matches) > 1:
            raise click.ClickException(f"id prefix {doc_id!r} is ambiguous in {db_path}: give more characters")
        record = store.get(matches[0])
    click.echo(json.dumps(record, ensure_ascii=False, indent=1))


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def stats(db_path, as_json):
    """Print the number of rows in each table of the store."""
    with _open(db_path, must_exist=True) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    width = max(map(len, figures["tables"]))
    for table, count in figures["tables"].items():
        click.echo(f"{table:<{width}}  {count:>8}")
    for reason, count in figures["rejected_by_reason"].items():
        click.echo(f"  rejected {reason}: {count}")
