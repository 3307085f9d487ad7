"""Training the learned event models from the labelled sets in ../shared/train (see docs/events.md).

    sources (one reader per dataset) ─► mapping (labels → our labels) ─► overlap (drop eval sentences)
        ─► split (seeded, by document) ─► DocBins ─► `spacy train` with configs/*.cfg ─► dateline/nlp/models

Nothing here ships a text: the DocBins go to a scratch folder; only configs, mappings and weights are committed.
"""
