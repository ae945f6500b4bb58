"""How memberships changed: timeline (every spell), diff (between two days), why (the
claims behind one answer)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from ..dates import PartialDate, check_order, on_day, parse_day
from ..store import Store, schema
from ..vocab import role_class
from ._asof import (SPELL_COLUMNS, complete_voices, conflicts, covering, org_names,
                    resolve_org, resolve_state, state_names, voice_answers)
from .membership import members


@dataclass
class SpellRecord:
    state: str
    state_name: str
    org: str
    role: str
    frozen: bool
    start: str
    start_precision: str
    end: str | None
    end_precision: str | None
    end_kind: str | None
    voice: str
    preferred: bool
    sources: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def timeline(store: Store, org: str, state: str | None = None) -> list[SpellRecord]:
    """Every spell of every state in `org` (or one state), from every voice.

    `preferred` marks the spells of the voice whose answer is shown for that state.
    """
    with store.engine.connect() as conn:
        org = resolve_org(conn, org)
        s = schema.spells.c
        where = s.org == org
        if state:
            where = where & (s.state == resolve_state(conn, state))
        rows = conn.execute(select(*SPELL_COLUMNS).where(where)
                            .order_by(s.state, s.start_lo, s.precedence.desc())).all()
        complete = complete_voices(conn, [org])
        names = state_names(conn, {r.state for r in rows})
    return spell_records(rows, complete, names)


def spell_records(rows: list[Any], complete: dict[str, dict[str, int]],
                  names: dict[str, str]) -> list[SpellRecord]:
    """The records of spell rows, in their order ("not a member" spells left out), for
    one organization or many (`complete`: each one's complete voices). `preferred` is
    decided per (organization, state): the highest precedence, then the newest statement;
    none is when a complete voice outranks them all (its answer is "not a member")."""
    top: dict[tuple[str, str], tuple] = {}
    for r in rows:
        key = (r.precedence, r.stated_as_of or "")
        pair = (r.org, r.state)
        top[pair] = max(top.get(pair, key), key)
    best_complete = {o: max(cv.values(), default=None) for o, cv in complete.items()}
    out = []
    for r in rows:
        if r.role == "none":
            continue
        pref_key = top[(r.org, r.state)]
        best = best_complete.get(r.org)
        if best is not None and best > pref_key[0]:
            pref_key = (best, "")
        out.append(SpellRecord(
            r.state, names.get(r.state, r.state), r.org, r.role, bool(r.frozen),
            r.start, r.start_precision,
            r.end if r.end_kind != "silent" else None,
            r.end_precision if r.end_kind != "silent" else None,
            r.end_kind, r.voice, (r.precedence, r.stated_as_of or "") == pref_key
            or (r.precedence == pref_key[0] and pref_key[1] == ""),
            json.loads(r.source_ids)))
    return out


@dataclass
class Change:
    state: str
    state_name: str
    change: str            # joined | left | role_changed
    before: str | None
    after: str | None
    date: str | None       # when the change took effect, where a spell boundary says
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def diff(store: Store, org: str, date_from: str | date, date_to: str | date) -> list[Change]:
    """Who joined, left or changed role in `org` between two days (as the shown answers say)."""
    d1, d2 = parse_day(date_from, "from"), parse_day(date_to, "to")
    check_order(d1, d2)
    before = {m.state: m for m in members(store, org, d1, include_disputed=False)}
    after = {m.state: m for m in members(store, org, d2, include_disputed=False)}
    out = []
    for st in sorted(set(before) | set(after)):
        b, a = before.get(st), after.get(st)
        rb, ra = (b.role if b else None), (a.role if a else None)
        if role_class(rb) == role_class(ra) and (b and a and b.frozen == a.frozen):
            continue
        kind = "joined" if b is None else "left" if a is None else "role_changed"
        if a is not None:
            when, src = a.since, a.sources
        else:
            when, src = b.until, b.sources
        name = (a or b).state_name
        if kind == "role_changed" and b.frozen != a.frozen:
            rb = rb + " (frozen)" if b.frozen else rb
            ra = ra + " (frozen)" if a.frozen else ra
        out.append(Change(st, name, kind, rb, ra, when, src))
    return out


def why(store: Store, state: str, org: str, on: str | date | None = None) -> dict[str, Any]:
    """The answer for one state in one organization on a day, every voice's answer, and
    every claim behind them with its source (alternatives included)."""
    d = on_day(on)
    with store.engine.connect() as conn:
        org = resolve_org(conn, org)
        state = resolve_state(conn, state)
        s = schema.spells.c
        rows = conn.execute(select(*SPELL_COLUMNS).where(
            (s.org == org) & (s.state == state) & covering(d))).all()
        complete = complete_voices(conn, [org], d)[org]
        answers = voice_answers(rows, complete, d)
        c, src = schema.claims.c, schema.sources.c
        claim_rows = conn.execute(
            select(c.id, c.data, c.status, c.alternative, c.origin, src.id.label("sid"),
                   src.kind, src.title, src.publisher, src.url, src.date, src.precedence)
            .join(schema.sources, src.id == c.source_id)
            .where(c.kind == "membership", c.subject == state, c.object == org)
            .order_by(c.date_lo, src.precedence.desc())).all()
        names = state_names(conn, {state})
        onames = org_names(conn, {org})
    shown = answers[0] if answers else None
    used = {cid for a in answers for cid in a.claim_ids}
    claims = []
    for r in claim_rows:
        data = json.loads(r.data)
        date_s = str(PartialDate.parse(data["date"], data.get("date_precision"),
                                       data.get("date_qualifier"))) if "date" in data else None
        claims.append({
            "id": r.id, "role": data.get("role"), "event": data.get("event"), "date": date_s,
            "stated_as_of": data.get("stated_as_of"), "quote": data.get("quote") or None,
            "note": data.get("note"), "span": [data["source"]["start"], data["source"]["end"]]
            if "start" in data["source"] else None, "alternative": bool(r.alternative),
            "status": r.status, "behind_answer": r.id in used,
            "source": {"id": r.sid, "kind": r.kind, "title": r.title, "publisher": r.publisher,
                       "url": r.url, "date": r.date}})
    return {
        "state": state, "state_name": names.get(state, state), "org": org,
        "org_name": onames.get(org, org), "on": d.isoformat(),
        "role": shown.role if shown else None, "frozen": shown.frozen if shown else False,
        "certain": shown.certain if shown else True,
        "since": str(shown.since) if shown and shown.since and shown.role else None,
        "until": str(shown.until) if shown and shown.until and shown.role else None,
        "voice": shown.voice if shown else None,
        "disputed": bool(answers and conflicts(answers)),
        "voices": [{**a.brief(), "precedence": a.precedence, "frozen": a.frozen,
                    "since": str(a.since) if a.since and a.role else None,
                    "stated_as_of": a.stated_as_of} for a in answers],
        "claims": claims,
    }
