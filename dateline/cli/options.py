"""Options shared by several commands."""
from __future__ import annotations

import sys

import click

from ..documents import parse_published
from ..errors import BadArgument


def _published(ctx, param, value):
    try:
        return parse_published(value)
    except BadArgument as exc:
        raise click.BadParameter(str(exc)) from None


model_option = click.option(
    "--model", envvar="DATELINE_MODEL", default=None,
    help="spaCy pipeline to use (package name or folder; env DATELINE_MODEL). Default: en_core_web_md, "
         "else en_core_web_sm.",
)
published_option = click.option(
    "--published", callback=_published, default=None, metavar="YYYY-MM-DD",
    help="Publication date; overrides the input's own. Relative dates resolve against it.",
)
workers_option = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                              help="Processes for the NLP pipeline.")
batch_option = click.option("--batch-size", type=click.IntRange(1, 1000), default=16, show_default=True,
                            help="Articles per nlp.pipe call (with --workers, per task of a worker).")


def default_model(model: str | None) -> str:
    """The model to load: the option, else the md pipeline if installed, else sm (settings.choose_model)."""
    from ..errors import ModelNotFound
    from ..settings import choose_model

    try:
        return choose_model(model)
    except ModelNotFound as exc:
        raise click.ClickException(str(exc)) from None


def output_format(fmt: str | None) -> str:
    """The format asked for, else a summary for a person at a terminal and JSON for a program (a pipe, a file)."""
    if fmt:
        return fmt
    return "text" if sys.stdout.isatty() else "json"
