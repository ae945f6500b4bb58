"""COW's year panel as arrays: IGOs x states x years, and the rules that turn it into
membership events and back.

Year semantics (one rule for import, export and compare): COW's code for year Y is the
role held on 31 December of Y. An event dated to the year Y (year precision) therefore
takes effect within Y: a spell from "1995" to "2001" answers years 1995..2000.

- **To events** (import): per state (ISO id) and IGO, COW's yearly codes are walked in
  order. A role code (1 member, 2 associate member, 3 observer) different from the role
  held is a `join` in that role (a change of role while in); 0, or the state or the IGO
  not existing that year (-1, an empty cell, no row), is a `leave` of the role held;
  -9 (missing) changes nothing. Several COW states that are one of ours (DEU: 255 and
  260) speak together, a full membership first.
- **Back to cells** (export): a cell is COW's own exception where the import kept one
  (`cow_cells`: missing data, as one run for an IGO-year with no data at all, and every
  other cell the claims would not give back), else the
  layout's "not there" code where the row's other axis does not exist that year (-1 in
  the state-year layout: the IGO; empty in the IGO-year layout: the state), else the
  code of the role the spells give on 31 December, else 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import codebook as cb
from .cowfile import EMPTY

ALL_STATES = -1        # a kept run that covers every state of an IGO-year
# how strongly a cell speaks when several COW states are one of ours: 1 > 2 > 3 > 0 > -9 > absent
_RANK = np.zeros(256, dtype=np.int8)
for _code, _rank in {1: 6, 2: 5, 3: 4, 0: 3, -9: 2}.items():
    _RANK[_code & 0xFF] = _rank
_CODE_OF_RANK = np.array([0, 0, -1, 0, 3, 2, 1], dtype=np.int8)   # -1: carry (missing)


@dataclass
class Axes:
    """The panel's universe: IGOs (i), COW states (s), years (y0..y1), and which IGO-years
    and state-years exist, with the project's state id of each state-year."""

    ionames: list[str]
    ccodes: list[int]
    y0: int
    y1: int
    igo_present: np.ndarray     # bool, I x Y
    state_present: np.ndarray   # bool, S x Y
    isos: list[str]             # the project's state ids (k)
    kidx: np.ndarray            # int, S x Y: index into isos, -1 if none

    @property
    def n_years(self) -> int:
        return self.y1 - self.y0 + 1

    @classmethod
    def make(cls, ionames: list[str], ccodes: list[int], y0: int, y1: int,
             igo_present: np.ndarray, state_present: np.ndarray) -> "Axes":
        isos: dict[str, int] = {}
        ny = y1 - y0 + 1
        kidx = np.full((len(ccodes), ny), -1, dtype=np.int32)
        base = cb.iso_of_ccode()
        for s, cc in enumerate(ccodes):
            if cc in base:
                kidx[s, :] = isos.setdefault(base[cc], len(isos))
        for o in cb.state_overrides():      # years of a ccode that are another state's
            if o.ccode in ccodes and o.last >= y0 and o.first <= y1:
                s = ccodes.index(o.ccode)
                kidx[s, max(o.first - y0, 0):min(o.last - y0 + 1, ny)] = \
                    isos.setdefault(o.id, len(isos))
        return cls(ionames, ccodes, y0, y1, igo_present, state_present, list(isos), kidx)


def effective(axes: Axes, codes: np.ndarray, layout: str, own: np.ndarray,
              yi: np.ndarray) -> np.ndarray:
    """Rank cube K x I x Y from a file's codes: per project state, IGO and year, the
    strongest code of the COW states that are that state (0 where it has none).

    Most cells are the only word of their state: one scatter of every cell to its place in
    the cube (cells of no state, or of a state-year two COW states share, go to a spare
    slot); the shared ones then take the maximum, column by column (a handful of states)."""
    ranks = _RANK[codes.view(np.uint8)]
    n_k, n_i, ny = len(axes.isos), len(axes.ionames), axes.n_years
    shared = _shared(axes)
    flat = np.zeros(n_k * n_i * ny + 1, dtype=np.int8)
    sole = np.where(shared, -1, axes.kidx)                              # S x Y
    index, none = _cube_index(sole, layout, own, yi, np.arange(codes.shape[1]),
                              (n_k, n_i, ny))
    np.copyto(index, flat.size - 1, where=none)
    flat[index.ravel()] = ranks.ravel()
    out = flat[:-1].reshape(n_k, n_i, ny)
    if layout == cb.IGO_YEAR:
        for s in np.nonzero(shared.any(axis=1))[0]:
            r = np.nonzero(shared[s, yi])[0]
            np.maximum.at(out, (axes.kidx[s, yi[r]], own[r], yi[r]), ranks[r, s])
    else:
        r = np.nonzero(shared[own, yi])[0]
        cols = np.arange(codes.shape[1])[None, :]
        np.maximum.at(out, (axes.kidx[own[r], yi[r]][:, None], cols, yi[r][:, None]),
                      ranks[r, :])
    return out


