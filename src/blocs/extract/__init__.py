"""Rule-based extraction of claims from text (work in progress: see pipeline.py)."""

from __future__ import annotations

from datetime import date

from ..claims import Claim


def extract(text: str, doc: str, doc_date: date | None = None) -> list[Claim]:
    """Claims stated by `text` (a document's original text); every span is an offset into
    it and every quote is `text[start:end]`. Each claim has status `proposed`."""
    from .pipeline import run

    return run(text, doc, doc_date)
