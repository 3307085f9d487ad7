"""`dateline bench`: ingest throughput against the bare spaCy pipeline, in one run."""
from __future__ import annotations

from pathlib import Path

import click

from .options import batch_option, default_model, model_option


@click.command()
@click.option("--corpus", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSONL articles to ingest. Default: ../shared/corpus/articles.jsonl (or $DATELINE_SHARED).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N articles (default: all).")
@click.option("--seed", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Article timed through `dateline extract` (default: ../shared/samples/seed.txt).")
@click.option("--no-seed", is_flag=True, help="Skip the `dateline extract` wall-time measurement.")
@click.option("--no-workers", is_flag=True,
              help="Skip timing the whole `dateline ingest` command with --workers 1, then --workers 2.")
@click.option("--scale", is_flag=True,
              help="Instead: ingest on local Dask clusters of 1 and 2 worker processes; speed-up and projection.")
@click.option("--html", "html_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              is_flag=False, flag_value="", metavar="DIR",
              help="Instead: pages/s of dateline ingest of HTML pages vs trafilatura alone on the same pages "
                   "(default DIR: ../shared/bench/html/scrapinghub-aeb/html).")
@click.option("--web", "web_source", metavar="SOURCE_DB", default=None,
              help="Instead: load on `dateline serve` over a store grown from SOURCE_DB's real records to "
                   "--events events (kept in --web-db); latency percentiles per query.")
@click.option("--events", type=click.IntRange(1), default=100_000, show_default=True)
@click.option("--web-db", type=click.Path(dir_okay=False), default="bench-web.db", show_default=True,
              help="The grown store (built once, reused by later runs).")
@click.option("--length", "length", is_flag=True,
              help="Instead: seconds of dateline NLP and of bare spaCy on generated articles of 10,000 to "
                   "1,000,000 characters, and how each grows against the shortest (1.0: linear).")
@click.option("--clients", type=click.IntRange(1, 64), default=4, show_default=True)
@click.option("--requests", type=click.IntRange(1), default=1000, show_default=True)
@model_option
@batch_option
def bench(corpus, limit, seed, no_seed, no_workers, scale, html_dir, web_source, events, web_db, length, clients, requests,
          model, batch_size):
    """Articles/s of `ingest` vs spaCy's own nlp.pipe, per-stage time share, seed extract time, and the
    wall time of `dateline ingest --workers 2` over `--workers 1` (both whole commands, one after the other).

    With --web SOURCE_DB: p50/p95/p99 latency of the web API under --clients concurrent
    clients, over a store of --events events copied from SOURCE_DB's articles.

    With --scale: articles/s of `ingest --cluster local` with 1 and 2 workers on the
    same articles, the speed-up, and a projection to 10 million articles a month.
    Prints markdown. Absolute figures depend on the machine and its load;
    the ratios are measured within one run.
    """
    from ..bench.throughput import run_bench, shared_dir

    if length:
        from ..bench.length import run_length_bench

        click.echo(run_length_bench(default_model(model)).markdown())
        return
    if html_dir is not None:
        from ..bench.html import run_html_bench

        folder = html_dir if str(html_dir) not in ("", ".") else shared_dir() / "bench/html/scrapinghub-aeb/html"
        if not folder.is_dir():
            raise click.ClickException(f"no HTML pages at {folder}: give --html DIR or set DATELINE_SHARED")
        click.echo(run_html_bench(folder, default_model(model), limit=limit, batch_size=batch_size).markdown())
        return
    if web_source:
        from ..bench.web import run_web_bench

        from ..bench.search import run_search_bench

        click.echo(run_web_bench(web_source, web_db, events, clients, requests).markdown())
        click.echo("\nSubstring filters in one process, trigram index vs LIKE (same store, same terms):\n")
        click.echo(run_search_bench(web_db))
        return
    corpus = corpus or shared_dir() / "corpus" / "articles.jsonl"
    if not corpus.is_file():
        raise click.ClickException(f"no corpus at {corpus}: give --corpus or set DATELINE_SHARED")
    if scale:
        from ..bench.scale import run_scale_bench

        click.echo(run_scale_bench(corpus, default_model(model), limit=limit, batch_size=batch_size).markdown())
        return
    if not no_seed:
        seed = seed or shared_dir() / "samples" / "seed.txt"
        if not seed.is_file():
            raise click.ClickException(f"no seed article at {seed}: give --seed or --no-seed")
    result = run_bench(corpus, default_model(model), limit=limit, batch_size=batch_size,
                       seed=None if no_seed else seed, worker_counts=() if no_workers else (1, 2))
    click.echo(result.markdown())
