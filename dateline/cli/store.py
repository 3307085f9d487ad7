"""`dateline ingest`, `list`, `show`, `stats`: the commands around the store."""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager, nullcontext

import click

from .options import batch_option, default_model, model_option, output_format, published_option, workers_option

# `ingest` creates the store; every other command reads one that must exist (and says so when it does not).
new_db_option = click.option(
    "--db", "db_path", envvar="DATELINE_DB", default="dateline.db", show_default=True, metavar="PATH",
    help="SQLite database file (created if missing) or a postgresql:// URL (env DATELINE_DB).",
)
db_option = click.option(
    "--db", "db_path", envvar="DATELINE_DB", default="dateline.db", show_default=True, metavar="PATH",
    help="The store: a SQLite database file or a postgresql:// URL (env DATELINE_DB). It must exist "
         "(`dateline ingest` makes it).",
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
@new_db_option
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
    from ..ingest import ingest as run_ingest

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
        if not no_link:
            _link(store, resuming=not counts["stored"])
    click.echo(f"stored {counts['stored']}, unchanged {counts['unchanged']}, rejected {counts['rejected']}"
               f" ({store.path})", err=True)
    sys.exit(1 if counts["rejected"] else 0)


def _link(store, resuming: bool) -> None:
    """Stored reports not linked yet join their incidents (incremental: only unlinked events are looked at).

    Run even when nothing new was stored: a run killed while linking left its articles stored but
    unlinked, and the same command run again must finish the job (the check costs one query).
    """
    from ..incidents.stored import link_all

    counts = link_all(store.conn)
    if resuming and not (counts["reports_linked"] or counts["duplicates_found"]):
        return  # nothing was left undone: say nothing
    if resuming:
        click.echo("nothing new to store; linking what an earlier run stored but did not link "
                   "(it stopped before linking was done, or ran with --no-link)", err=True)
    click.echo(f"linked {counts['reports_linked']} event reports into incidents "
               f"(the store now holds {counts['incidents']} incidents); near-duplicate articles: "
               f"{counts['duplicates_found']} new, {counts['duplicates']} in all", err=True)


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
    from ..inputs.feeds import FeedState

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


@click.command("list")
@db_option
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="Articles to list.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Articles to skip first.")
def list_documents(db_path, limit, offset):
    """List the stored articles (ids for `dateline show`), newest first.

    One line each: id (give it, or its first characters, to `dateline show`), publication date,
    outlet, number of events, and title (else the text's first words)."""
    from ..store.queries import count_rows, newest_articles

    with _open(db_path, must_exist=True) as store:
        total = count_rows(store.conn, "documents")
        rows = newest_articles(store.conn, limit, offset)
    from .summary import cut, one_line

    for doc_id, published, outlet, title, opening, n_events in rows:
        name = one_line(title) if title else cut(opening or "", 60)
        click.echo(f"{doc_id[:12]}  {(published or '')[:10]:<10}  {cut(outlet or '-', 18):<18}  "
                   f"{n_events:>4} events  {cut(name, 70)}")
    if not total:
        click.echo(f"no articles in {db_path} (`dateline ingest` stores some)", err=True)
        return
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    click.echo(f"{shown} of {total} articles in {db_path}"
               + (f" (--offset {offset + len(rows)} for more)" if offset + len(rows) < total else ""), err=True)


@click.command()
@click.argument("doc_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text: a summary to read; json: the dateline/1 record. Default: text on a terminal, "
                   "json when the output goes to a pipe or a file.")
def show(doc_id, db_path, fmt):
    """Print the stored record of DOC_ID (the full id or a unique prefix; `dateline list` shows them)."""
    with _open(db_path, must_exist=True) as store:
        matches = store.ids_with_prefix(doc_id)
        if not matches:
            raise click.ClickException(f"no stored article with id {doc_id!r} in {db_path} "
                                       "(`dateline list` shows the stored ids)")
        if len(matches) > 1:
            raise click.ClickException(f"id prefix {doc_id!r} is ambiguous in {db_path}: give more characters")
        record = store.get(matches[0])
    if output_format(fmt) == "text":
        from .summary import summary_lines

        click.echo("\n".join(summary_lines(record)))
        return
    click.echo(json.dumps(record, ensure_ascii=False, indent=1))


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def stats(db_path, as_json):
    """What is stored: articles and the dates they cover, events, incidents, then the rows of each table."""
    from ..store.browse import overview
    from ..store.queries import count_rows, published_range

    with _open(db_path, must_exist=True) as store:
        figures = store.stats()
        seen = overview(store.conn)
        published = published_range(store.conn)
        incidents, duplicates = (count_rows(store.conn, table) for table in ("incidents", "document_duplicates"))
    tables = figures["tables"]
    figures["summary"] = {
        "articles": tables.get("documents", 0), "published_from": published[0], "published_to": published[1],
        "events": tables.get("events", 0), "events_from": seen["first_day"], "events_to": seen["last_day"],
        "incidents": incidents, "near_duplicate_articles": duplicates,
        "rejected": tables.get("rejected", 0),
    }
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    for line in _summary(figures["summary"]):
        click.echo(line)
    click.echo("")
    width = max(map(len, tables))
    for table, count in tables.items():
        click.echo(f"{table:<{width}}  {count:>8}")
    for reason, count in figures["rejected_by_reason"].items():
        click.echo(f"  rejected {reason}: {count}")


def _summary(s: dict) -> list[str]:
    def span(label, start, end) -> str:
        return f"  {label} {start} to {end}" if start else ""

    return [
        f"articles   {s['articles']:>8}{span('published', s['published_from'], s['published_to'])}",
        f"events     {s['events']:>8}{span('dated', s['events_from'], s['events_to'])}",
        f"incidents  {s['incidents']:>8}  (an incident: the reports of one real-world event, linked)",
        f"near-duplicate articles {s['near_duplicate_articles']}, rejected inputs {s['rejected']}",
    ]
