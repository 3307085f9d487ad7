"""Recognizers-Text English date specs (../shared, MIT) as extra cases, read at test time.

Only cases our grammar recognises as explicit dates or months are compared, with
both of their readings (past and future). Their "next Sunday" convention (the
Sunday of next week) differs from news usage, so relative weekdays are left out.
"""
import json
from datetime import date, datetime, timedelta

from dateline.timex import find_candidates, resolve

_KINDS = ("date", "month", "year", "decade")


def _cases(shared_dir):
    for name in ("DateParser", "DatePeriodParser"):
        path = shared_dir / "bench/time/recognizers-text" / f"{name}.json"
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            if ref and "python" not in case.get("NotSupported", ""):
                yield case, datetime.fromisoformat(ref).date()


def _expected(want: dict) -> tuple[str | None, str | None]:
    if "date" in want:
        return want["date"], want["date"]
    end = (date.fromisoformat(want["endDate"]) - timedelta(days=1)).isoformat()  # theirs is exclusive
    return want["startDate"], end


def test_recognizers_specs_explicit_dates_agree(shared_dir):
    agree = compared = 0
    for case, published in _cases(shared_dir):
        for result in case.get("Results", []):
            ours = [c for c in find_candidates(case["Input"]) if result["Text"] in (c.text, c.text.split(" ", 1)[-1])]
            if not ours or ours[0].kind not in _KINDS:
                continue
            for direction, key in (("past", "PastResolution"), ("future", "FutureResolution")):
                want = result["Value"].get(key) or {}
                if want.get("date", "").startswith("0001") or not want:
                    continue  # their marker for an impossible date; covered by our own tests
                r = resolve(ours[0], published, direction)
                got = (r.from_ and r.from_.isoformat(), r.to and r.to.isoformat())
                compared += 1
                agree += got == _expected(want)
    assert compared >= 20
    assert agree / compared >= 0.95, (agree, compared)
