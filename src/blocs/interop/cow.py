"""`blocs import cow`: the Correlates of War IGO v3 data as one more source.

COW speaks as one voice (`cow`, kind `import`, precedence 30), complete for the IGOs it
lists, up to 31 December of its last year. Its yearly codes become ordinary membership
claims at year precision (rules in `cowpanel`); states are mapped to ISO ids through
`data/cow_states.csv`, IGOs to this project's ids through `cow_ids.yaml` (the others keep
COW's name behind `COW_` and are added to the organizations). What the claims cannot say
(missing data, the rows of each axis, each row's other columns, a cell COW codes against
its own rules) is kept beside them, so the panel can be written back cell for cell.

The whole file is read and checked before the store is touched; the store is then written
in one transaction (a failure anywhere in it, the panel's pieces made beside it included,
leaves the store as it was), replacing an earlier COW import. The reference data's claims
are never touched.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import delete

from ..bulk import no_cyclic_gc
from ..reference.build import imported_orgs, speaks_until
from ..sources import Source, sha256_file
from ..store import Store, dialect, schema, set_meta
from . import codebook as cb
from . import cowpanel as cp
from . import cowrows
from .codebook import DATASET, META_KEY, SOURCE_ID
from .cowfile import CowFile, read


@dataclass
class ImportResult:
    file: str
    layout: str
    igos: int
    states: int
    years: str
    claims: int
    spells: int
    kept_runs: int
    organizations_added: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def axes_of(f: CowFile) -> tuple[cp.Axes, np.ndarray, np.ndarray]:
    """The file's axes, and each row's (own-axis index, year index).

    The file's own axis exists where it has rows; the other in a year where a cell speaks
    of it: a state, where some IGO codes it 0-3 (COW writes -9 for some states outside the
    system); an IGO, where some state's cell is not -1 ("IGO not in existence")."""
    y0, y1 = int(f.years.min()), int(f.years.max())
    ny = y1 - y0 + 1
    if f.layout == cb.IGO_YEAR:
        ionames, ccodes = list(dict.fromkeys(f.row_keys)), list(f.col_keys)
        index = {io: i for i, io in enumerate(ionames)}
        speaks = (f.codes >= 0) & (f.codes <= 3)
    else:
        ionames, ccodes = list(f.col_keys), list(dict.fromkeys(f.row_keys))
        index = {c: s for s, c in enumerate(ccodes)}
        speaks = (f.codes != cp.EMPTY) & (f.codes != cb.ABSENT)
    own = np.array([index[k] for k in f.row_keys], dtype=np.int64)
    yi = f.years - y0
    rows_present = np.zeros((len(index), ny), dtype=bool)
    rows_present[own, yi] = True
    order = np.argsort(yi, kind="stable")
    ys, starts = np.unique(yi[order], return_index=True)
    cols_present = np.zeros((f.codes.shape[1], ny), dtype=bool)
    cols_present[:, ys] = np.logical_or.reduceat(speaks[order], starts, axis=0).T
    if f.layout == cb.IGO_YEAR:
        igo_present, state_present = rows_present, cols_present
    else:
        igo_present, state_present = cols_present, rows_present
    return cp.Axes.make(ionames, ccodes, y0, y1, igo_present, state_present), own, yi


def _source(path: Path, y1: int) -> Source:
    return Source(id=SOURCE_ID, kind="import", dataset=DATASET,
                  title=f"Correlates of War IGO data, version 3 ({path.name})",
                  author="Pevehouse, Nordstrom, McManus and Jamison",
                  publisher="The Correlates of War Project", sha256=sha256_file(path),
                  stated_as_of=f"{y1}-12-31", origin=str(path.resolve()))


