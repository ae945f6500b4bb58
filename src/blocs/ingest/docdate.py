"""The publication date a document states near its top ("April 2010", "15 April 2010",
"2010-04-15"), kept at the precision it is written with.

Dependency-free on purpose: a document's date decides which day its claims speak from, so
the rule has to be one a person can predict. Only the first 2,000 characters are looked
at (a masthead or title block, not the history the text goes on to tell), a date inside a
sentence ("in October 2009") is passed over, the first remaining one wins, and when none
is found the caller asks for `--date` rather than guessing.
"""

from __future__ import annotations

import re
from datetime import date

TOP = 2000

_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
       "september", "october", "november", "december"]
# English month names, full and short ("sept" too), lower case: also the extractor's table
EN_MONTHS = ({m: i for i, m in enumerate(_EN, 1)} | {m[:3]: i for i, m in enumerate(_EN, 1)}
             | {"sept": 9})
# Russian, nominative and genitive ("апрель 2010", "15 апреля 2010 г.")
_RU = [("январь", "января"), ("февраль", "февраля"), ("март", "марта"), ("апрель", "апреля"),
       ("май", "мая"), ("июнь", "июня"), ("июль", "июля"), ("август", "августа"),
       ("сентябрь", "сентября"), ("октябрь", "октября"), ("ноябрь", "ноября"),
       ("декабрь", "декабря")]
_MONTHS = EN_MONTHS | {w: i for i, pair in enumerate(_RU, 1) for w in pair}

_WORD = r"([A-Za-zА-Яа-яЁё]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})(?!\d)"
# (regex, the order of its fields): 2010-04-15, 15 April 2010, April 15, 2010, April 2010
_PATTERNS = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(rf"(?<!\d){_DAY}\s+{_WORD},?\s+{_YEAR}"), "dmy"),
    (re.compile(rf"\b{_WORD}\s+{_DAY},?\s+{_YEAR}"), "mdy"),
    (re.compile(rf"\b{_WORD},?\s+{_YEAR}"), "my"),
]


_PREPOSITION = re.compile(r"(?:\b(?:in|on|since|until|till|by|from|after|before|of|during|to|"
                          r"between|and|or|late|early|mid|as)|(?<![а-яё])(?:в|с|до|по|после|к))"
                          r"\s+(?:the\s+)?$", re.I)
_PUBLISHED = re.compile(r"\b(?:published|issued|dated|date|released|posted|updated|as of)\b|"
                        r"опубликовано|дата", re.I)


def _month(word: str) -> int | None:
    """A month number for a month name; English ones must be capitalised ("may" is a verb)."""
    n = _MONTHS.get(word.lower())
    if n is None or (word.isascii() and not word[0].isupper()):
        return None
    return n


def _value(m: re.Match, order: str) -> str | None:
    g = dict(zip(order, m.groups()))
    month = int(g["m"]) if order == "ymd" else _month(g["m"])
    if month is None:
        return None
    year = int(g["y"])
    try:
        if "d" in g:
            return date(year, month, int(g["d"])).isoformat()
        return date(year, month, 1).isoformat()[:7]
    except ValueError:
        return None


def _in_prose(head: str, start: int) -> bool:
    """Is the date part of a sentence ("the summit in October 2009") rather than a dateline?
    A preposition right before it says so, unless a word like "published" comes first."""
    before = head[max(0, start - 40):start]
    before = re.sub(r"\d{1,2}(?:st|nd|rd|th)?\s*$", "", before)   # "on [15] April 2010"
    return bool(_PREPOSITION.search(before)) and not _PUBLISHED.search(before)


def find_date(text: str, top: int = TOP) -> str | None:
    """The first dateline in `text[:top]`, as ISO (`2010-04-15` or `2010-04`), or None.

    Dates inside sentences ("in October 2009") are passed over: near the top of an
    analytical text they are usually history, not the day the text was written."""
    head = text[:top]
    best: tuple[int, int, str] | None = None   # (position, -length, value): earliest, longest
    for rx, order in _PATTERNS:
        for m in rx.finditer(head):
            value = _value(m, order)
            if value is None or _in_prose(head, m.start()):
                continue
            key = (m.start(), -(m.end() - m.start()), value)
            if best is None or key < best:
                best = key
            break
    return best[2] if best else None


def iso_prefix(value: str) -> str | None:
    """`2010-04-15T10:00:00Z`, `2010-04`, `2010` (from HTML metadata) as an ISO partial date."""
    m = re.match(r"\s*((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not m:
        return None
    y, mo, d = m.groups()
    try:
        date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    return "-".join(p for p in (y, mo, d) if p)
