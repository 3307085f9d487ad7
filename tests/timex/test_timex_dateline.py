"""Publication date from a wire dateline."""
from datetime import date

import pytest

from dateline.timex.dateline import published_from_dateline

FETCHED = date(2024, 1, 10)


@pytest.mark.parametrize("text, expected", [
    ("GENEVA, Jan 9 (Reuters) - Negotiators agreed ...", "2024-01-09"),
    ("TBILISI, 28 December (Interpressnews) - The parliament ...", "2023-12-28"),   # year before the fetch
    ("OSLO, March 2, 2019 /PRNewswire/ -- The company ...", "2019-03-02"),
    ("NAIROBI, Kenya, Jan. 8 (AP) — Police said ...", "2024-01-08"),
    ("CHICAGO (AP) — Police said ...", None),                                      # no date in the dateline
    ("The minister said on Jan 9 that ...", None),                                  # not a dateline
    ("ROME, Feb 30 (Reuters) - ...", None),                                         # impossible date
])
def test_dateline_published_date(text, expected):
    assert published_from_dateline(text, FETCHED) == expected
