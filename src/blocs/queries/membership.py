"""Who belonged to what on a day: members, memberships, matrix."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from ..bulk import no_cyclic_gc
from ..dates import on_day
from ..store import Store, schema
from ..vocab import roles
from ._asof import _id_list, _run_dates
from ._asof import (ANSWER_COLUMNS, COMPLETE_FOR_ORG, ORG_SNAPSHOT, STATE_SNAPSHOT, Answer, complete_voices,
                    conflicts, covering, org_named, org_names, resolve_org, resolve_state,
                    state_names, voice_answers)


@dataclass(slots=True)
class Membership:
    """One state's standing in one organization on a day, with who says so.

    `role` is None when the preferred source says "not a member" but another disagrees
    (the record is kept so the disagreement is visible). Slotted: a matrix over hundreds
    of organizations makes thousands.
    """

    state: str
    state_name: str
    org: str
    org_name: str
    role: str | None
    frozen: bool
    since: str | None
    since_precision: str | None
    until: str | None
    certain: bool
    sources: list[str]
    voice: str
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}


def _record(state: str, org: str, answers: list[Answer], names: dict, onames: dict) -> Membership | None:
    shown = answers[0]
    others = conflicts(answers) if len(answers) > 1 else []
    if shown.role is None and not others:
        return None
    since = shown.since if shown.role else None
    until = shown.until if shown.role else None
    return Membership(
        state=state, state_name=names.get(state, state), org=org, org_name=onames.get(org, org),
        role=shown.role, frozen=shown.frozen,
        since=since.value if since else None, since_precision=since.precision if since else None,
        until=until.value if until else None,
        certain=shown.certain, sources=shown.sources, voice=shown.voice,
        conflicts=[a.brief() for a in others])


def _snapshot(conn, where, orgs: list[str], d: date):
    """The rows covering `d` by (state, org), and the complete voices of each org."""
    rows = conn.execute(select(*ANSWER_COLUMNS).where(where & covering(d))).all()
    by_pair: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        by_pair[(r[0], r[1])].append(r)             # state, org (ANSWER_NAMES)
    return by_pair, complete_voices(conn, sorted({o for _, o in by_pair} | set(orgs)), d)


def _alone(state: str, org: str, row: Any, day: str, names: dict, onames: dict) -> Membership | None:
    """`_record` for a pair only one voice speaks about (most cells of a large matrix):
    the same record, without building the answers of every voice."""
    _, _, role, frozen, _, start_hi, end_lo, voice, _, _, source_ids, run_text = row
    if role == "none":
        return None
    run = _run_dates(run_text)
    since, until = run["since"], run["until"]
    return Membership(
        state, names.get(state, state), org, onames.get(org, org), role, bool(frozen),
        since.value if since else None, since.precision if since else None,
        until.value if until else None,
        start_hi <= day and (end_lo is None or day < end_lo),
        list(_id_list(source_ids)), voice)


def members(store: Store, org: str, on: date | str | None = None,
            include_disputed: bool = True) -> list[Membership]:
    """Every state holding a role in `org` on `on` (default today), preferred answer first."""
    d = on_day(on)
    with store.engine.connect() as conn:
        org, org_name = org_named(conn, org)
        rows = conn.execute(ORG_SNAPSHOT, {"org": org, "d": d.isoformat()}).all()
        complete = dict(conn.execute(COMPLETE_FOR_ORG, {"org": org, "d": d.isoformat()})
                        .all()) if rows else {}
    by_state: dict[str, list] = defaultdict(list)
    for r in rows:
        by_state[r.state].append(r)
    onames = {org: org_name}
    out = []
    for state, rs in by_state.items():
        rec = _record(state, org, voice_answers(rs, complete, d),
                      {state: rs[0].state_name or state}, onames)
        if rec and (include_disputed or rec.role is not None):
            out.append(rec)
    return sorted(out, key=_member_order)


def _member_order(m: Membership) -> tuple:
    order = _role_order()
    return (m.role is None, order.get(m.role, 99), m.state)


def _role_order() -> dict[str, int]:
    return {r: i for i, r in enumerate(roles())}


def memberships(store: Store, state: str, on: date | str | None = None,
                include_disputed: bool = True) -> list[Membership]:
    """Every organization `state` holds a role in on `on` (default today)."""
    d = on_day(on)
    with store.engine.connect() as conn:
        state = resolve_state(conn, state)
        rows = conn.execute(STATE_SNAPSHOT, {"state": state, "d": d.isoformat()}).all()
        complete = complete_voices(conn, sorted({r.org for r in rows}), d) if rows else {}
    by_org: dict[str, list] = defaultdict(list)
    for r in rows:
        by_org[r.org].append(r)
    out = []
    for org, rs in by_org.items():
        rec = _record(state, org, voice_answers(rs, complete.get(org, {}), d),
                      {state: rs[0].state_name or state}, {org: rs[0].org_name or org})
        if rec and (include_disputed or rec.role is not None):
            out.append(rec)
    return sorted(out, key=lambda m: (m.role is None, m.org))


def matrix(store: Store, orgs: list[str], on: date | str | None = None) -> list[Membership]:
    """States x organizations on a day, as one record per non-empty cell."""
    d = on_day(on)
    with no_cyclic_gc(), store.engine.connect() as conn:
        o = schema.organizations.c     # exact ids in one query (a matrix may ask for hundreds)
        exact = set(conn.execute(select(o.id).where(o.id.in_(list(orgs)))).scalars())
        ids = list(dict.fromkeys(x if x in exact else resolve_org(conn, x) for x in orgs))
        by_pair, complete = _snapshot(conn, schema.spells.c.org.in_(ids), ids, d)
        names = state_names(conn, {s for s, _ in by_pair})
        onames = org_names(conn, set(ids))
        day = d.isoformat()
        cells = []
        for (s, o), rs in by_pair.items():
            cv = complete.get(o, {})
            if len(rs) == 1 and (not cv or (len(cv) == 1 and rs[0][7] in cv)):    # voice
                r = _alone(s, o, rs[0], day, names, onames)
            else:
                r = _record(s, o, voice_answers(rs, cv, d), names, onames)
            if r:
                cells.append(r)
    rank = {o: i for i, o in enumerate(ids)}
    return sorted(cells, key=lambda m: (m.state, rank[m.org]))


def matrix_frame(cells: list[Membership], orgs: list[str] | None = None):
    """The matrix as a DataFrame: one row per state, one column per organization."""
    import pandas as pd

    cols = orgs or list(dict.fromkeys(c.org for c in cells))
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for c in cells:
        table[c.state][c.org] = cell_label(c)
    df = pd.DataFrame.from_dict(table, orient="index").reindex(columns=cols).fillna("")
    return df.sort_index()


def cell_label(c: Membership) -> str:
    """member, observer (frozen), suspended?, —* … : uncertain '?', disputed '*'."""
    label = c.role or "—"
    if c.frozen:
        label += " (frozen)"
    if not c.certain:
        label += "?"
    if c.conflicts:
        label += "*"
    return label
