"""`dateline eval ...`: accuracy of each stage on data we did not write (../shared)."""
from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Score a stage against a public benchmark or the whole-article gold."""


@eval_group.command("gold")
@click.option("--model", envvar="DATELINE_MODEL", default=None)
@click.option("--details", is_flag=True, help="Print every miss.")
def eval_gold(model, details):
    """Whole-article gold (../shared/gold/dev) through the shared scorer."""
    from ..evaluate import shared_dir
    from ..evaluate.gold import score_gold
    from ..pipeline import Pipeline
    from .options import default_model

    figures = score_gold(shared_dir(), Pipeline(default_model(model)), details=details)
    detail = figures.pop("_details", None)
    width = max(len(k) for k in figures)
    for key, v in figures.items():
        counts = f"{v['ok']:>5}/{v['n']:<5}" if "n" in v else " " * 11
        click.echo(f"{key:<{width}}  {counts} {v['ratio']}")
    if detail:
        click.echo(detail)


@eval_group.command("time")
@click.option("--model", envvar="DATELINE_MODEL", default=None)
@click.option("--details", is_flag=True, help="Print every miss.")
def eval_time(model, details):
    """TempEval-3 platinum: DATE/TIME extents (strict, relaxed) and values."""
    from ..evaluate import shared_dir
    from ..evaluate.time import DEFINITION, evaluate_te3
    from ..nlp import build_nlp
    from .options import default_model

    figures = evaluate_te3(build_nlp(default_model(model)), shared_dir() / "bench/time/te3-platinum", details)
    detail = figures.pop("_details", None)
    for key, v in figures.items():
        click.echo(f"{key:<15} {v}")
    click.echo(DEFINITION)
    if detail:
        click.echo(detail)
