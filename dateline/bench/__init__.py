"""Benchmarks behind `dateline bench` (figures and how to read them: docs/benchmarks.md).

    throughput.py  ingest against bare spaCy in the same run, per component; the seed's wall time;
                   --workers 2 against one process (the default `dateline bench`)
    length.py      time and memory against article length (--length)
    html.py        HTML pages through extraction and ingest (--html)
    scale.py       ingest on a Dask cluster against one process (--scale)
    web.py         the web API under concurrent load on a grown store (--web)
    search.py      the trigram indexes against LIKE for substring filters (with --web)

Each compares against a baseline measured in the same run, so machine noise cancels from the ratio.
"""
