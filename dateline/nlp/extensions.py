"""Every `._.dl_*` extension dateline puts on spaCy objects, registered in one place.

Doc-level values are the stage's plain records (frozen dataclasses from
`dateline.types`), so `dateline.records` only has to collect them. Span-level
values link overlapping span groups in `doc.spans` back to those records.
Working values one stage leaves for a later one (or computes once per doc for
its own rule modules) are declared here too: no stage keeps anything in
`doc.user_data` under a key of its own. Each stage lists what it reads and
writes in its component's `requires`/`assigns`.

Input: set `doc._.dl_published` (a datetime.date) on `nlp.make_doc(text)`
before running the pipeline over it (`nlp(doc)`), or use `dateline.nlp.annotate`.

Span groups (`doc.spans[key]`):
- "dl_mentions": every entity mention; `span._.dl_entity` is the entity id.
- "dl_toponyms": mentions used literally as places (metonyms excluded); input of the places stage.
- "dl_embedded_places": place names inside other names ("Washington" in "Washington Post"); not places.
- "dl_places": resolved place mentions; `span._.dl_place` is the place id.
- "dl_times": time expressions; `span._.dl_time` is the TimeExpr record.
- "dl_quotes": quote spans; `span._.dl_quote` is the Quote record.
- "dl_triggers": event triggers; `span._.dl_event` is the event id.
"""
from spacy.tokens import Doc, Span

DOC_ATTRS = {
    "dl_published": None,  # datetime.date of publication, or None (input, else set by dateline_context)
    "dl_document": None,  # dateline.types.Document the text came from (input: dateline.nlp.make_doc)
    "dl_entities": None,  # tuple[Entity, ...]
    "dl_places": None,  # tuple[Place, ...]
    "dl_times": None,  # tuple[TimeExpr, ...]
    "dl_quotes": None,  # tuple[Quote, ...]
    "dl_speaker_entities": None,  # tuple[Entity, ...]: quote speakers described, never named ("the police")
    "dl_events": None,  # tuple[Event, ...]
    "dl_entity_index": None,  # list: token index -> entity id of the innermost mention, or None
    # Working values (not part of the record):
    "dl_text": None,  # str: doc.text built once (spaCy rebuilds it on every access); read it with doc_text(doc)
    "dl_quote_data": None,  # dateline.nlp.quotes.QuoteData: cues and speakers, for events' attribution
    "dl_quote_units": None,  # dateline.nlp.quote_units.Units: the sentence/line units quotes are read in
    "dl_datelines": None,  # list[(start, end)]: wire-dateline place names (where the reporter files from)
    "dl_focus_takers": None,  # frozenset of entity ids with no country that take the story's once it is known
    "dl_not_kb_names": None,  # frozenset[str]: names the text shows are not the KB's namesakes ("CHP" of a patrol)
    "dl_main_country": None,  # ISO3 the article talks about most; "" when none (None: not counted yet)
    "dl_disaster_story": None,  # bool: a natural hazard does violence somewhere in the article (None: not read yet)
    "dl_storm_names": None,  # frozenset[str]: names the article gives to storms ("Harvey")
    "dl_span_starts": None,  # dict: span group -> its starts in order (dateline.nlp.span_index's cache)
}
SPAN_ATTRS = {
    "dl_entity": None,  # entity id
    "dl_metonym": False,  # a place name standing for its government ("Kyiv says")
    "dl_place": None,  # place id
    "dl_time": None,  # TimeExpr
    "dl_quote": None,  # Quote
    "dl_event": None,  # event id
}


def doc_text(doc: Doc) -> str:
    """The document's text, built once: `doc.text` joins every token again on each access, and the stages
    read it a dozen times an article. (The text never changes once the doc is made.)"""
    if doc._.dl_text is None:
        doc._.dl_text = doc.text
    return doc._.dl_text


def register_extensions() -> None:
    """Idempotent: safe to call from every component module."""
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
