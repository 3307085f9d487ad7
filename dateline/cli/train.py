"""`dateline train events|furniture`: rebuild the shipped models from ../shared (docs/events.md, docs/entities.md)."""
from __future__ import annotations

from pathlib import Path

import click


@click.group("train")
def train_group() -> None:
    """Train the learned components (weights ship in the package)."""


@train_group.command("events")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder (default: ../shared from the checkout, or DATELINE_SHARED).")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=Path("/tmp/dateline-train-events"),
              show_default=True, help="Scratch folder for the DocBins and checkpoints (never committed).")
@click.option("--only", type=click.Choice(["open", "candidates", "category", "status"]), multiple=True,
              help="Default: all four models (open triggers, candidates, category, status).")
@click.option("--labels", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of our sentence labels (*.jsonl; default: dateline/train/labels).")
@click.option("--reuse-data", is_flag=True, help="Reuse the items and DocBins already in --work (skip the rebuild).")
def train_events_cmd(shared, work, only, labels, reuse_data):
    """Open trigger and candidate models, event category and status classifiers -> dateline/nlp/models/ (~1 h on 2 cores)."""
    from ..evaluate import shared_dir
    from ..train.labelled import LABELS_DIR
    from ..train.run import train_events

    train_events(shared or shared_dir(), work, only=tuple(only), log=click.echo, rebuild=not reuse_data,
                 labels_dir=labels or LABELS_DIR)


@train_group.command("furniture")
@click.option("--curve", is_flag=True, help="Print the cross-validated curve only; write nothing.")
def train_furniture_cmd(curve):
    """The learned line model of cleaning -> dateline/clean/line_model.json (seconds), from the read half of
    `dateline eval furniture`."""
    from ..train.furniture import main

    main(["--curve"] if curve else [])
