"""One module per claim kind; each exposes `rules(doc, sentence, ctx) -> list[dict]`."""
