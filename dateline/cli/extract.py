"""`dateline extract`: articles in, dateline/1 records out (no database)."""
from __future__ import annotations

import json
import sys

import click

from .options import batch_option, default_model, model_option, output_format, published_option, workers_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@model_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default=None,
              help="text: a summary to read (events as lines, then entities, places, quotes); json: one "
                   "indented dateline/1 object per article; jsonl: one line per input, in input order. "
                   "Default: text on a terminal, json when the output goes to a pipe or a file.")
@workers_option
@batch_option
def extract(paths, published, model, fmt, workers, batch_size):
    """Print the dateline/1 record of each article in PATHS ('-' reads stdin).

    A rejected input prints a line with its origin and reason instead of a
    record, so outputs and inputs stay aligned (json, jsonl); the exit code is 1 if any was rejected.
    """
    from ..errors import DatelineError
    from ..inputs import iter_inputs
    from ..pipeline import Pipeline
    from ..types import Rejected
    from .summary import summary_lines

    fmt = output_format(fmt)
    try:
        pipeline = Pipeline(default_model(model))
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    failed = 0
    for item in pipeline.process(iter_inputs(paths), published=published, batch_size=batch_size, n_process=workers):
        if isinstance(item, Rejected):
            failed += 1
            click.echo(f"dateline: rejected {item.origin}: {item.reason}: {item.detail}", err=True)
            if fmt == "text":
                continue  # the stderr line says it; a reader needs no JSON of a rejection
        data = item.to_dict()
        if fmt == "text":
            click.echo("\n".join(summary_lines(data)) + "\n")
        else:
            click.echo(json.dumps(data, ensure_ascii=False, indent=1 if fmt == "json" else None))
    sys.exit(1 if failed else 0)
