"""`dateline ingest`, `dateline show`, `dateline stats`: the commands around the embedded store."""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager, nullcontext

import click

from .options import batch_option, default_model, model_option, published_option, workers_option

db_option = click.option(
    "--db", "db_path", envvar="DATELINE_DB", default="dateline.db", show_default=True, metavar="PATH",
    help="SQLite database file (created if missing) or a postgresql:// URL (env DATELINE_DB).",
)


def _open(db_path: str, must_exist: bool = False):
    from ..errors import DatelineError
    from ..store import open_store, store_exists

    if must_exist and not store_exists(db_path):
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
@click.option("--cluster", metavar="URL|local", default=None,
              help="Run the NLP on Dask: a scheduler address (tcp://host:8786), or 'local' for a cluster of "
                   "--workers processes on this machine. This process stays the only writer of the store.")
@click.option("--retries", type=click.IntRange(0, 20), default=2, show_default=True,
              help="With --cluster: times a failed batch is retried before its articles are rejected.")
@click.option("--feed-state", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="Cursor file for RSS/Atom feeds: items already stored or rejected are not read again.")
@click.option("--no-link", is_flag=True,
              help="Do not link near-duplicates and incidents at the end (run `dateline link` later).")
def ingest(paths, db_path, published, model, workers, batch_size, force, cluster, retries, feed_state, no_link):
    """Extract the record of each article in PATHS and store it ('-' reads stdin).

    PATHS are files (.txt, .json, .jsonl, .html, .rss/.atom/.xml feeds, .warc[.gz]), folders or
    URLs. Articles whose cleaned text is already stored are skipped before any NLP. A rejected
    input is reported on stderr and kept in the `rejected` table; the exit code is 1 if any was
    rejected. Killed at any point, the same command run again finishes the job.

    \b
    Limits (each rejects that input only):
      too_large  a file over 10 MB (an HTML page, WARC record or feed over 20 MB), or an
                 article over 1,000,000 characters once read (the only limit on a JSON file)
      too_slow   an article over 30 s of NLP (env DATELINE_TIME_BUDGET, 0 = none)
      unreadable a URL not downloaded within 60 s

    \b
    Scale-out (docs/scale-out.md):
      dateline ingest --cluster local --workers 2 corpus/        # Dask workers on this machine
      dateline ingest --cluster tcp://scheduler:8786 corpus/     # an existing Dask cluster
    Without --cluster, --workers is the number of local processes for the NLP.
    """
    from tqdm import tqdm

    from ..inputs import iter_inputs
    from ..store.ingest import ingest as run_ingest

    if cluster not in (None, "local") and workers != 1:
        raise click.UsageError("--workers sizes a local cluster; a remote cluster has the workers started for it")
    store = _open(db_path)
    feeds = _feed_state(feed_state)
    annotator = _dask_annotator(cluster, model, workers, batch_size, retries)
    counts: Counter[str] = Counter()
    outcomes = run_ingest(store, lambda: _pipeline(model), iter_inputs(paths, feeds=feeds), published=published,
                          batch_size=batch_size, n_process=workers, force=force, annotate=annotator)
    with store, annotator or nullcontext(), _saved(feeds), \
            tqdm(outcomes, unit=" articles", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        for outcome in _errors_as_click(bar):
            counts[outcome.status] += 1
            if feeds is not None:
                feeds.settle(outcome.origin)  # the outcome is committed: the item need not be read again
            if outcome.rejected is not None:
                r = outcome.rejected
                bar.write(f"dateline: rejected {r.origin}: {r.reason}: {r.detail}", file=sys.stderr)
        if counts["stored"] and not no_link:
            _link(store)
    click.echo(f"stored {counts['stored']}, unchanged {counts['unchanged']}, rejected {counts['rejected']}"
               f" ({store.path})", err=True)
    sys.exit(1 if counts["rejected"] else 0)


def _link(store) -> None:
    """New reports join their incidents (incremental: only unlinked events are looked at)."""
    from ..store.incidents import link_all

    counts = link_all(store.conn)
    click.echo(f"linked {counts['reports_linked']} reports: {counts['incidents']} incidents, "
               f"{counts['duplicates']} near-duplicate articles", err=True)


def _pipeline(model):
    """Only called when there is a new article: re-runs never load spaCy."""
    from ..errors import DatelineError
    from ..pipeline import Pipeline

    try:
        return Pipeline(default_model(model))
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None


def _dask_annotator(cluster, model, workers, batch_size, retries):
    if cluster is None:
        return None
    from ..scale import LOCAL, DaskAnnotator
    from ..settings import DEFAULT_MODEL

    # A remote cluster's workers resolve the model; the client need not have it installed.
    name = default_model(model) if cluster == LOCAL else model or DEFAULT_MODEL
    return DaskAnnotator(cluster, name, workers=workers, batch_size=batch_size, retries=retries)


def _feed_state(path):
    if path is None:
        return None
    from ..errors import DatelineError
    from ..ingest_feeds import FeedState

    try:
        return FeedState.load(path)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None


@contextmanager
def _saved(feeds):
    """Save the feed cursor however the run ends (what was settled stays settled)."""
    try:
        yield
    finally:
        if feeds is not None:
            feeds.save()


def _errors_as_click(outcomes):
    """A missing model (here or on a Dask worker) or an unreachable cluster: a message, not a traceback."""
    from ..errors import DatelineError

    try:
        yield from outcomes
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None


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