def _claims(f: CowFile, axes: cp.Axes, ev: cp.Events, own: np.ndarray,
            yi: np.ndarray) -> list[tuple]:
    """One membership claim row per event, grouped by state and IGO in year order (the
    spells are derived from that order); its origin is the file's line for that year
    (IGO-year files: one line per IGO-year)."""
    orgs = [cb.org_ids()[io] for io in axes.ionames]
    name = Path(f.path).name
    years = (ev.yi + axes.y0).tolist()
    if f.layout == cb.IGO_YEAR:
        line = np.full((len(axes.ionames), axes.n_years), -1, dtype=np.int64)
        line[own, yi] = np.arange(f.n_rows) + 2
        origins = [f"{name}:{n}" if n > 0 else name for n in line[ev.i, ev.yi].tolist()]
    else:
        origins = [name] * len(years)
    why = np.where(ev.join, 0, np.where(ev.rank == 3, 1,
                                        np.where(axes.igo_present[ev.i, ev.yi], 3, 2)))
    notes = [None if w == 0 else _WHY_LEAVE[w].format(y) for w, y in zip(why.tolist(), years)]
    roles = [cb.ROLE_OF_CODE[c] for c in ev.code.tolist()]
    return cowrows.claim_rows([axes.isos[k] for k in ev.k.tolist()],
                              [orgs[i] for i in ev.i.tolist()], roles, ev.join.tolist(),
                              years, notes, origins, SOURCE_ID)


_WHY_LEAVE = {1: "COW codes no membership in {}",
              2: "COW: the IGO does not exist in {}",
              3: "COW: the state is not in the state system in {}"}


def kept_cells(f: CowFile, axes: cp.Axes, roles: np.ndarray, own: np.ndarray,
               yi: np.ndarray):
    """The cells the claims do not give back, as runs (ioname index, ccode index, years, code)."""
    cols = np.arange(f.codes.shape[1])
    pred = cp.predict(axes, roles, f.layout, own, yi, cols)
    whole = cp.whole_rows(f.codes, own, yi, f.layout, len(axes.ionames), axes.n_years)
    r, c = np.nonzero(pred != f.codes)
    code = f.codes[r, c].astype(np.int64)
    if f.layout == cb.IGO_YEAR:
        i, s = own[r], c
    else:
        i, s = c, own[r]
    keep = ~whole[i, yi[r]]             # an IGO-year with no data at all is kept as one run
    i, s, y, code = i[keep], s[keep], yi[r][keep] + axes.y0, code[keep]
    order = np.lexsort((y, s, i))
    cells = cp.runs(i[order], s[order], y[order], code[order])
    wi, wy = np.nonzero(whole)
    rows = cp.runs(wi, np.full(len(wi), cp.ALL_STATES), wy + axes.y0,
                   np.full(len(wi), cb.MISSING))
    return tuple(np.concatenate([a_, b_]) for a_, b_ in zip(rows, cells))


def import_cow(store: Store, path: str | Path) -> ImportResult:
    """Import a COW IGO-year or state-year file; DataError (line, column) leaves the store as it was."""
    with no_cyclic_gc():
        return _import(store, Path(path))


def _import(store: Store, p: Path) -> ImportResult:
    """Read and derive everything, then write it in one transaction. What the panel keeps
    besides the claims is made in a second thread: the kept cells (numpy) while the
    claims are made, its rows while the database derives the spells (both let go of the
    GIL for most of that time)."""
    f = read(p)
    axes, own, yi = axes_of(f)
    ev = cp.events(cp.effective(axes, f.codes, f.layout, own, yi))
    source = _source(p, axes.y1)
    until = speaks_until(source.stated_as_of)
    new_orgs = [io for io in axes.ionames if cb.org_ids()[io].startswith(cb.prefix())]
    with ThreadPoolExecutor(max_workers=1) as pool:
        cells = pool.submit(_kept_rows, f, axes, ev, own, yi)
        claims = _claims(f, axes, ev, own, yi)
        with store.engine.begin() as conn:
            kept = _remove(conn)
            conn.execute(schema.sources.insert(), [source.row()])
            if new_orgs:
                conn.execute(schema.organizations.insert(), [_org_row(io) for io in new_orgs])
            set_meta(conn, "imported_orgs", json.dumps(sorted(
                set(kept) | {cb.org_ids()[io] for io in new_orgs})))
            cowrows.insert_claims(conn, claims, SOURCE_ID)
            rows = pool.submit(_axis_rows, f, axes, own)
            n_spells = cowrows.insert_spells(conn, SOURCE_ID, DATASET, source.precedence,
                                             source.stated_as_of, until)
            dialect.insert_many(conn, "complete_voices",
                                ["voice", "org", "precedence", "speaks_until"],
                                [(DATASET, o, source.precedence, until)
                                 for o in sorted({c[2] for c in claims})])
            _write_panel(conn, f, axes, rows.result(), cells.result())
    return ImportResult(str(p), f.layout, len(axes.ionames), len(axes.ccodes),
                        f"{axes.y0}-{axes.y1}", len(claims), n_spells, len(cells.result()),
                        len(new_orgs))


