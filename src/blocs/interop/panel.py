"""Year panels in COW's layouts (state-year, IGO-year) from the store.

With `--source cow` the panel is COW's own, rebuilt cell for cell from the import (its
rows, its kept cells, and the claims' spells; see `cowpanel`). From any other voice, or
the preferred answers, it is laid out the same way: a row per COW state in the state
system that year (states2016) or per organization-year, a column per organization
(COW's ioname in lower case where the organization is one of COW's, else our id) or per
COW state; codes by `vocab/roles.yaml` (`cow`) for the role held on 31 December; -1
(state-year) where the organization has no member yet or none any more, an empty cell
(IGO-year) where the state is not in the system.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from ..errors import BadOutput, NoData
from ..store import Store, get_meta, schema
from . import codebook as cb
from . import cowpanel as cp
from .codebook import DATASET, META_KEY
from .cowfile import EMPTY
from .voices import resolve_voice


@dataclass
class Panel:
    """A layout ready to write: its header, and per column either a list of values or
    (for the code columns) a column of the int8 `codes` matrix (EMPTY = empty cell)."""

    layout: str
    header: list[str]
    values: dict[str, list]       # the non-code columns
    code_columns: list[str]
    codes: np.ndarray             # rows x code columns
    keys: list                    # the code columns' organization (state-year) or ccode (IGO-year)
    row_axis: list                # per row: ccode (state-year) or organization (IGO-year)
    row_years: list[int]

    @property
    def n_rows(self) -> int:
        return len(self.row_years)


def panel(store: Store, layout: str, source: str | None = None, years: tuple[int, int] | None = None,
          orgs: list[str] | None = None) -> Panel:
    """The panel of `layout` (cb.STATE_YEAR or cb.IGO_YEAR) for a voice or the preferred answers."""
    if layout not in (cb.STATE_YEAR, cb.IGO_YEAR):
        raise BadOutput(f"unknown COW layout {layout!r}")
    with store.engine.connect() as conn:
        voice = resolve_voice(conn, source)
        if voice == DATASET:
            return _cow(conn, layout, years, orgs)
        return _other(conn, layout, voice, years, orgs)


# ---------------------------------------------------------------- COW's own panel

def cow_meta(conn) -> dict:
    value = get_meta(conn, META_KEY)
    if value is None:
        raise NoData("no COW data in the store: import it first (blocs import cow FILE)")
    return json.loads(value)


def cow_axes(conn, meta: dict) -> tuple[cp.Axes, dict[str, list]]:
    """The imported panel's axes, and its own rows (key, year, pos, data) in file order."""
    ionames, ccodes = meta["ionames"], meta["ccodes"]
    y0, y1 = meta["years"]
    ny = y1 - y0 + 1
    i_of = {io: i for i, io in enumerate(ionames)}
    s_of = {str(c): s for s, c in enumerate(ccodes)}
    igo_present = np.zeros((len(ionames), ny), dtype=bool)
    state_present = np.zeros((len(ccodes), ny), dtype=bool)
    r = schema.cow_rows.c
    own: list = []
    for axis, key, years, pos, data in conn.execute(select(r.axis, r.key, r.years, r.pos,
                                                           r.data)):
        ys = np.array(json.loads(years), dtype=np.int64) - y0
        if axis == "igo":
            igo_present[i_of[key], ys] = True
        else:
            state_present[s_of[key], ys] = True
        if pos is not None:
            own.extend(zip(json.loads(pos), [key] * len(ys), (ys + y0).tolist(),
                           _rows_of(json.loads(data), len(ys))))
    own.sort(key=lambda o: o[0])
    return (cp.Axes.make(ionames, ccodes, y0, y1, igo_present, state_present),
            {"keys": [o[1] for o in own], "years": [o[2] for o in own],
             "data": [o[3] or {} for o in own]})


def _rows_of(data: dict, n: int) -> list[dict]:
    """Each row's other columns, from the stored columns (a value shared by all rows, or one
    per row)."""
    return [{h: v if isinstance(v, str) else v[r] for h, v in data.items()} for r in range(n)]


