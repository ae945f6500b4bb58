"""Quantities in a sentence: money ("$7.5 billion", "$500 million"), shares ("20%"),
counts with a unit ("16,000 troops") and bare numbers ("8,000"), in digits or words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "bln": 1e9, "trillion": 1e12}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
          "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_SCALES = r"(?:\s*-?\s*(thousand|million|billion|trillion|bn|bln|mln|m)\b)?"
_APPROX = re.compile(r"(approximately|about|around|roughly|some|nearly|almost|over|more than|"
                     r"up to|an estimated|estimated)\s*$", re.I)
_MONEY = re.compile(r"(?:(US|U\.S\.)\s?)?\$\s?" + _NUM + _SCALES + r"|"
                    r"\b" + _NUM + _SCALES + r"\s+(?:US\s+)?(dollars|USD|euros|EUR|roubles|rubles)\b",
                    re.I)
_PERCENT = re.compile(r"\b" + _NUM + r"\s?(%|per\s?cent\b)", re.I)
_COUNT = re.compile(r"\b" + _NUM + _SCALES + r"\s+(troops|soldiers|servicemen|personnel|"
                    r"military personnel|peacekeepers|officers)\b", re.I)
_BARE = re.compile(r"(?<![\w$.,])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\w%]|[.,]\d|\s?'?s\b)")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str          # USD, EUR, RUB, percent, troops, or "" for a bare number
    start: int
    end: int
    approximate: bool = False


def _value(num: str, scale: str | None) -> float:
    n = num.lower()
    v = float(_WORDS[n]) if n in _WORDS else float(n.replace(",", ""))
    return v * _SCALE.get((scale or "").lower(), 1)


def _approx(text: str, start: int) -> bool:
    return bool(_APPROX.search(text[max(0, start - 20):start]))


def find_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(q: Quantity) -> None:
        if not any(q.start < e and s < q.end for s, e in taken):
            out.append(q)
            taken.append((q.start, q.end))

    for m in _MONEY.finditer(text):
        if m.group(2):
            v, unit = _value(m.group(2), m.group(3)), "USD"
        else:
            cur = m.group(6).lower()
            unit = {"dollars": "USD", "usd": "USD", "euros": "EUR", "eur": "EUR"}.get(cur, "RUB")
            v = _value(m.group(4), m.group(5))
        add(Quantity(v, unit, m.start(), m.end(), _approx(text, m.start())))
    for m in _PERCENT.finditer(text):
        add(Quantity(_value(m.group(1), None), "percent", m.start(), m.end(),
                     _approx(text, m.start())))
    for m in _COUNT.finditer(text):
        add(Quantity(_value(m.group(1), m.group(2)), "troops", m.start(), m.end(),
                     _approx(text, m.start())))
    for m in _BARE.finditer(text):
        v = float(m.group(1).replace(",", ""))
        if 1800 <= v <= 2100 and "," not in m.group(1):
            continue      # a year
        add(Quantity(v, "", m.start(), m.end(), _approx(text, m.start())))
    return sorted(out, key=lambda q: q.start)
