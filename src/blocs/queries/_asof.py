"""What each voice says about one state in one organization on one day, and which answer
is shown. The single place where precedence, precision and disagreement meet.

A voice answers with the spell that covers the day; a *complete* voice (the reference
data, an imported dataset) that has no spell for the state says "not a member". The
answer shown is the voice with the highest precedence (newer documents first among
equals); every other voice whose answer differs in role class is a conflict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..dates import PartialDate
from ..errors import UnknownId
from ..store import schema
from ..suggest import closest
from ..vocab import role_class


@dataclass
class Answer:
    """One voice's answer; `role` None means: not a member (of any role)."""

    voice: str
    precedence: int
    role: str | None
    frozen: bool = False
    certain: bool = True
    since: PartialDate | None = None
    until: PartialDate | None = None
    sources: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    stated_as_of: str | None = None

    def brief(self) -> dict[str, Any]:
        return {"voice": self.voice, "role": self.role, "certain": self.certain,
                "sources": self.sources}


def _answer(row: Any, d: str) -> Answer:
    certain = row.start_hi <= d and (row.end_lo is None or d < row.end_lo)
    run = json.loads(row.run)
    since = PartialDate(*run["since"]) if run["since"] else None
    until = PartialDate(*run["until"]) if run["until"] else None
    return Answer(row.voice, row.precedence, None if row.role == "none" else row.role,
                  bool(row.frozen), certain, since, until, json.loads(row.source_ids),
                  json.loads(row.claim_ids), row.stated_as_of)


def voice_answers(rows: list[Any], complete: dict[str, int], d: date) -> list[Answer]:
    """Every voice's answer on `d`, the shown one first."""
    day = d.isoformat()
    best: dict[str, tuple[tuple[bool, str], Answer]] = {}
    for row in rows:
        a = _answer(row, day)
        key = (a.certain, row.start_lo)     # a certain spell first, then the latest one
        if a.voice not in best or key > best[a.voice][0]:
            best[a.voice] = (key, a)
    answers = {v: a for v, (_, a) in best.items()}
    for voice, prec in complete.items():
        answers.setdefault(voice, Answer(voice, prec, None))
    return sorted(answers.values(), key=lambda a: (-a.precedence, _neg(a.stated_as_of), a.voice))


def _neg(as_of: str | None) -> str:
    """Sort newer statements first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in as_of) if as_of else "\U0010ffff"


def conflicts(answers: list[Answer]) -> list[Answer]:
    shown = role_class(answers[0].role)
    return [a for a in answers[1:] if role_class(a.role) != shown]


SPELL_COLUMNS = [schema.spells.c[n] for n in (
    "state", "org", "role", "frozen", "start", "start_precision", "start_qualifier",
    "start_lo", "start_hi", "end", "end_precision", "end_qualifier", "end_lo", "end_hi",
    "end_kind", "voice", "precedence", "stated_as_of", "claim_ids", "source_ids", "run")]


def covering(d: date):
    """A WHERE clause for spells that may cover `d` (the uncertainty windows included)."""
    s = schema.spells.c
    day = d.isoformat()
    return (s.start_lo <= day) & (s.end_hi.is_(None) | (s.end_hi > day))


def complete_voices(conn: Connection, orgs: list[str]) -> dict[str, dict[str, int]]:
    cv = schema.complete_voices.c
    out: dict[str, dict[str, int]] = {o: {} for o in orgs}
    for voice, org, prec in conn.execute(select(cv.voice, cv.org, cv.precedence)
                                         .where(cv.org.in_(orgs))):
        out[org][voice] = prec
    return out


def resolve_org(conn: Connection, value: str) -> str:
    """An organization id from an id, a lower-case id, a name or an alias."""
    o = schema.organizations.c
    for v in (value, value.upper()):
        if conn.execute(select(o.id).where(o.id == v)).first():
            return v
    labels: dict[str, str] = {}
    for oid, name, aliases in conn.execute(select(o.id, o.name, o.aliases)):
        for label in (oid, name, *json.loads(aliases)):
            labels.setdefault(label, oid)
            if label.casefold() == value.casefold():
                return oid
    raise UnknownId("organization", value, closest(value, labels))


def resolve_state(conn: Connection, value: str) -> str:
    """A state id from an ISO3 id (any case) or a name."""
    s = schema.states.c
    for v in (value, value.upper()):
        if conn.execute(select(s.id).where(s.id == v)).first():
            return v
    labels: dict[str, str] = {}
    for sid, name, official in conn.execute(select(s.id, s.name, s.official_name)):
        for label in (sid, name, official):
            if label:
                labels.setdefault(label, sid)
                if label.casefold() == value.casefold():
                    return sid
    raise UnknownId("state", value, closest(value, labels))


def state_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    s = schema.states.c
    return dict(conn.execute(select(s.id, s.name).where(s.id.in_(sorted(ids)))).all())


def org_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    o = schema.organizations.c
    return dict(conn.execute(select(o.id, o.name).where(o.id.in_(sorted(ids)))).all())
