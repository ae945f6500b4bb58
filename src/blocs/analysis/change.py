"""Change over time: the preferred spells of an organization or a state (what a timeline
plot draws), and the joins, exits, suspensions, resumptions and changes of role they
imply, one by one or counted per year, for an organization or a group of them.

Only the spells of the voice whose answer is shown count (see `queries.timeline`); a
source that merely stops speaking (a document after its date) is no exit. When every
remaining member leaves an organization on one day, that is the organization ending:
those exits are marked `dissolution` and counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select

from ..dates import PartialDate
from ..queries import timeline
from ..queries._asof import resolve_state
from ..queries.history import SpellRecord
from ..queries.state_history import state_timeline
from ..store import Store, schema
from ..vocab import role_class
from . import scope

SPELL_COLUMNS = ["state", "state_name", "org", "role", "frozen", "start", "start_precision",
                 "start_day", "end", "end_precision", "end_day", "end_kind", "certain_start",
                 "sources"]
EVENT_COLUMNS = ["date", "year", "certain", "org", "state", "state_name", "event", "before",
                 "after", "dissolution", "sources"]
EVENTS = ("join", "exit", "suspension", "resumption", "role_change", "freeze")
COUNT_COLUMNS = {"join": "joins", "exit": "exits", "suspension": "suspensions",
                 "resumption": "resumptions", "role_change": "role_changes",
                 "freeze": "freezes"}


def _day(value: str | None, precision: str | None) -> str | None:
    return PartialDate(value, precision or "day").lo.isoformat() if value else None


def _spell_rows(spells: Iterable[SpellRecord]) -> list[dict]:
    """The preferred spells of a timeline, with their days."""
    out = []
    for s in spells:
        if not s.preferred:
            continue
        out.append({"state": s.state, "state_name": s.state_name, "org": s.org,
                    "role": s.role, "frozen": s.frozen, "start": s.start,
                    "start_precision": s.start_precision,
                    "start_day": _day(s.start, s.start_precision), "end": s.end,
                    "end_precision": s.end_precision, "end_day": _day(s.end, s.end_precision),
                    "end_kind": s.end_kind if s.end else None,
                    "certain_start": s.start_precision == "day", "sources": s.sources})
    return out


def orgs_of_state(store: Store, state: str) -> list[str]:
    """Every organization a state's history names, in id order."""
    sp = schema.spells.c
    with store.engine.connect() as conn:
        sid = resolve_state(conn, state)
        return [r[0] for r in conn.execute(select(sp.org).where(sp.state == sid)
                                           .distinct().order_by(sp.org))]


def membership_spells(store: Store, org: str | None = None, state: str | None = None):
    """The preferred spells of an organization (every state) or of a state (every
    organization), or of one pair, ordered by state, organization and start."""
    import pandas as pd

    if org is None and state is None:
        raise ValueError("give an organization, a state or both")
    spells = timeline(store, org, state) if org else state_timeline(store, state)
    rows = _spell_rows(spells)
    df = pd.DataFrame(rows, columns=SPELL_COLUMNS)
    return df.sort_values(["state", "org", "start_day"], kind="stable").reset_index(drop=True)


def _events_of(spells: list[dict]) -> list[dict]:
    """The events one state's consecutive spells in one organization imply."""
    out = []
    prev = None
    for sp in spells:
        adjoining = prev is not None and prev["end_kind"] == "change" and \
            prev["end_day"] == sp["start_day"]
        if not adjoining:
            kind = "suspension" if sp["role"] == "suspended" else "join"
            out.append(_event(sp, sp["start"], sp["start_precision"], kind, None, sp["role"]))
        else:
            if sp["role"] == "suspended":
                kind = "suspension"
            elif prev["role"] == "suspended":
                kind = "resumption"
            elif sp["frozen"] and not prev["frozen"]:
                kind = "freeze"
            elif prev["frozen"] and not sp["frozen"]:
                kind = "resumption"
            elif role_class(prev["role"]) != role_class(sp["role"]):
                kind = "role_change"
            else:
                kind = None
            if kind:
                out.append(_event(sp, sp["start"], sp["start_precision"], kind,
                                  _label(prev), _label(sp)))
        if sp["end_kind"] == "leave":
            out.append(_event(sp, sp["end"], sp["end_precision"], "exit", _label(sp), None))
        prev = sp
    return out


def _label(sp: dict) -> str:
    return sp["role"] + (" (frozen)" if sp["frozen"] else "")


def _event(sp: dict, when: str, precision: str | None, kind: str, before: str | None,
           after: str | None) -> dict:
    return {"date": when, "day": _day(when, precision), "year": int(when[:4]),
            "certain": (precision or "day") == "day", "org": sp["org"], "state": sp["state"],
            "state_name": sp["state_name"], "event": kind, "before": before, "after": after,
            "dissolution": False, "sources": sp["sources"]}


def change_events(store: Store, orgs: Sequence[str], date_from: str | date | None = None,
                  date_to: str | date | None = None, states: Sequence[str] | None = None):
    """Every join, exit, suspension, resumption, freeze and change of role in the
    organizations (or groups) given, oldest first; optionally between two days and for
    some states only."""
    import pandas as pd

    ids = scope.organizations(store, orgs)
    keep = None
    if states:
        with store.engine.connect() as conn:
            keep = {resolve_state(conn, s) for s in states}
    rows = []
    for org in ids:
        by_state: dict[str, list[dict]] = defaultdict(list)
        spells = _spell_rows(timeline(store, org))
        for sp in spells:
            by_state[sp["state"]].append(sp)
        events = [e for sps in by_state.values()
                  for e in _events_of(sorted(sps, key=lambda s: s["start_day"]))]
        _mark_dissolution(events, spells)
        rows.extend(e for e in events if keep is None or e["state"] in keep)
    if date_from is not None or date_to is not None:
        d1, d2 = scope.span(date_from or "0001-01-01", date_to)
        rows = [e for e in rows if d1.isoformat() <= e["day"] <= d2.isoformat()]
    rows.sort(key=lambda e: (e["day"], e["org"], e["state"], EVENTS.index(e["event"])))
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _mark_dissolution(events: list[dict], spells: list[dict]) -> None:
    """Exits on the day an organization's last spells all end (its members' leave when it
    ceased to exist) are a dissolution, not states walking out."""
    if not spells or any(sp["end_day"] is None for sp in spells):
        return
    last = max(sp["end_day"] for sp in spells)
    exits = [e for e in events if e["event"] == "exit" and e["day"] == last]
    if len(exits) > 1:
        for e in exits:
            e["dissolution"] = True


def changes_per_year(store: Store, orgs: Sequence[str], date_from: str | date | None = None,
                     date_to: str | date | None = None, states: Sequence[str] | None = None,
                     by_org: bool = False):
    """`change_events` counted per year (and organization, with `by_org`): joins, exits
    (without dissolutions), suspensions, resumptions, changes of role, freezes, and exits
    by dissolution. Years without any change are left out."""
    import pandas as pd

    ev = change_events(store, orgs, date_from, date_to, states)
    keys = ["year", "org"] if by_org else ["year"]
    cols = [*keys, *COUNT_COLUMNS.values(), "dissolutions"]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    ev = ev.assign(kind=ev["event"].where(~ev["dissolution"], "dissolution"))
    table = pd.crosstab([ev[k] for k in keys], ev["kind"])
    table = table.rename(columns={**COUNT_COLUMNS, "dissolution": "dissolutions"})
    table = table.reindex(columns=cols[len(keys):], fill_value=0).reset_index()
    table.columns.name = None
    return table[cols]
