"""The web app over a store: a JSON API and server-rendered pages (map, timeline, incidents, articles).

    from dateline.web import create_app
    app = create_app("dateline.db")      # served by `dateline serve`; see docs/web.md
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
