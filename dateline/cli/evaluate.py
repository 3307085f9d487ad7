"""`dateline eval ...`: accuracy of each stage on data we did not write (../shared)."""
from __future__ import annotations

from pathlib import Path

import click

from .options import model_option


@click.group("eval")
def eval_group() -> None:
    """Score a stage against a public benchmark or the whole-article gold."""


@eval_group.command("gold")
@model_option
@click.option("--details", is_flag=True, help="Print every miss.")
def eval_gold(model, details):
    """Whole-article gold (../shared/gold/dev) through the shared scorer."""
    from ..evaluate import shared_dir
    from ..evaluate.gold import score_gold
    from ..pipeline import Pipeline
    from .options import default_model

    figures = score_gold(shared_dir(), Pipeline(default_model(model)), details=details)
    _print_figures(figures)


@eval_group.command("articles")
@model_option
@click.option("--part", type=click.Choice(["never-read", "read"]), default="never-read", show_default=True,
              help="Which part of our whole-article labels (split by a seeded hash before labelling).")
@click.option("--details", is_flag=True, help="Print every miss (read part only).")
def eval_articles(model, part, details):
    """Whole articles of ../shared/train we labelled in the gold format, through the shared scorer."""
    import tempfile

    from ..evaluate import shared_dir
    from ..evaluate.articles import all_argument_misses
    from ..evaluate.gold import score_gold
    from ..pipeline import Pipeline
    from ..train.article_labels import materialize, read_labels
    from ..train.article_labels import part as part_of
    from .options import default_model

    if details and part != "read":
        raise click.UsageError("--details prints the misses: only for --part read")
    shared = shared_dir()
    pairs = [(lab, a) for lab, a in read_labels(shared / "train") if part_of(a.id) == part]
    records: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        materialize(pairs, Path(tmp))
        figures = score_gold(shared, Pipeline(default_model(model)), gold_dir=Path(tmp), details=details,
                             records=records)
        misses = all_argument_misses(shared, Path(tmp), records) if details else []
    click.echo(f"our whole-article labels, {part} part: {len(pairs)} articles")
    _print_figures(figures)
    for line in misses:
        click.echo(line)


def _print_figures(figures: dict) -> None:
    detail = figures.pop("_details", None)
    width = max(len(k) for k in figures)
    for key, v in figures.items():
        counts = f"{v['ok']:>5}/{v['n']:<5}" if "n" in v else " " * 11
        click.echo(f"{key:<{width}}  {counts} {v['ratio']}")
    if detail:
        click.echo(detail)


@eval_group.command("furniture")
@click.option("--part", type=click.Choice(["read", "never-read"]), default="read", show_default=True,
              help="Which half of the pages (split by a seeded hash of the page before any was read).")
@click.option("--details", is_flag=True, help="Print the misses (read part only).")
def eval_furniture(part, details):
    """Page furniture removed and body lines kept, line by line, on scraped text of public pages."""
    from ..evaluate import shared_dir
    from ..evaluate.furniture import decisions, figures

    if details and part != "read":
        raise click.UsageError("--details prints the misses: only for --part read")
    found = decisions(shared_dir() / "bench" / "html", part)
    for key, v in figures(found).items():
        click.echo(f"{key:<34} {v.get('ok', ''):>6}/{v['n']:<6} {v.get('ratio', '')}" if "ok" in v else f"{key:<34} {v['n']}")
    if details:
        for d in found:
            if (d.label == "body") == (d.reason is not None):
                where = "in" if d.inside else "out"
                click.echo(f"{d.label}\t{where}\t{d.reason or '-'}\t{d.page[:20]}\t{d.text[:160]}")


@eval_group.command("time")
@model_option
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


@eval_group.command("geo")
@model_option
@click.option("--corpus", "corpora", multiple=True,
              type=click.Choice(["GeoWebNews", "LGL", "TR-News", "GeoVirus"]), help="Default: all four.")