def _shared(axes: Axes) -> np.ndarray:
    """S x Y: the state-years where two or more COW states are one project state."""
    n_k = len(axes.isos)
    kidx = np.where(axes.kidx >= 0, axes.kidx, n_k)
    years = np.broadcast_to(np.arange(axes.n_years), kidx.shape)
    count = np.zeros((n_k + 1, axes.n_years), dtype=np.int32)
    np.add.at(count, (kidx, years), 1)
    return (count[kidx, years] > 1) & (axes.kidx >= 0)


@dataclass
class Events:
    k: np.ndarray        # project state index
    i: np.ndarray        # IGO index
    yi: np.ndarray       # year index
    join: np.ndarray     # bool: join (else leave)
    code: np.ndarray     # the role's code (joined, or left)
    rank: np.ndarray     # the cell's rank that year (why a leave)
    pairs: tuple[np.ndarray, np.ndarray]   # (k, i) of each state and IGO with a role
    held: np.ndarray     # pairs x years: the code of the role held on 31 December


def events(eff: np.ndarray) -> Events:
    """Joins and leaves from the rank cube (see the module's rules), grouped by state and
    IGO in year order. Only pairs that ever hold a role have events; their years are
    walked as rows of years x pairs (a missing code carries the role held before)."""
    kp, ip = np.nonzero(eff.max(axis=2) >= 4)
    ranks = np.ascontiguousarray(eff[kp, ip, :].T)          # years x pairs
    vals = _CODE_OF_RANK[ranks]
    held = np.empty_like(vals)
    last = np.zeros(vals.shape[1], dtype=vals.dtype)
    for y, v in enumerate(vals):
        last = held[y] = np.where(v >= 0, v, last)
    before = np.zeros_like(held)
    before[1:] = held[:-1]
    y, p = np.nonzero(held != before)
    order = np.lexsort((y, p))
    y, p = y[order], p[order]
    now, was = held[y, p], before[y, p]
    is_join = now > 0
    return Events(kp[p], ip[p], y, is_join, np.where(is_join, now, was), ranks[y, p],
                  (kp, ip), held.T)


def held_cube(axes: Axes, ev: Events) -> np.ndarray:
    """COW codes K x I x Y of the roles the events give (what their spells give: a role
    from the year of its join until the pair's next event)."""
    out = np.zeros((len(axes.isos), len(axes.ionames), axes.n_years), dtype=np.int8)
    out[ev.pairs[0], ev.pairs[1], :] = ev.held
    return out


def predict(axes: Axes, roles: np.ndarray, layout: str, row_idx: np.ndarray,
            row_yi: np.ndarray, col_idx: np.ndarray) -> np.ndarray:
    """The cells of a layout before COW's exceptions: rows x columns, int8 (EMPTY = empty).

    IGO-year: rows are IGO-years (row_idx = IGO), columns states; state-year: rows are
    state-years (row_idx = state), columns IGOs. Each cell is looked up in the flat cube
    by its linear index (a cell of no project state: a spare 0 at the end)."""
    index, none = _cube_index(axes.kidx, layout, row_idx, row_yi, col_idx, roles.shape)
    np.copyto(index, 0, where=none)
    out = np.ascontiguousarray(roles).ravel()[index]
    np.copyto(out, np.int8(0), where=none)
    if layout == cb.IGO_YEAR:
        absent, absent_code = ~axes.state_present[col_idx].T[row_yi], EMPTY
    else:
        absent, absent_code = ~axes.igo_present[col_idx].T[row_yi], cb.ABSENT
    np.copyto(out, np.int8(absent_code), where=absent)
    return out


