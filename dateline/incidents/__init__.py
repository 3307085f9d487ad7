"""Linking reports of the same real-world event: near-duplicate articles and incidents.

Pure logic over plain dataclasses (no SQL here; the store reads and writes the rows):

    signature.py  MinHash signature of an article's text and its LSH band keys
    dedupe.py     is a stored near-duplicate a syndicated copy or an updated version?
    model.py      Report (one event as the linker sees it), PlaceRef, ActorRef, IncidentSummary
    families.py   PLOVER categories that describe the same kind of happening
    compat.py     blocking keys, hard constraints and the pairwise evidence score
    link.py       greedy union of compatible reports into clusters, stable incident ids
    reconcile.py  an incident's summary: date, place, ACLED-rule fatalities, disagreements

See docs/incidents.md for the rules and how they were measured.
"""