@click.option("--tail", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Score resolution on the last fraction of each corpus only (0.3 = Mordecai 3's held-out part).")
@click.option("--no-recognition", is_flag=True, help="Skip toponym recognition (no spaCy model needed).")
@click.option("--part", type=click.Choice(["read", "never-read"]), default=None,
              help="Score one side of the seeded by-article split (30% never read while tuning). Default: all.")
def eval_geo(model, corpora, tail, no_recognition, part):
    """Gritta corpora: toponym recognition P/R/F1 (GeoWebNews) and resolution on gold toponyms."""
    from ..evaluate import shared_dir
    from ..evaluate.geo import DEFINITION, evaluate_geo

    nlp = None
    if not no_recognition:
        from ..nlp import build_nlp
        from .options import default_model

        nlp = build_nlp(default_model(model))
    figures = evaluate_geo(shared_dir() / "bench/geo/gritta-corpora", nlp, list(corpora) or None, tail, part)
    for key, v in figures.items():
        click.echo(f"{key:<26} " + "  ".join(f"{k}={x}" for k, x in v.items()))
    click.echo(DEFINITION)


@eval_group.command("quotes")
@model_option
@click.option("--details", is_flag=True, help="Print every miss.")
def eval_quotes(model, details):
    """Quote recall and speaker accuracy: whole-article gold (../shared/gold/dev) and GUM news <quote> spans."""
    from ..evaluate import shared_dir
    from ..evaluate.quotes import DEFINITION, evaluate_quotes
    from ..nlp import build_nlp
    from .options import default_model

    figures = evaluate_quotes(build_nlp(default_model(model)), shared_dir(), details)
    misses = figures.pop("_details", None)
    for corpus, v in figures.items():
        click.echo(f"{corpus:<5} " + "  ".join(f"{k}={x}" for k, x in v.items()))
    click.echo(DEFINITION)
    for line in misses or ():
        click.echo(line)


@eval_group.command("events")
@model_option
@click.option("--limit", type=int, default=0, show_default=True,
              help="Items per split of each public set, and WikiEvents documents (0 = all).")
@click.option("--only", type=click.Choice(["gold", "plover", "case", "location", "wikievents", "heldout"]),
              multiple=True, help="Default: all six.")
@click.option("--labels", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of our sentence labels for the held-out figures (default: dateline/train/labels).")
def eval_events(model, limit, only, labels):
    """Events: whole-article gold, PLOVER GSR, CASE 2021, event location (each public set in two named
    parts: the first 200 items, read while building, and the rest, never read: the headline),
    WikiEvents, and the event models on the never-read test part of our split of ../shared/train."""
    from ..evaluate import shared_dir
    from ..evaluate import events as ev
    from .options import default_model

    shared, limit = shared_dir(), (limit or None)
    bench = shared / "bench" / "events"
    only = set(only) or {"gold", "plover", "case", "location", "wikievents", "heldout"}
    if "gold" in only:
        from ..evaluate.gold import score_gold
        from ..pipeline import Pipeline

        figures = score_gold(shared, Pipeline(default_model(model)))
        click.echo("== whole-article gold (shared/gold/dev, read while building), events rows")
        for key, v in figures.items():
            if key.startswith("events"):
                click.echo(f"  {key:<40} {v.get('ok', ''):>4}/{v.get('n', ''):<4} {v['ratio']}")
    sets = [("plover", "PLOVER GSR (322 CAMEO-manual sentences)", ev.evaluate_plover_gsr, bench / "plover/PLOVER_GSR_CAMEO.json"),
            ("case", "CASE 2021 task 2 (1,019 snippets, ACLED sub-event types)", ev.evaluate_case2021,
             bench / "case2021_task2/test_set_final_release_with_labels.tsv"),
            ("location", "event location (Halterman 2019, RELABEL gold)", ev.evaluate_event_location,
             bench / "event_location/labeled_text.jsonl.zip")]
    full = None  # the whole pipeline (the events stage with its learned decision), loaded once
    if only & {"plover", "case", "location", "wikievents"}:
        from ..pipeline import load_nlp

        full = load_nlp(default_model(model))
    for key, title, fn, path in sets:
        if key not in only:
            continue
        click.echo(f"== {title}; anchor: none published (shared/notes/events-anchors.md)")
        for split, part in reversed(ev.SPLITS.items()):  # the never-read part first: it is the headline
            figures = fn(full, path, limit, part)
            click.echo(f"  [{split}]")
            for k, v in figures.items():
                click.echo(f"    {k:<50} {v}")
    if "wikievents" in only:
        click.echo(f"== WikiEvents test (attack arguments); documents {limit or 'all'}")
        for k, v in ev.evaluate_wikievents(full, bench / "wikievents/test.jsonl", limit).items():
            click.echo(f"  {k:<50} {v}")
    if "heldout" in only:
        import spacy

        from ..settings import resolve_model

        if full is None:
            from ..pipeline import load_nlp

            full = load_nlp(default_model(model))
        click.echo("== candidate model on the never-read items (our labels: 3 documents in 10, seeded by document)")
        for name, row in ev.evaluate_candidates(shared, full, labels).items():
            click.echo(f"  {name:<28} " + "  ".join(f"{k}={v}" for k, v in row.items()))
        click.echo("== text classifiers on the test part of our split of ../shared/train (1 document in 10)")
        parse = spacy.load(resolve_model(default_model(model)))  # for the rules' modality on the same items
        for name, row in ev.evaluate_heldout(shared, parse).items():
            click.echo(f"  {name:<28} " + "  ".join(f"{k}={v}" for k, v in row.items()))


@eval_group.command("html")
@click.option("--limit", type=int, default=0, help="Score only the first N Scrapinghub pages (0 = all 181).")
def eval_html(limit):
    """Body extraction: Scrapinghub AEB shingle F1 and trafilatura's English news segments, with speed."""
    from ..evaluate import shared_dir
    from ..evaluate.html import DEFINITION, evaluate_aeb, evaluate_segments

    bench = shared_dir() / "bench" / "html"
    click.echo("== Scrapinghub Article Extraction Benchmark (bar: F1 >= 0.958, trafilatura 2.0.0 as published)")
    for name, v in evaluate_aeb(bench / "scrapinghub-aeb", limit or None).items():
        click.echo(f"  {name:<30} " + "  ".join(f"{k}={x}" for k, x in v.items()))
    click.echo("== trafilatura evaluation corpus, 23 English news pages")
    for name, v in evaluate_segments(bench / "trafilatura-eval-en-news").items():
        click.echo(f"  {name:<30} " + "  ".join(f"{k}={x}" for k, x in v.items()))
    click.echo(DEFINITION)


@eval_group.command("incidents")
@click.option("--db", "db_path", default=None, metavar="PATH",
              help="A store that already holds ../shared/corpus/articles.jsonl (else it is ingested into a scratch "
                   "store first, a few minutes).")
@model_option
@click.option("--details", is_flag=True, help="Print every false and missed link.")
def eval_incidents(db_path, model, details):
    """Incident linking: precision/recall on the labelled event pairs (dateline/evaluate/data/incident_pairs.tsv)."""
    from ..evaluate import shared_dir
    from ..evaluate.incidents import DEFINITION, evaluate_incidents

    figures = evaluate_incidents(shared_dir(), db_path, model=model)
    errors = figures.pop("_errors")
    click.echo("  ".join(f"{k}={v}" for k, v in figures.items()))
    click.echo(DEFINITION)
    for kind, p in errors if details else ():
        click.echo(f"  {kind}: {p.a[0][:12]}/{p.a[1]} ~ {p.b[0][:12]}/{p.b[1]}: {p.reason}")
