"""Evaluation against data we did not write (../shared): one module per stage."""
from __future__ import annotations

from pathlib import Path

from .. import settings


def shared_dir() -> Path:
    """The evaluation material: $DATELINE_SHARED, else ../shared beside the working directory or the repo."""
    env = settings.get("shared")
    candidates = [Path(env)] if env else []
    candidates += [Path.cwd().parent / "shared", Path(__file__).resolve().parents[3] / "shared"]
    for c in candidates:
        if (c / "spec").is_dir():
            return c
    raise FileNotFoundError("../shared not found; set DATELINE_SHARED")
