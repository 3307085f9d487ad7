"""`dateline link`: near-duplicate articles and incidents for everything stored and not yet linked."""
from __future__ import annotations

import click

from .store import _open, db_option


@click.command("link")
@db_option
def link(db_path):
    """Link stored reports of the same real-world event into incidents (incremental: a re-run changes nothing).

    Near-duplicate articles (wire copies, updated versions) are detected first so they count once as evidence.
    """
    from ..store.incidents import link_all

    with _open(db_path, must_exist=True) as store:
        counts = link_all(store.conn)
    click.echo(f"duplicates: {counts['duplicates_found']} new ({counts['duplicates']} stored); "
               f"reports linked: {counts['reports_linked']}; incidents merged: {counts['incidents_merged']}; "
               f"refreshed: {counts['incidents_refreshed']}; incidents: {counts['incidents']}")
