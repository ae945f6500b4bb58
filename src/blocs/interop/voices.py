"""Whose spells an export or a comparison uses: one voice (`reference`, `cow`, a document
id), or the preferred answer.

The preferred answer, for a whole history, takes for each state and organization the
spells of the highest voice that speaks about that pair: one that has spells for it, or
a complete voice for the organization (which then says "not a member" unless it has a
spell). Among equals, the newer statement. On one day it is exactly the as-of answer
`blocs members` shows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from ..errors import NoData, UnknownId
from ..store import Store, schema
from ..suggest import closest

PREFERRED = "preferred"


@dataclass
class SpellRow:
    """One spell as exports write it."""

    state: str
    org: str
    role: str
    frozen: bool
    start: str
    start_precision: str
    start_lo: str
    end: str | None
    end_precision: str | None
    end_kind: str | None
    end_hi: str | None
    voice: str
    precedence: int
    stated_as_of: str | None
    sources: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_COLS = ("state", "org", "role", "frozen", "start", "start_precision", "start_lo", "end",
         "end_precision", "end_kind", "end_hi", "voice", "precedence", "stated_as_of",
         "source_ids", "claim_ids")


def known_voices(conn) -> dict[str, int]:
    """Every voice in the store with its precedence."""
    src = schema.sources.c
    out: dict[str, int] = {}
    for sid, kind, dataset, prec in conn.execute(select(src.id, src.kind, src.dataset,
                                                        src.precedence)):
        out[sid if kind == "document" else dataset] = prec
    return out


def resolve_voice(conn, name: str | None) -> str:
    """A voice name from --source (a document may be named by its id or sha256 prefix)."""
    if name is None or name == PREFERRED:
        return PREFERRED
    voices = known_voices(conn)
    if name in voices:
        return name
    hits = [v for v in voices if len(name) >= 8 and v.startswith(name)]
    if len(hits) == 1:
        return hits[0]
    if name == "cow":
        raise NoData("no COW data in the store: import it first (blocs import cow FILE)")
    raise UnknownId("source", name, closest(name, [*voices, PREFERRED]))


def spells(store: Store, source: str | None = None, date_from: date | None = None,
           date_to: date | None = None, orgs: list[str] | None = None) -> list[SpellRow]:
    """The spells of one voice (or the preferred ones) that overlap [from, to], if given."""
    sp = schema.spells.c
    with store.engine.connect() as conn:
        voice = resolve_voice(conn, source)
        q = select(*[sp[c] for c in _COLS]).where(sp.role != "none")
        if voice != PREFERRED:
            q = q.where(sp.voice == voice)
        if orgs:
            q = q.where(sp.org.in_(orgs))
        if date_to is not None:
            q = q.where(sp.start_lo <= date_to.isoformat())
        if date_from is not None:
            q = q.where(sp.end_hi.is_(None) | (sp.end_hi > date_from.isoformat()))
        rows = conn.execute(q.order_by(sp.org, sp.state, sp.start_lo, sp.voice)).all()
        complete = _complete(conn) if voice == PREFERRED else {}
    out = [SpellRow(*r[:14], json.loads(r.source_ids), json.loads(r.claim_ids)) for r in rows]
    return _preferred(out, complete) if voice == PREFERRED else out


def _complete(conn) -> dict[str, list[tuple[int, str]]]:
    cv = schema.complete_voices.c
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for voice, org, prec in conn.execute(select(cv.voice, cv.org, cv.precedence)):
        out[org].append((prec, voice))
    return out


def _preferred(rows: list[SpellRow], complete: dict[str, list[tuple[int, str]]]) -> list[SpellRow]:
    by_pair: dict[tuple[str, str], list[SpellRow]] = defaultdict(list)
    for r in rows:
        by_pair[(r.state, r.org)].append(r)
    out = []
    for (state, org), rs in by_pair.items():
        best = max((r.precedence, r.stated_as_of or "", r.voice) for r in rs)
        top = max(complete.get(org, []), default=None)
        if top is not None and (top[0], "") > best[:2] and top[1] != best[2]:
            continue        # a higher complete voice says: not a member
        out.extend(r for r in rs if r.voice == best[2])
    return out


def covering(rows: list[SpellRow], day: date) -> list[SpellRow]:
    """The spells that hold on `day` (a spell whose window reaches it counts)."""
    d = day.isoformat()
    return [r for r in rows if r.start_lo <= d and (r.end_hi is None or r.end_hi > d)]
