"""The `dateline` command: a thin layer over the library.

Each command lives in its own module of this package and is added to `main` here.
Heavy imports (spaCy, the gazetteer) happen inside commands, so `--help` is instant.
"""
from __future__ import annotations

import click

from .. import __version__
from .bench import bench
from .evaluate import eval_group
from .export import export
from .extract import extract
from .incidents import link
from .serve import serve
from .store import ingest, list_documents, show, stats
from .train import train_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Turn news reports into a sourced event record (dateline/1)."""


main.add_command(extract)
main.add_command(eval_group)
main.add_command(ingest)
main.add_command(list_documents)
main.add_command(show)
main.add_command(stats)
main.add_command(bench)
main.add_command(export)
main.add_command(link)
main.add_command(serve)
main.add_command(train_group)
