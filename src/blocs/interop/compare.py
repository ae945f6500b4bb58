"""`blocs compare`: where two sources disagree, per organization, year and state.

Year semantics: a source's answer for year Y is the role it gives on 31 December of Y
(COW's code for Y is read the same way: see `cowpanel`). Both answers are compared in
COW's codes (1 full member, 2 associate member, 3 observer, 0 none; a role maps to its
`cow` code in vocab/roles.yaml, so a participant counts as 1 and a dialogue partner as
0). A pair is listed only where both sources speak: a complete source (the reference
data, an import) speaks for every state of an organization it covers, in the years its
data reaches; a document only where it states something; COW's missing data (-9) and its
"not in existence" cells say nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select

from ..errors import BadOutput, NoData
from ..queries._asof import org_names, resolve_org, state_names
from ..store import Store, schema
from . import codebook as cb
from . import cowpanel as cp
from .codebook import DATASET, SOURCE_ID
from .voices import PREFERRED, covering, resolve_voice, spells


@dataclass
class Disagreement:
    org: str
    org_name: str
    year: int
    state: str
    state_name: str
    source: str
    source_role: str | None
    source_code: int
    source_sources: list[str]
    with_: str
    with_role: str | None
    with_code: int
    with_sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["with"] = d.pop("with_")
        return d


@dataclass
class _Said:
    """What one voice says, over (state id, organization, year)."""

    codes: dict[tuple[str, str, int], int]


def _cow_said(store: Store, orgs: list[str], years: tuple[int, int] | None) -> _Said:
    from .panel import panel

    p = panel(store, cb.STATE_YEAR, DATASET, years, orgs)
    sids = [cb.state_id(c, y) for c, y in zip(p.values["ccode"], p.row_years)]
    rank = cp._RANK
    best: dict[tuple[str, str, int], int] = {}
    for j, org in enumerate(p.keys):
        col = p.codes[:, j]
        for r in np.nonzero((col >= 0) & (col <= 3))[0].tolist():
            sid = sids[r]
            if sid is None:
                continue
            key = (sid, org, p.row_years[r])
            c = int(col[r])
            if key not in best or rank[c] > rank[best[key]]:
                best[key] = c
    return _Said(best)


def _voice_said(store: Store, voice: str, orgs: list[str], years: tuple[int, int]) -> _Said:
    from .yearroles import year_roles

    with store.engine.connect() as conn:
        yr = year_roles(conn, voice, orgs, years)
    k, i, y = np.nonzero(yr.speaks)
    codes = yr.codes[k, i, y]
    return _Said({(yr.axes.isos[a], yr.orgs[b], yr.y0 + c): int(d)
                  for a, b, c, d in zip(k.tolist(), i.tolist(), y.tolist(), codes.tolist())})


def _said(store: Store, voice: str, orgs: list[str], years: tuple[int, int]) -> _Said:
    return _cow_said(store, orgs, years) if voice == DATASET else \
        _voice_said(store, voice, orgs, years)


def _default_orgs(conn, a: str, b: str) -> list[str]:
    sp, cv = schema.spells.c, schema.complete_voices.c

    def covered(v: str) -> set[str]:
        return {r[0] for r in conn.execute(select(sp.org).where(sp.voice == v).distinct())} | \
            {r[0] for r in conn.execute(select(cv.org).where(cv.voice == v))}

    return sorted(covered(a) & covered(b))


def _years(conn, a: str, b: str, date_from: date | None, date_to: date | None) -> tuple[int, int]:
    if DATASET in (a, b):
        from .panel import cow_meta

        y0, y1 = cow_meta(conn)["years"]
    else:
        y0, y1 = 1816, date.today().year
    if date_from:
        y0 = max(y0, date_from.year)
    if date_to:
        y1 = min(y1, date_to.year)
    return y0, y1


def compare(store: Store, source: str = DATASET, with_: str = "reference",
            orgs: list[str] | None = None, date_from: date | None = None,
            date_to: date | None = None) -> list[Disagreement]:
    """Every organization-year-state where `source` and `with_` give different answers."""
    with store.engine.connect() as conn:
        a, b = resolve_voice(conn, source), resolve_voice(conn, with_)
        if PREFERRED in (a, b) or a == b:
            raise BadOutput("compare needs two different sources (e.g. --source cow "
                            "--with reference)")
        both = _default_orgs(conn, a, b)
        ids = list(dict.fromkeys(resolve_org(conn, o) for o in orgs)) if orgs else both
        silent = [o for o in ids if o not in both]
        if silent:
            names = org_names(conn, set(silent))
            raise NoData(f"{a} and {b} do not both speak about "
                         + ", ".join(f"{o} ({names.get(o, o)})" for o in silent))
        years = _years(conn, a, b, date_from, date_to)
    if not ids or years[1] < years[0]:
        return []
    said_a, said_b = _said(store, a, ids, years), _said(store, b, ids, years)
    keys = sorted((k for k, c in said_a.codes.items()
                   if k in said_b.codes and said_b.codes[k] != c),
                  key=lambda k: (k[1], k[2], k[0]))
    with store.engine.connect() as conn:
        snames = state_names(conn, {k[0] for k in keys})
        onames = org_names(conn, {k[1] for k in keys})
    side_a, side_b = _Sides(store, a, ids), _Sides(store, b, ids)
    out = []
    for state, org, year in keys:
        ca, cb_ = said_a.codes[(state, org, year)], said_b.codes[(state, org, year)]
        ra, sa = side_a.answer(state, org, year, ca)
        rb, sb = side_b.answer(state, org, year, cb_)
        out.append(Disagreement(org, onames.get(org, org), year, state,
                                snames.get(state, state), a, ra, ca, sa, b, rb, cb_, sb))
    return out


class _Sides:
    """The role and sources behind one voice's answer (its spell on 31 December)."""

    def __init__(self, store: Store, voice: str, orgs: list[str]) -> None:
        self.voice = voice
        self.rows = {} if voice == DATASET else _index(spells(store, voice, orgs=orgs))

    def answer(self, state: str, org: str, year: int, code: int) -> tuple[str | None, list[str]]:
        if self.voice == DATASET:
            return cb.ROLE_OF_CODE.get(code), [SOURCE_ID]
        held = covering(self.rows.get((state, org), []), date(year, 12, 31))
        if not held:
            return None, []
        r = max(held, key=lambda r: r.start_lo)
        return r.role, r.sources


def _index(rows) -> dict:
    out: dict = {}
    for r in rows:
        out.setdefault((r.state, r.org), []).append(r)
    return out
