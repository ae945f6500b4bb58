"""What each voice says about one state in one organization on one day, and which answer
is shown. The single place where precedence, precision and disagreement meet.

A voice answers with the spell that covers the day; a *complete* voice (the reference
data, an imported dataset) that has no spell for the state says "not a member". The
answer shown is the voice with the highest precedence (newer documents first among
equals); every other voice whose answer differs in role class is a conflict.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from ..dates import PartialDate
from ..errors import UnknownId
from ..store import schema
from ..suggest import closest
from ..vocab import role_class


class Answer:
    """One voice's answer; `role` None means: not a member (of any role).

    Built for every candidate row of a query, so what needs decoding (sources, the run's
    since/until, claim ids) is decoded only when asked for."""

    __slots__ = ("voice", "precedence", "role", "frozen", "certain", "stated_as_of", "_row",
                 "_runv")

    def __init__(self, voice: str, precedence: int, role: str | None, frozen: bool = False,
                 certain: bool = True, stated_as_of: str | None = None, row: Any = None):
        self.voice, self.precedence, self.role = voice, precedence, role
        self.frozen, self.certain, self.stated_as_of, self._row = frozen, certain, stated_as_of, row
        self._runv: dict | None = None

    def _run(self, key: str) -> PartialDate | None:
        if self._row is None:
            return None
        if self._runv is None:
            self._runv = _run_dates(self._row.run)
        return self._runv[key]

    @property
    def since(self) -> PartialDate | None:
        return self._run("since")

    @property
    def until(self) -> PartialDate | None:
        return self._run("until")

    @property
    def sources(self) -> list[str]:
        return list(_id_list(self._row.source_ids)) if self._row is not None else []

    @property
    def claim_ids(self) -> list[str]:
        return json.loads(self._row.claim_ids) if self._row is not None else []

    def brief(self) -> dict[str, Any]:
        return {"voice": self.voice, "role": self.role, "certain": self.certain,
                "sources": self.sources}


@lru_cache(maxsize=8192)
def _run_dates(text: str) -> dict[str, PartialDate | None]:
    """A spell's run, decoded once per distinct text (many spells share one: a matrix of
    hundreds of organizations asks for thousands)."""
    return {k: PartialDate(*v) if v else None for k, v in json.loads(text).items()}


@lru_cache(maxsize=8192)
def _id_list(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _answer(row: Any, d: str) -> Answer:
    certain = row.start_hi <= d and (row.end_lo is None or d < row.end_lo)
    return Answer(row.voice, row.precedence, None if row.role == "none" else row.role,
                  bool(row.frozen), certain, row.stated_as_of, row)


def voice_answers(rows: list[Any], complete: dict[str, int], d: date) -> list[Answer]:
    """Every voice's answer on `d`, the shown one first."""
    day = d.isoformat()
    if len(rows) == 1 and all(v == rows[0].voice for v in complete):
        return [_answer(rows[0], day)]      # one voice speaks: the common case, made cheap
    best: dict[str, tuple[tuple[bool, str], Answer]] = {}
    for row in rows:
        a = _answer(row, day)
        key = (a.certain, row.start_lo)     # a certain spell first, then the latest one
        if a.voice not in best or key > best[a.voice][0]:
            best[a.voice] = (key, a)
    answers = {v: a for v, (_, a) in best.items()}
    for voice, prec in complete.items():
        answers.setdefault(voice, Answer(voice, prec, None))
    if len(answers) == 1:
        return list(answers.values())
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


# what an Answer reads (a matrix fetches only these: it may hold thousands of cells, and
# unpacks them in this order: a Row's attributes cost more than the rest of the cell)
ANSWER_NAMES = ("state", "org", "role", "frozen", "start_lo", "start_hi", "end_lo", "voice",
                "precedence", "stated_as_of", "source_ids", "run")
ANSWER_COLUMNS = [schema.spells.c[n] for n in ANSWER_NAMES]