def cow_cells(conn, axes: cp.Axes) -> tuple:
    c = schema.cow_cells.c
    i_of = {io: i for i, io in enumerate(axes.ionames)}
    s_of = {cc: s for s, cc in enumerate(axes.ccodes)}
    rows = conn.execute(select(c.ioname, c.ccode, c.year_from, c.year_to, c.code)).all()
    if not rows:
        return cp.runs(*(np.zeros(0, dtype=np.int64),) * 4)
    i = np.array([i_of[r[0]] for r in rows], dtype=np.int64)
    s = np.array([cp.ALL_STATES if r[1] == cp.ALL_STATES else s_of[r[1]] for r in rows],
                 dtype=np.int64)
    ya = np.array([r[2] for r in rows], dtype=np.int64)
    yb = np.array([r[3] for r in rows], dtype=np.int64)
    code = np.array([EMPTY if r[4] is None else r[4] for r in rows], dtype=np.int8)
    return i, s, ya, yb, code


def cow_roles(conn, axes: cp.Axes) -> np.ndarray:
    """COW codes K x I x Y of the roles COW's spells give on 31 December of each year."""
    from .yearroles import voice_cube, voice_spells

    org_index = {cb.org_ids()[io]: i for i, io in enumerate(axes.ionames)}
    return voice_cube(axes, voice_spells(conn, DATASET), org_index, [])[0]


def _cow(conn, layout: str, years, orgs) -> Panel:
    meta = cow_meta(conn)
    axes, own = cow_axes(conn, meta)
    roles = cow_roles(conn, axes)
    kept = cow_cells(conn, axes)
    ny = axes.n_years
    same = layout == meta["layout"]
    if layout == cb.STATE_YEAR:
        row_n, col_n = len(axes.ccodes), len(axes.ionames)
        if same:
            s_of = {str(c): s for s, c in enumerate(axes.ccodes)}
            rows = [(s_of[k], y) for k, y in zip(own["keys"], own["years"])]
            cols = [h for h in meta["header"] if h not in ("ccode", "year", "state")]
            col_idx = [axes.ionames.index(cb.ioname_of_column()[h]) for h in cols]
        else:
            rows = [(s, axes.y0 + y) for s, y in zip(*np.nonzero(axes.state_present))]
            rows.sort(key=lambda r: (axes.ccodes[r[0]], r[1]))
            order = sorted(range(col_n), key=lambda i: axes.ionames[i])
            cols, col_idx = [axes.ionames[i].lower() for i in order], order
    else:
        row_n, col_n = len(axes.ionames), len(axes.ccodes)
        if same:
            i_of = {io: i for i, io in enumerate(axes.ionames)}
            rows = [(i_of[k], y) for k, y in zip(own["keys"], own["years"])]
            states = cb.state_columns()
            cols = [h for h in meta["header"] if h in states]
            col_idx = [axes.ccodes.index(states[h]) for h in cols]
        else:
            rank = {io: n for n, io in enumerate(cb.igos())}
            rows = [(i, axes.y0 + y) for i, y in zip(*np.nonzero(axes.igo_present))]
            rows.sort(key=lambda r: (rank[axes.ionames[r[0]]], r[1]))
            known = set(axes.ccodes)
            cols = [h for h, c in cb.state_columns().items() if c in known]
            col_idx = [axes.ccodes.index(cb.state_columns()[h]) for h in cols]
    row_idx = np.array([r[0] for r in rows], dtype=np.int64)
    row_years = np.array([r[1] for r in rows], dtype=np.int64)
    col_idx = np.array(col_idx, dtype=np.int64)
    codes = cp.predict(axes, roles, layout, row_idx, row_years - axes.y0, col_idx)
    row_pos = np.full((row_n, ny), -1, dtype=np.int64)
    row_pos[row_idx, row_years - axes.y0] = np.arange(len(rows))
    col_pos = np.full(col_n, -1, dtype=np.int64)
    col_pos[col_idx] = np.arange(len(col_idx))
    cp.overlay(codes, row_pos, col_pos, layout, kept, axes.y0)
    data = own["data"] if same else [{} for _ in rows]
    header = meta["header"] if same else _header(layout, cols)
    if layout == cb.STATE_YEAR:
        ccodes = [axes.ccodes[s] for s in row_idx.tolist()]
        values = {"ccode": ccodes, "year": row_years.tolist(),
                  "state": [d.get("state", cb.column_of_ccode().get(c, str(c)))
                            for d, c in zip(data, ccodes)]}
        keys = [cb.org_ids()[axes.ionames[i]] for i in col_idx.tolist()]
        row_axis = ccodes
    else:
        names = [axes.ionames[i] for i in row_idx.tolist()]
        values = {"ioname": names, "year": row_years.tolist(),
                  "orgname": [d.get("orgname", cb.igos()[n].orgname) for d, n in zip(data, names)]}
        for m in cb.IGO_META:
            values[m] = [d.get(m, "") for d in data]
        keys = [axes.ccodes[s] for s in col_idx.tolist()]
        row_axis = [cb.org_ids()[n] for n in names]
    p = Panel(layout, header, values, cols, codes, keys, row_axis, row_years.tolist())
    return _filter(p, years, orgs)


