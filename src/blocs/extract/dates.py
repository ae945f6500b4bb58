"""Dates in a sentence, with their precision: explicit ("1 January 2010", "February
2009", "2005"), partial ("late 2008", "the early 1990's", "mid-2000s") and relative to
the document's date ("On 5-6th April", "last year")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import PartialDate
from ..errors import BadDate
from ..ingest.docdate import EN_MONTHS as MONTHS
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_Q = r"(early|mid|late|the early|the mid|the late|end of|beginning of|start of)"
_PATTERNS = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:-\d{{1,2}})?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(\d{{4}})\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})\b")),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?(\d{{4}})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:\s*-\s*\d{{1,2}})?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b(?!,?\s+\d{{4}})")),
    ("qdecade", re.compile(rf"\b{_Q}[\s-]+(?:the\s+)?(\d{{3}}0)\s?'?s\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(\d{3}0)\s?'?s\b")),
    ("qyear", re.compile(rf"\b{_Q}[\s-]+(\d{{4}})\b(?!\s?'?s)", re.I)),
    ("year", re.compile(r"(?<![\d,.$-])\b(1[89]\d\d|20\d\d)\b(?![\d%]|,\d|[-–]\d|\s?'?s\b|\s*(?:troops|billion|million))")),
    ("rel", re.compile(r"\b(last|this|next|previous)\s+year\b", re.I)),
]
_QUAL = {"early": "early", "the early": "early", "beginning of": "early", "start of": "early",
         "mid": "mid", "the mid": "mid", "late": "late", "the late": "late", "end of": "late"}
_PREP = re.compile(r"\b(in|since|from|by|until|till|of|on|after|before|as of|at|during|the)\s*$", re.I)


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    start: int
    end: int
    prep: str | None       # the word before it: in, since, from, by, the (attributive), ...


def find_dates(text: str, doc_date: date | None = None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            pd = _parse(kind, m, doc_date)
            if pd is None:
                continue
            prep = _PREP.search(text[max(0, m.start() - 12):m.start()])
            found.append(DateMention(pd, m.start(), m.end(),
                                     prep.group(1).lower() if prep else None))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _parse(kind: str, m: re.Match, doc_date: date | None) -> PartialDate | None:
    try:
        if kind == "dmy":
            return PartialDate.parse(f"{int(m[3]):04d}-{MONTHS[m[2].lower()]:02d}-{int(m[1]):02d}")
        if kind == "mdy":
            return PartialDate.parse(f"{int(m[3]):04d}-{MONTHS[m[1].lower()]:02d}-{int(m[2]):02d}")
        if kind == "my":
            return PartialDate.parse(f"{int(m[2]):04d}-{MONTHS[m[1].lower()]:02d}")
        if kind == "dm":
            if doc_date is None:
                return None
            month, day = MONTHS[m[2].lower()], int(m[1])
            year = doc_date.year if month <= doc_date.month else doc_date.year - 1
            return PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}")
        if kind == "qdecade":
            return PartialDate.parse(m[2], "decade", _QUAL[m[1].lower()])
        if kind == "decade":
            return PartialDate.parse(m[1], "decade")
        if kind == "qyear":
            return PartialDate.parse(m[2], "year", _QUAL[m[1].lower()])
        if kind == "year":
            return PartialDate.parse(m[1], "year")
        if kind == "rel" and doc_date is not None:
            shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[m[1].lower()]
            return PartialDate.parse(str(doc_date.year + shift), "year")
    except BadDate:
        return None
    return None
