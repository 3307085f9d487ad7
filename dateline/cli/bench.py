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
@model_option
@batch_option
def bench(corpus, limit, seed, no_seed, model, batch_size):
    """Articles/s of `ingest` vs spaCy's own nlp.pipe, per-stage time share, seed extract time.

    Prints a markdown table. Absolute figures depend on the machine and its load;
    the ratio is measured within one run.
    """
    from ..bench import run_bench, shared_dir

    corpus = corpus or shared_dir() / "corpus" / "articles.jsonl"
    if not corpus.is_file():
        raise click.ClickException(f"no corpus at {corpus}: give --corpus or set DATELINE_SHARED")
    if not no_seed:
        seed = seed or shared_dir() / "samples" / "seed.txt"
        if not seed.is_file():
            raise click.ClickException(f"no seed article at {seed}: give --seed or --no-seed")
    result = run_bench(corpus, default_model(model), limit=limit, batch_size=batch_size,
                       seed=None if no_seed else seed)
    click.echo(result.markdown())
