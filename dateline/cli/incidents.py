"""`dateline link`: near-duplicate articles and incidents for everything stored and not yet linked."""
from __future__ import annotations

import click

from .store import _open, db_option


@click.command("link")
@db_option
@click.option("--relink", is_flag=True, help="Drop every incident and link all reports again (after an upgrade "
              "of the linking rules; incidents keep no hand edits, so nothing is lost).")
def link(db_path, relink):
    """Link stored reports of the same real-world event into incidents (incremental: a re-run changes nothing).

    Near-duplicate articles (wire copies, updated versions) are detected first so they count once as evidence.
    """
    from ..incidents.stored import link_all, unlink_all

    with _open(db_path, must_exist=True) as store:
        if relink:
            click.echo(f"dropped {unlink_all(store.conn)} incidents")
        counts = link_all(store.conn)
    click.echo(f"duplicates: {counts['duplicates_found']} new ({counts['duplicates']} stored); "
               f"reports linked: {counts['reports_linked']}; incidents merged: {counts['incidents_merged']}; "
               f"refreshed: {counts['incidents_refreshed']}; incidents: {counts['incidents']}")
