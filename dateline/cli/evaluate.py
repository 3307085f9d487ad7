"""`dateline eval ...`: accuracy of each stage on data we did not write (../shared)."""
from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Score a stage against a public benchmark or the whole-article gold."""
