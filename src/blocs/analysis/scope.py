"""What an analysis covers: which organizations (ids, names, aliases or a named group from
`vocab/groups.yaml`) and which days (one, or one a year between two)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from ..dates import check_order, parse_day
from ..errors import UnknownId
from ..queries._asof import resolve_org
from ..store import Store, schema
from ..suggest import closest
from ..vocab import groups     # named groups (the CLI lists them as scope.groups)

# What "every organization" means when none is named: bodies (RATS, CORF) repeat their
# parent's members and treaties are not organizations, so they are left out.
DEFAULT_TYPES = ("organization", "forum")


def organizations(store: Store, names: Sequence[str] | None = None) -> list[str]:
    """Organization ids for `names` (ids, names, aliases or group names), in order, without
    repeats; every organization and forum when no name is given."""
    o = schema.organizations.c
    with store.engine.connect() as conn:
        if not names:
            return [r[0] for r in conn.execute(
                select(o.id).where(o.type.in_(DEFAULT_TYPES)).order_by(o.id))]
        out: list[str] = []
        for name in names:
            group = groups().get(name.lower())
            if group:
                out.extend(group["orgs"])
                continue
            try:
                out.append(resolve_org(conn, name))
            except UnknownId as e:
                hints = closest(name, list(groups()))
                raise UnknownId("organization or group", name,
                                (hints + e.suggestions)[:4]) from None
    return list(dict.fromkeys(out))


def organization(store: Store, name: str) -> str:
    """One organization id from an id, name or alias (not a group)."""
    with store.engine.connect() as conn:
        return resolve_org(conn, name)


_YEAR = re.compile(r"^\d{4}$")


def day(text: str | date, what: str, end: bool = False) -> date:
    """A day from YYYY-MM-DD, 'today', or a bare year (its first day, or its last if `end`)."""
    if isinstance(text, str) and _YEAR.match(text.strip()):
        y = int(text)
        return date(y, 12, 31) if end else date(y, 1, 1)
    return parse_day(text, what)


def span(date_from: str | date, date_to: str | date | None) -> tuple[date, date]:
    """(from, to) with `to` defaulting to today; `to` before `from` is an error."""
    d1 = day(date_from, "from")
    d2 = day(date_to, "to", end=True) if date_to is not None else date.today()
    check_order(d1, d2)
    return d1, d2


def yearly(date_from: str | date, date_to: str | date | None = None) -> list[date]:
    """One day a year from `date_from` (same month and day) up to `date_to`."""
    d1, d2 = span(date_from, date_to)
    out = []
    for y in range(d1.year, d2.year + 1):
        d = same_day(d1, y)
        if d1 <= d <= d2:
            out.append(d)
    return out


def same_day(d: date, year: int) -> date:
    """`d`'s month and day in `year` (28 February for 29 February in a common year)."""
    try:
        return d.replace(year=year)
    except ValueError:          # 29 February in a common year
        return date(year, 2, 28)


def frame_records(df) -> list[dict[str, Any]]:
    """A DataFrame as plain records (NaN and NaT as None, numpy scalars as Python ones)."""
    import math

    out = []
    for rec in df.to_dict("records"):
        clean = {}
        for k, v in rec.items():
            if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
                v = v.item()
            if isinstance(v, float) and math.isnan(v):
                v = None
            clean[str(k)] = v
        out.append(clean)
    return out
