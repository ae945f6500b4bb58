"""The role each state held in each organization on 31 December of each year, by one
voice or by the preferred answers: arrays over COW's states, for panels and comparisons.

A voice *speaks* about a state-organization-year when one of its spells covers that
31 December, or when it is complete for the organization (and its data reaches that far:
then "not a member" is a statement too). The preferred answer is the highest voice that
speaks (the newer statement among equals), as `blocs members` decides on a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import select

from ..queries._asof import org_names
from ..store import schema
from . import codebook as cb
from . import cowpanel as cp
from .voices import PREFERRED


@dataclass
class YearRoles:
    orgs: list[str]                 # organization ids (i)
    names: dict[str, str]
    ccodes: list[int]               # COW states (s)
    y0: int
    y1: int
    axes: cp.Axes                   # ionames = orgs; state_present = in the state system
    codes: np.ndarray               # K x I x Y: COW code of the role held (0 none)
    speaks: np.ndarray              # K x I x Y: the voice says something
    exists: np.ndarray              # I x Y: the organization has had a member and still may

    def cells(self, layout: str, row_idx: np.ndarray, row_years: np.ndarray,
              col_idx: np.ndarray) -> np.ndarray:
        return cp.predict(self.axes, self.codes, layout, row_idx, row_years - self.y0, col_idx)


def voice_spells(conn, voice: str, orgs: list[str] | None = None):
    """The spells of one voice (or of all, for the preferred answers), by start."""
    sp = schema.spells.c
    q = select(sp.voice, sp.precedence, sp.stated_as_of, sp.state, sp.org, sp.role,
               sp.start_lo, sp.end_hi, sp.end_kind)
    if voice != PREFERRED:
        q = q.where(sp.voice == voice)
    if orgs:
        q = q.where(sp.org.in_(orgs))
    return conn.execute(q.order_by(sp.start_lo)).all()


def year_roles(conn, voice: str, orgs: list[str] | None = None,
               years: tuple[int, int] | None = None) -> YearRoles:
    """Roles on 31 December of each year, over COW's states, for `orgs` (default: every
    organization the voice has spells for)."""
    rows = voice_spells(conn, voice, orgs)
    org_ids = list(orgs) if orgs else sorted({r.org for r in rows})
    names = org_names(conn, set(org_ids))
    if years:
        y0, y1 = years
    else:
        starts = [int(r.start_lo[:4]) for r in rows]
        y0, y1 = (max(min(starts), 1816) if starts else date.today().year), date.today().year
    ccodes = list(cb.column_of_ccode())
    ny = y1 - y0 + 1
    present = np.array([[cb.in_system(c, y) for y in range(y0, y1 + 1)] for c in ccodes],
                       dtype=bool).reshape(len(ccodes), ny)
    org_index = {oid: i for i, oid in enumerate(org_ids)}
    exists = _exists(rows, org_index, y0, ny)
    axes = cp.Axes.make(org_ids, ccodes, y0, y1, exists, present)
    cv = schema.complete_voices.c
    complete = conn.execute(select(cv.voice, cv.org, cv.precedence, cv.speaks_until)
                            .where(cv.org.in_(org_ids))).all() if org_ids else []
    by_voice: dict[str, list] = {}
    for r in rows:
        by_voice.setdefault(r.voice, []).append(r)
    prec = {r.voice: (r.precedence, r.stated_as_of or "") for r in rows}
    for v, _, p, _ in complete:
        prec.setdefault(v, (p, ""))
    # lowest first, so a higher voice overwrites; among equals the newer statement, then
    # the first by name, is shown (as in queries._asof.voice_answers)
    wanted = [voice] if voice != PREFERRED else \
        sorted(sorted(prec, reverse=True), key=lambda v: prec[v])
    shape = (len(axes.isos), len(org_ids), ny)
    codes, speaks = np.zeros(shape, dtype=np.int8), np.zeros(shape, dtype=bool)
    for v in wanted:
        c, s = voice_cube(axes, by_voice.get(v, []), org_index,
                          [(r[1], r[3]) for r in complete if r[0] == v])
        codes[s], speaks[s] = c[s], True
    return YearRoles(org_ids, names, ccodes, y0, y1, axes, codes, speaks, exists)


def voice_cube(axes: cp.Axes, rows, org_index: dict[str, int], complete: list):
    """One voice's COW codes K x I x Y on 31 December of each year, and where it speaks.

    `rows`: its spells (`voice_spells`), by start; `complete`: (org, speaks_until) where it
    is complete. A spell covers year Y when it starts by 31 December Y and its end window
    reaches past that day."""
    k_of = {sid: k for k, sid in enumerate(axes.isos)}
    role_code = cb.code_of_role()
    ny = axes.n_years
    codes = np.zeros((len(axes.isos), len(axes.ionames), ny), dtype=np.int8)
    speaks = np.zeros(codes.shape, dtype=bool)
    for org, until in complete:
        i = org_index.get(org)
        if i is not None:
            b = ny if until is None else min(max(int(until[:4]) - axes.y0, 0), ny)
            speaks[:, i, :b] = True
    for r in rows:      # by start: where a voice's spells overlap, the later start wins
        k, i = k_of.get(r.state), org_index.get(r.org)
        if k is None or i is None:
            continue
        a = max(int(r.start_lo[:4]) - axes.y0, 0)
        b = ny if r.end_hi is None else min(int(r.end_hi[:4]) - axes.y0, ny)
        if a < b:
            codes[k, i, a:b] = 0 if r.role == "none" else role_code.get(r.role, 0)
            speaks[k, i, a:b] = True
    return codes, speaks


def _exists(rows, org_index: dict[str, int], y0: int, ny: int) -> np.ndarray:
    """From an organization's first member to its last, or on if a spell is still open."""
    out = np.zeros((len(org_index), ny), dtype=bool)
    first: dict[int, int] = {}
    last: dict[int, int | None] = {}
    for r in rows:
        i = org_index.get(r.org)
        if i is None or r.role == "none":
            continue
        first[i] = min(first.get(i, 9999), int(r.start_lo[:4]))
        end = None if r.end_hi is None or r.end_kind == "silent" else int(r.end_hi[:4])
        last[i] = None if (i in last and last[i] is None) or end is None else \
            max(last.get(i) or 0, end)
    for i, a in first.items():
        b = last[i]
        out[i, max(a - y0, 0):ny if b is None else max(min(b - y0, ny), 0)] = True
    return out
