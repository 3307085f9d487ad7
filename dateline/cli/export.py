"""`dateline export`: the stored events in a format other tools read (ACLED CSV, GDELT TSV, GeoJSON, ...)."""
from __future__ import annotations

import sys
from datetime import date

import click

from ..export import FORMATS
from ..ontology import CATEGORIES
from .store import _open, db_option

MODALITIES = ("actual", "future", "hypothetical", "negated")


def _day(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _countries(ctx, param, values):
    from ..kb import load_kb

    codes = tuple(v.strip().upper() for v in values)
    for code in codes:
        if load_kb().country(code) is None:
            raise click.BadParameter(f"{code!r} is not an ISO 3166-1 alpha-3 country code (e.g. UKR)")
    return codes


def _bbox(ctx, param, value):
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter("give four numbers W,S,E,N in degrees, e.g. 22,44,41,53") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise click.BadParameter("need -180 <= W <= E <= 180 and -90 <= S <= N <= 90 "
                                 "(a box across the antimeridian is two exports)")
    return west, south, east, north


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)),
              help="; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values()) + ".")
@click.option("--since", callback=_day, metavar="YYYY-MM-DD",
              help="Events whose time ends on or after this day (no time: the publication date).")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="Events whose time starts on or before this day.")
@click.option("--country", "countries", multiple=True, callback=_countries, metavar="ISO3",
              help="Where the event happened (repeatable): UKR, RUS, ...")
@click.option("--category", "categories", multiple=True,
              type=click.Choice(CATEGORIES, case_sensitive=False), metavar="PLOVER",
              help="PLOVER category (repeatable): ASSAULT, PROTEST, COERCE, ...")
@click.option("--bbox", callback=_bbox, metavar="W,S,E,N", help="Events located inside this box (degrees).")
@click.option("--modality", "modalities", multiple=True, type=click.Choice((*MODALITIES, "all")),
              help="Modalities to export (repeatable; 'all' for every one). Default: csv-acled and gdelt "
                   "export only actual events (ACLED and GDELT code events that happened and have no "
                   "column to say otherwise); the other formats export every modality.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="0..1",
              help="Only events whose confidence (how directly the text ties its fields to it) is at least this.")
@click.option("--header", is_flag=True, help="gdelt only: print the column names first (GDELT files have none).")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE",
              help="Write to FILE (required for parquet). Default: stdout.")
def export(fmt, since, until, countries, categories, bbox, modalities, min_confidence, header, db_path, output):
    """Export the stored events, filtered, as FORMAT.

    csv-acled leaves out events that ACLED does not code (verbal categories such as CONSULT or
    ACCUSE have no ACLED event type). Column meanings and approximations: docs/exports.md.
    """
    from ..store.select import EventFilter, iter_events

    spec = FORMATS[fmt]
    if header and "header" not in spec.options:
        raise click.UsageError(f"--header is for --format gdelt, not {fmt}")
    if spec.binary and output in (None, "-"):
        raise click.UsageError(f"--format {fmt} writes a binary file: give -o FILE")
    if "all" in modalities:
        modalities = ()
    elif not modalities:
        modalities = spec.default_modalities
    options = {"header": header} if "header" in spec.options else {}
    f = EventFilter(since=since, until=until, countries=countries, categories=tuple(c.upper() for c in categories),
                    modalities=tuple(modalities), bbox=bbox, min_confidence=min_confidence)
    with _open(db_path, must_exist=True) as store:
        events = iter_events(store.conn, f)
        if spec.binary:
            n = spec.write(events, output, **options)
        elif output in (None, "-"):
            n = spec.write(events, sys.stdout, **options)
            sys.stdout.flush()
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                n = spec.write(events, out, **options)
    click.echo(f"exported {n} events as {fmt}" + (f" to {output}" if output not in (None, "-") else ""),
               err=True)
