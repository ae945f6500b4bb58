"""Partial dates that keep their precision from the text to the answer.

"late 2008" is not 2008-12-31: it is a window of days. Every comparison goes through
the window (`lo`, `hi`), so an as-of question asked inside it can be answered
"uncertain" instead of guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import BadDate

PRECISIONS = ("day", "month", "year", "decade")
_FORMS = {
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "year": re.compile(r"^(\d{4})$"),
    "decade": re.compile(r"^(\d{3})0s?$"),
}
# Months covered by a qualifier on a year, and years of a decade.
_YEAR_QUALIFIER = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_QUALIFIER = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


@dataclass(frozen=True, order=True)
class PartialDate:
    """An ISO date string at a precision, optionally qualified (early/mid/late)."""

    value: str
    precision: str = "day"
    qualifier: str | None = None

    @classmethod
    def parse(cls, text: object, precision: str | None = None,
              qualifier: str | None = None) -> "PartialDate":
        """Read `2008`, `2008-11`, `2008-11-12` (precision from the form unless given)."""
        if isinstance(text, date):
            text = text.isoformat()
        if isinstance(text, int):
            text = str(text)
        if not isinstance(text, str):
            raise BadDate(f"not a date: {text!r}")
        s = text.strip()
        if precision is None:
            precision = next((p for p in ("day", "month", "year") if _FORMS[p].match(s)), None)
            if precision is None:
                raise BadDate(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        if precision not in _FORMS:
            raise BadDate(f"unknown date precision {precision!r}")
        m = _FORMS[precision].match(s)
        if not m:
            raise BadDate(f"{text!r} does not fit precision {precision!r}")
        if qualifier is not None and qualifier not in _YEAR_QUALIFIER:
            raise BadDate(f"unknown date qualifier {qualifier!r}")
        if qualifier is not None and precision not in ("year", "decade"):
            raise BadDate(f"qualifier {qualifier!r} needs a year or a decade, not {text!r}")
        if precision == "decade":
            s = m.group(1) + "0"
        pd = cls(s, precision, qualifier)
        pd.lo  # validates month/day ranges
        return pd

    @property
    def lo(self) -> date:
        """The earliest day the date can mean."""
        return self._bounds()[0]

    @property
    def hi(self) -> date:
        """The latest day the date can mean."""
        return self._bounds()[1]

    def _bounds(self) -> tuple[date, date]:
        try:
            if self.precision == "day":
                d = date.fromisoformat(self.value)
                return d, d
            y = int(self.value[:4])
            if self.precision == "month":
                m = int(self.value[5:7])
                return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
            if self.precision == "year":
                m1, m2 = _YEAR_QUALIFIER.get(self.qualifier or "", (1, 12))
                return date(y, m1, 1), date(y, m2, calendar.monthrange(y, m2)[1])
            a, b = _DECADE_QUALIFIER.get(self.qualifier or "", (0, 9))
            return date(y + a, 1, 1), date(y + b, 12, 31)
        except ValueError as e:
            raise BadDate(f"impossible date {self.value!r}: {e}") from None

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def __str__(self) -> str:
        return f"{self.qualifier} {self.value}" if self.qualifier else self.value

    def to_dict(self) -> dict:
        d = {"date": self.value, "date_precision": self.precision}
        if self.qualifier:
            d["date_qualifier"] = self.qualifier
        return d


def parse_day(text: str, what: str = "date") -> date:
    """A full day for a question; `today` is accepted. `what` names the field in the
    error (the library and the API say `on`, `from`, `to`)."""
    if isinstance(text, date):
        return text
    s = str(text).strip()
    if s.lower() == "today":
        return date.today()
    if not _FORMS["day"].match(s):
        raise BadDate(f"{what} {text!r} is not a day: use YYYY-MM-DD (or 'today')")
    try:
        return date.fromisoformat(s)
    except ValueError as e:
        raise BadDate(f"{what} {text!r} cannot exist: {e}") from None


def on_day(on: str | date | None) -> date:
    """The day a question is asked about: `on` (named `on` in an error), today if none."""
    return date.today() if on is None else parse_day(on, "on")


def check_order(d1: date, d2: date) -> None:
    """Refuse a span whose 'to' day `d2` comes before its 'from' day `d1`."""
    if d2 < d1:
        raise BadDate(f"the 'to' day {d2} is before the 'from' day {d1}")


def next_day(d: date) -> date:
    return d + timedelta(days=1)