_SP = schema.spells.c
_ST = schema.states.c
_CV = schema.complete_voices.c
_OR = schema.organizations.c
# Statements built once: a query then only binds its values (no statement building per call).
_ORG_ID = select(_OR.id, _OR.name).where(_OR.id == bindparam("v"))
_STATE_ID = select(_ST.id, _ST.name).where(_ST.id == bindparam("v"))


def _covers(day):
    """Spells that may cover `day` (a bound parameter or an ISO day), the uncertainty
    windows included."""
    return (_SP.start_lo <= day) & (_SP.end_hi.is_(None) | (_SP.end_hi > day))


_COVERING = _covers(bindparam("d"))
ORG_SNAPSHOT = (select(*SPELL_COLUMNS, _ST.name.label("state_name"))
                .select_from(schema.spells.outerjoin(schema.states, _ST.id == _SP.state))
                .where((_SP.org == bindparam("org")) & _COVERING))
STATE_SNAPSHOT = (select(*SPELL_COLUMNS, _ST.name.label("state_name"), _OR.name.label("org_name"))
                  .select_from(schema.spells.outerjoin(schema.states, _ST.id == _SP.state)
                               .outerjoin(schema.organizations, _OR.id == _SP.org))
                  .where((_SP.state == bindparam("state")) & _COVERING))
COMPLETE_FOR_ORG = select(_CV.voice, _CV.precedence).where(
    (_CV.org == bindparam("org"))
    & (_CV.speaks_until.is_(None) | (_CV.speaks_until > bindparam("d"))))


def covering(d: date):
    """A WHERE clause for spells that may cover `d` (the uncertainty windows included)."""
    return _covers(d.isoformat())


def complete_voices(conn: Connection, orgs: list[str],
                    d: date | None = None) -> dict[str, dict[str, int]]:
    """The voices that speak for every state of each organization (on `d`, if given: an
    imported dataset stops speaking where its data ends)."""
    cv = schema.complete_voices.c
    out: dict[str, dict[str, int]] = {o: {} for o in orgs}
    where = cv.org.in_(orgs)
    if d is not None:
        where = where & (cv.speaks_until.is_(None) | (cv.speaks_until > d.isoformat()))
    for voice, org, prec in conn.execute(select(cv.voice, cv.org, cv.precedence).where(where)):
        out[org][voice] = prec
    return out


def _resolve(conn: Connection, what: str, by_id, every, labels_of, value: str) -> tuple[str, str]:
    """(id, name) of the `what` that `value` names: its id as given or upper-cased (one
    query by primary key: the common case), else any of `labels_of(row)` over `every`
    row, compared casefolded; UnknownId with the closest labels otherwise."""
    for v in (value, value.upper()):
        row = conn.execute(by_id, {"v": v}).first()
        if row:
            return row[0], row[1]
    folded = value.casefold()
    labels: dict[str, str] = {}
    for row in conn.execute(every):
        for label in labels_of(row):
            labels.setdefault(label, row[0])
            if label.casefold() == folded:
                return row[0], row[1]
    raise UnknownId(what, value, closest(value, labels))


_EVERY_ORG = select(_OR.id, _OR.name, _OR.aliases)
_EVERY_STATE = select(_ST.id, _ST.name, _ST.official_name)


def _org_labels(row: Any) -> tuple[str, ...]:
    return (row[0], row[1], *json.loads(row[2]))


def _state_labels(row: Any) -> tuple[str, ...]:
    return tuple(label for label in row if label)     # official names may be missing


def org_named(conn: Connection, value: str) -> tuple[str, str]:
    """(id, name) of an organization given by id, lower-case id, name or alias."""
    return _resolve(conn, "organization", _ORG_ID, _EVERY_ORG, _org_labels, value)


def resolve_org(conn: Connection, value: str) -> str:
    """An organization id from an id, a lower-case id, a name or an alias."""
    return org_named(conn, value)[0]


def resolve_state(conn: Connection, value: str) -> str:
    """A state id from an ISO3 id (any case) or a name."""
    return _resolve(conn, "state", _STATE_ID, _EVERY_STATE, _state_labels, value)[0]


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
