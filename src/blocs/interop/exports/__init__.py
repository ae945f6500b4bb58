"""`blocs export`: the base in the formats of statistics and graph tools.

Each format is a function `(store, scope, path) -> rows written` writing to a temporary
path; `export()` checks the target first, resolves the scope, and renames the finished
file into place (an existing file is refused unless `force`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...dates import parse_day
from ...errors import BadDate, BadOutput
from ...store import Store
from ...outfile import atomic_path, check_free


@dataclass
class Scope:
    """What to export: whose answers (a voice, or None for the preferred), which days,
    which organizations (ids; None for all)."""

    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    orgs: list[str] | None = None
    on: date | None = None

    def years(self) -> tuple[int, int] | None:
        if self.date_from is None and self.date_to is None:
            return None
        return (self.date_from.year if self.date_from else 1816,
                self.date_to.year if self.date_to else date.today().year)


@dataclass
class ExportResult:
    format: str
    file: str
    rows: int
    source: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _formats() -> dict[str, Callable]:
    """Format name -> its writer (the names also make the error for an unknown format)."""
    from . import cowcsv, graphml, jsonld, tidy

    return {
        "cow-state-year": cowcsv.state_year,    # COW's layouts and codes (CSV; .gz compresses)
        "cow-igo-year": cowcsv.igo_year,
        "dyad-year": cowcsv.dyad_year,          # pairs of states in one organization, per year
        "spells-csv": tidy.spells_csv,          # one row per spell
        "spells-parquet": tidy.spells_parquet,
        "claims-csv": tidy.claims_csv,          # one row per membership claim, with its source
        "claims-parquet": tidy.claims_parquet,
        "graphml": graphml.write,               # states and organizations, roles on the edges
        "jsonld": jsonld.write,                 # Wikidata's P463/P580/P582/P248
    }


_YEAR = re.compile(r"^\d{4}$")


def day(text: str | date | None, what: str, end: bool = False) -> date | None:
    """YYYY-MM-DD, 'today', or a bare year (its first day, or its last if `end`)."""
    if text is None or isinstance(text, date):
        return text
    if _YEAR.match(text.strip()):
        y = int(text)
        return date(y, 12, 31) if end else date(y, 1, 1)
    return parse_day(text, what)


def scope(store: Store, source: str | None = None, on: str | None = None,
          date_from: str | None = None, date_to: str | None = None,
          orgs: list[str] | None = None) -> Scope:
    """Check and resolve export options (organization names, dates)."""
    from ...queries._asof import resolve_org

    if on is not None and (date_from is not None or date_to is not None):
        raise BadDate("give --on, or --from/--to, not both")
    d_on = day(on, "on")
    d1 = d_on or day(date_from, "from")
    d2 = d_on or day(date_to, "to", end=True)
    if d1 and d2 and d2 < d1:
        raise BadDate(f"the 'to' day {d2} is before the 'from' day {d1}")
    ids = None
    if orgs:
        with store.engine.connect() as conn:
            ids = list(dict.fromkeys(resolve_org(conn, o) for o in orgs))
    return Scope(source, d1, d2, ids, d_on)


def export(store: Store, fmt: str, path: str | Path, scope_: Scope | None = None,
           force: bool = False) -> ExportResult:
    """Write `fmt` to `path` atomically; refuses an existing file unless `force`."""
    table = _formats()
    if fmt not in table:
        raise BadOutput(f"unknown export format {fmt!r}: use {', '.join(table)}")
    s = scope_ or Scope()
    target = Path(path)
    check_free(target, force=force)
    with atomic_path(target, force) as tmp:
        rows = table[fmt](store, s, tmp, target)
    return ExportResult(fmt, str(target), rows, s.source or "preferred")