def _org_row(io: str) -> dict:
    igo = cb.igos()[io]
    return {"id": cb.org_ids()[io], "name": igo.orgname, "type": "igo", "parent": None,
            "aliases": json.dumps([a for a in dict.fromkeys([io, igo.longorgname]) if a])}


def _remove(conn) -> list[str]:
    """Take out an earlier COW import: its claims, spells, panel and organizations; the
    imported organizations that stay (the caller writes meta `imported_orgs` once)."""
    old = imported_orgs(conn)
    cow_orgs = [o for o in old if o.startswith(cb.prefix())]
    conn.execute(delete(schema.claims).where(schema.claims.c.source_id == SOURCE_ID))
    conn.execute(delete(schema.sources).where(schema.sources.c.id == SOURCE_ID))
    conn.execute(delete(schema.spells).where(schema.spells.c.voice == DATASET))
    conn.execute(delete(schema.complete_voices).where(schema.complete_voices.c.voice == DATASET))
    conn.execute(delete(schema.cow_rows))
    conn.execute(delete(schema.cow_cells))
    if cow_orgs:
        conn.execute(delete(schema.organizations).where(schema.organizations.c.id.in_(cow_orgs)))
    return [o for o in old if o not in cow_orgs]


def _column(values: list[str]) -> str | list[str]:
    """One key's values of a column: one value when all its rows have it (COW repeats an
    IGO's name and dates on every year), else the list."""
    return values[0] if values.count(values[0]) == len(values) else values


def _axis_rows(f: CowFile, axes: cp.Axes, own: np.ndarray) -> list[tuple]:
    """The `cow_rows` of both axes: one per IGO and per state, its years as a list, and
    for the file's own axis the place and other columns of its rows (column-wise)."""
    own_axis = "igo" if f.layout == cb.IGO_YEAR else "state"
    keys = [str(k) for k in dict.fromkeys(f.row_keys)]
    order = np.argsort(own, kind="stable")          # file rows grouped by key, in file order
    bounds = np.searchsorted(own[order], np.arange(len(keys) + 1))
    years, order_ = f.years[order].tolist(), order.tolist()
    columns = {h: [v[r] for r in order_] for h, v in f.others.items()}
    rows = []
    for n, key in enumerate(keys):
        a, b = int(bounds[n]), int(bounds[n + 1])
        rows.append((own_axis, key, json.dumps(years[a:b]), json.dumps(order_[a:b]),
                     json.dumps({h: _column(v[a:b]) for h, v in columns.items()},
                                ensure_ascii=False)))
    if f.layout == cb.IGO_YEAR:
        other, other_keys, present = "state", axes.ccodes, axes.state_present
    else:
        other, other_keys, present = "igo", axes.ionames, axes.igo_present
    for n, key in enumerate(other_keys):
        present_years = (np.nonzero(present[n])[0] + axes.y0).tolist()
        if present_years:
            rows.append((other, str(key), json.dumps(present_years), None, None))
    return rows


def _kept_rows(f: CowFile, axes: cp.Axes, ev: cp.Events, own: np.ndarray,
               yi: np.ndarray) -> list[tuple]:
    """The `cow_cells`: runs of the cells the claims do not give back."""
    i, s, ya, yb, code = kept_cells(f, axes, cp.held_cube(axes, ev), own, yi)
    return [(axes.ionames[a_], cp.ALL_STATES if b_ == cp.ALL_STATES else axes.ccodes[b_],
             c_, d_, None if e_ == cp.EMPTY else e_)
            for a_, b_, c_, d_, e_ in zip(i.tolist(), s.tolist(), ya.tolist(), yb.tolist(),
                                          code.tolist())]


def _write_panel(conn, f: CowFile, axes: cp.Axes, rows: list[tuple],
                 cells: list[tuple]) -> None:
    """The panel besides the claims, and what the export needs to lay the file out again
    (meta `cow_import`)."""
    dialect.insert_many(conn, "cow_rows", ["axis", "key", "years", "pos", "data"], rows)
    dialect.insert_many(conn, "cow_cells", ["ioname", "ccode", "year_from", "year_to", "code"],
                        cells)
    set_meta(conn, META_KEY, json.dumps({
        "layout": f.layout, "file": Path(f.path).name, "header": f.header,
        "ionames": axes.ionames, "ccodes": axes.ccodes, "years": [axes.y0, axes.y1]}))