def _cube_index(kidx: np.ndarray, layout: str, row_idx: np.ndarray, row_yi: np.ndarray,
                col_idx: np.ndarray, shape: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's linear index in a K x I x Y cube (rows x columns; int32 where it fits:
    half the memory), and where the cell has no project state (kidx < 0: its index is then
    meaningless).

    IGO-year: rows are IGO-years, columns states; state-year: rows state-years, columns
    IGOs (the state, and so k, is the row's: one column of indexes broadcast)."""
    n_k, n_i, ny = shape
    kind = np.int32 if n_k * n_i * ny < 2**31 - 1 else np.int64
    if layout == cb.IGO_YEAR:
        index = kidx[col_idx].T.astype(kind)[row_yi]                   # rows x columns
        place = (row_idx * ny + row_yi).astype(kind)[:, None]
    else:
        index = kidx[row_idx, row_yi].astype(kind)[:, None]            # rows x 1
        place = (col_idx[None, :] * ny + row_yi[:, None]).astype(kind)
    none = index < 0
    index *= kind(n_i * ny)
    if index.size >= place.size:
        index += place
    else:
        place += index
        index = place
    return index, np.broadcast_to(none, index.shape)


def runs(i: np.ndarray, s: np.ndarray, y: np.ndarray, code: np.ndarray):
    """Cells sorted by (i, s, y) as runs of consecutive years with one code:
    (i, s, first year, last year, code) arrays."""
    if len(i) == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e, e, e, e
    new = np.ones(len(i), dtype=bool)
    new[1:] = (i[1:] != i[:-1]) | (s[1:] != s[:-1]) | (y[1:] != y[:-1] + 1) | \
        (code[1:] != code[:-1])
    starts = np.nonzero(new)[0]
    ends = np.append(starts[1:], len(i)) - 1
    return i[starts], s[starts], y[starts], y[ends], code[starts]


def overlay(cells: np.ndarray, row_pos: np.ndarray, col_pos: np.ndarray, layout: str,
            runs_: tuple, y0: int) -> None:
    """Write COW's kept exceptions over predicted cells, in place.

    row_pos: (own-axis index, year index) -> row, -1 if none; col_pos: other-axis index -> column."""
    ri, rs, ya, yb, code = runs_
    whole = rs == ALL_STATES
    if whole.any():
        _overlay_whole(cells, row_pos, col_pos, layout, ri[whole], ya[whole], yb[whole],
                       code[whole], y0)
        ri, rs, ya, yb, code = ri[~whole], rs[~whole], ya[~whole], yb[~whole], code[~whole]
    if len(ri) == 0:
        return
    lengths = (yb - ya + 1).astype(np.int64)
    rep = np.repeat(np.arange(len(ri)), lengths)
    offs = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    ii, ss, yy, cc = ri[rep], rs[rep], (ya[rep] - y0 + offs), code[rep]
    own, other = (ii, ss) if layout == cb.IGO_YEAR else (ss, ii)
    inside = (yy >= 0) & (yy < row_pos.shape[1])
    r = np.where(inside, row_pos[own, np.clip(yy, 0, row_pos.shape[1] - 1)], -1)
    c = col_pos[other]
    ok = (r >= 0) & (c >= 0)
    cells[r[ok], c[ok]] = cc[ok]


def _overlay_whole(cells, row_pos, col_pos, layout, ri, ya, yb, code, y0) -> None:
    """Runs that cover every state of an IGO-year (COW has no data for the IGO that year)."""
    ny = row_pos.shape[1]
    for i, a, b, c in zip(ri.tolist(), ya.tolist(), yb.tolist(), code.tolist()):
        ys = np.arange(max(a - y0, 0), min(b - y0 + 1, ny))
        if layout == cb.IGO_YEAR:
            r = row_pos[i, ys]
            cells[r[r >= 0], :] = c
        elif col_pos[i] >= 0:
            r = row_pos[:, ys].ravel()
            cells[r[r >= 0], col_pos[i]] = c


def whole_rows(codes: np.ndarray, own: np.ndarray, yi: np.ndarray, layout: str,
               n_igos: int, ny: int) -> np.ndarray:
    """IGO x year: where every cell the file has for that IGO-year is -9."""
    m9 = codes == cb.MISSING
    out = np.zeros((n_igos, ny), dtype=bool)
    if layout == cb.IGO_YEAR:
        r = np.nonzero(m9.all(axis=1))[0]
        out[own[r], yi[r]] = True
        return out
    order = np.argsort(yi, kind="stable")
    ys, starts = np.unique(yi[order], return_index=True)
    allm = np.logical_and.reduceat(m9[order], starts, axis=0)     # years x IGOs
    out[:, ys] = allm.T
    return out