def _header(layout: str, cols: list[str]) -> list[str]:
    if layout == cb.STATE_YEAR:
        return ["ccode", "year", "state", *cols]
    return ["ioname", "orgname", "year", *cols, *cb.IGO_META]


def _filter(p: Panel, years: tuple[int, int] | None, orgs: list[str] | None) -> Panel:
    """Keep the years in [a, b] and the organizations asked for."""
    rows = np.ones(p.n_rows, dtype=bool)
    if years:
        y = np.array(p.row_years)
        rows &= (y >= years[0]) & (y <= years[1])
    cols = np.ones(len(p.code_columns), dtype=bool)
    if orgs:
        want = set(orgs)
        if p.layout == cb.STATE_YEAR:
            cols = np.array([k in want for k in p.keys], dtype=bool)
        else:
            rows &= np.array([o in want for o in p.row_axis], dtype=bool)
    if rows.all() and cols.all():
        return p
    keep_r = np.nonzero(rows)[0]
    keep_c = np.nonzero(cols)[0]
    names = [p.code_columns[j] for j in keep_c]
    dropped = set(p.code_columns) - set(names)
    return Panel(p.layout, [h for h in p.header if h not in dropped],
                 {k: [v[r] for r in keep_r] for k, v in p.values.items()}, names,
                 p.codes[np.ix_(keep_r, keep_c)], [p.keys[j] for j in keep_c],
                 [p.row_axis[r] for r in keep_r], [p.row_years[r] for r in keep_r])


# ---------------------------------------------------------------- any other voice

def _other(conn, layout: str, voice: str, years, orgs) -> Panel:
    from .yearroles import year_roles

    yr = year_roles(conn, voice, orgs, years)
    labels = [cb.ioname_of_org().get(o, o) for o in yr.orgs]
    if layout == cb.STATE_YEAR:
        row_idx, yi = np.nonzero(yr.axes.state_present)     # state-years in the system
        row_years = yi + yr.y0
        col_idx = np.arange(len(yr.orgs))
        order = sorted(col_idx.tolist(), key=lambda i: labels[i].lower())
        col_idx = np.array(order, dtype=np.int64)
        cols = [labels[i].lower() for i in order]
    else:
        row_idx, yi = np.nonzero(yr.exists)
        row_years = yi + yr.y0
        col_idx = np.arange(len(yr.ccodes))
        cols = [cb.column_of_ccode()[c] for c in yr.ccodes]
    codes = yr.cells(layout, row_idx, row_years, col_idx)
    if layout == cb.STATE_YEAR:
        ccodes = [yr.ccodes[s] for s in row_idx.tolist()]
        values = {"ccode": ccodes, "year": row_years.tolist(),
                  "state": [cb.column_of_ccode()[c] for c in ccodes]}
        keys = [yr.orgs[i] for i in col_idx.tolist()]
        row_axis: list = ccodes
    else:
        ids = [yr.orgs[i] for i in row_idx.tolist()]
        values = {"ioname": [labels[i] for i in row_idx.tolist()], "year": row_years.tolist(),
                  "orgname": [yr.names.get(o, o) for o in ids]}
        for m in cb.IGO_META:
            values[m] = ["" for _ in ids]
        keys = list(yr.ccodes)
        row_axis = ids
    return Panel(layout, _header(layout, cols), values, cols, codes, keys, row_axis,
                 row_years.tolist())
