"""COW's layouts as CSV (`cow-state-year`, `cow-igo-year`) and a dyad-year file of joint
memberships. Codes and column names are COW's, so R and Stata scripts written for COW's
files run on these unchanged; a target ending in `.gz` is written gzip-compressed."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ...store import Store
from .. import codebook as cb
from ..cowfile import EMPTY
from ..panel import Panel, panel
from . import Scope


def _sink(tmp: Path, target: Path):
    import pyarrow as pa

    if target.suffix == ".gz":
        return pa.CompressedOutputStream(str(tmp), "gzip")
    return pa.OSFile(str(tmp), "wb")


def write_panel(p: Panel, tmp: Path, target: Path) -> int:
    """The panel as CSV: COW's header as is, codes as whole numbers, an empty cell empty."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    codes = np.asfortranarray(p.codes)
    col_of = {name: j for j, name in enumerate(p.code_columns)}
    arrays = []
    for name in p.header:
        if name in col_of:
            c = codes[:, col_of[name]]
            empty = c == EMPTY
            arrays.append(pa.array(c, type=pa.int8(), mask=empty if empty.any() else None))
        elif name in ("ccode", "year"):
            arrays.append(pa.array(p.values[name], type=pa.int64()))
        else:
            arrays.append(pa.array(p.values[name], type=pa.string()))
    table = pa.Table.from_arrays(arrays, names=[f"c{n}" for n in range(len(p.header))])
    with _sink(tmp, target) as out:
        out.write((",".join(p.header) + "\n").encode("utf-8"))
        pacsv.write_csv(table, out, write_options=pacsv.WriteOptions(
            include_header=False, quoting_style="needed"))
    return p.n_rows


def state_year(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return write_panel(panel(store, cb.STATE_YEAR, scope.source, scope.years(), scope.orgs),
                       tmp, target)


def igo_year(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return write_panel(panel(store, cb.IGO_YEAR, scope.source, scope.years(), scope.orgs),
                       tmp, target)


DYAD_COLUMNS = ["year", "org", "ccode1", "ccode2", "state1", "state2", "status1", "status2"]


def dyads(p: Panel, order: np.ndarray):
    """Per organization and year, every pair of states both members (COW codes 1 or 2: a
    role that counts as membership) on 31 December; yields column arrays in batches.

    `order`: the panel's rows sorted by year, then ccode, so each organization's member
    rows come out grouped by year and each pair with ccode1 < ccode2."""
    years = np.array(p.row_years)[order]
    ccodes = np.array(p.values["ccode"])[order]
    codes = p.codes[order]
    states = np.array([cb.state_id(c, y) or "" for c, y in zip(ccodes.tolist(), years.tolist())],
                      dtype=object)
    member = (codes == 1) | (codes == 2)
    for j, org in enumerate(p.keys):
        rows = np.nonzero(member[:, j])[0]
        if len(rows) < 2:
            continue
        for r in np.split(rows, np.nonzero(np.diff(years[rows]))[0] + 1):
            if len(r) < 2:
                continue
            a, b = np.triu_indices(len(r), k=1)
            ra, rb = r[a], r[b]
            yield {"year": np.full(len(ra), int(years[r[0]])), "org": [org] * len(ra),
                   "ccode1": ccodes[ra], "ccode2": ccodes[rb],
                   "state1": states[ra], "state2": states[rb],
                   "status1": codes[ra, j].astype(np.int64),
                   "status2": codes[rb, j].astype(np.int64)}


def dyad_year(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    """year, org, ccode1 < ccode2, their ISO ids and COW codes; sorted by org, then year."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    p = panel(store, cb.STATE_YEAR, scope.source, scope.years(), scope.orgs)
    order = np.lexsort((np.array(p.values["ccode"]), np.array(p.row_years)))
    schema = pa.schema([("year", pa.int64()), ("org", pa.string()), ("ccode1", pa.int64()),
                        ("ccode2", pa.int64()), ("state1", pa.string()),
                        ("state2", pa.string()), ("status1", pa.int64()),
                        ("status2", pa.int64())])
    n = 0
    with _sink(tmp, target) as out:
        out.write((",".join(DYAD_COLUMNS) + "\n").encode("utf-8"))
        with pacsv.CSVWriter(out, schema, write_options=pacsv.WriteOptions(
                include_header=False, quoting_style="needed")) as w:
            for batch in dyads(p, order):
                w.write_table(pa.table(batch, schema=schema))
                n += len(batch["year"])
    return n
