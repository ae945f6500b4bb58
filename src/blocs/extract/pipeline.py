"""Placeholder until the extraction pipeline lands."""

from __future__ import annotations

from datetime import date

from ..claims import Claim


def run(text: str, doc: str, doc_date: date | None) -> list[Claim]:
    return []
