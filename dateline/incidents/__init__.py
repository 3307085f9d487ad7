"""Linking reports of the same real-world event: near-duplicate articles and incidents.

Pure logic over plain dataclasses, and the workflow that runs it over a store (no SQL here:
dateline/store/ reads and writes the rows):

    signature.py  MinHash signature of an article's text and its LSH band keys
    dedupe.py     is a stored near-duplicate a syndicated copy or an updated version?
    model.py      Report (one event as the linker sees it), PlaceRef, ActorRef, IncidentSummary
    families.py   PLOVER categories that describe the same kind of happening
    compat.py     blocking keys, hard constraints and the pairwise evidence score
    link.py       greedy union of compatible reports into clusters, stable incident ids
    reconcile.py  an incident's summary: date, place, ACLED-rule fatalities, disagreements
    signing.py    the workflow: sign each stored article once, record its near-duplicates
    stored.py     the workflow: link a store's new events into incidents; read incidents back

See docs/incidents.md for the rules and how they were measured.
"""
