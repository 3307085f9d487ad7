"""JSON Lines: one event object per line, exactly the shape of `store.select` (all fields, nested)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for event in events:
        # Key order is the order select.py builds the dict in: fixed, so exports diff cleanly.
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n
