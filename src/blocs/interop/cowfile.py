"""Reading a COW IGO v3 file (IGO-year or state-year, plain or .gz) into arrays, checked
against the codebook.

A good file takes the fast path (Arrow's CSV reader, then array checks); when Arrow
refuses a file, a line-by-line pass finds the first problem, so every error names the
line and the column, e.g. `igo.csv, line 12, field 'russia': '7.0' is not a COW status
code`. Nothing is written anywhere here: the importer calls this before touching a store.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from ..errors import DataError
from . import codebook as cb

EMPTY = 9          # an empty cell (a state outside the system, in the IGO-year file)


@dataclass
class CowFile:
    """One COW file: a code matrix of rows x columns and what labels them.

    IGO-year: rows are (ioname, year), columns states (ccodes). State-year: rows are
    (ccode, year), columns IGOs (ionames). `codes` holds COW's codes as small ints, an
    empty cell as EMPTY. `others` keeps the other columns exactly as written (made into
    Python strings when first asked for: only the panel needs them)."""

    path: str
    layout: str
    header: list[str]
    row_keys: list            # ioname (IGO-year) or ccode (state-year) of each row
    years: np.ndarray         # int, per row
    col_keys: list            # ccode (IGO-year) or ioname (state-year) of each code column
    codes: np.ndarray         # int8, rows x code columns
    other_columns: dict = field(default_factory=dict)   # name -> Arrow column, as written

    @property
    def n_rows(self) -> int:
        return len(self.row_keys)

    @cached_property
    def others(self) -> dict[str, list[str]]:
        return {h: column.to_pylist() for h, column in self.other_columns.items()}


def _layout(path: str, header: list[str]) -> str:
    if "ioname" in header and "year" in header:
        return cb.IGO_YEAR
    if {"ccode", "year", "state"} <= set(header):
        return cb.STATE_YEAR
    raise DataError(path, 1, None, "not a COW IGO v3 file: an IGO-year file has the columns "
                    "ioname and year, a state-year file ccode, year and state")


def _check_header(path: str, header: list[str]) -> str:
    layout = _layout(path, header)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(path, 1, name, "the column appears twice")
        seen.add(name)
    if layout == cb.IGO_YEAR:
        known = {"ioname", "orgname", "year", *cb.IGO_META, *cb.state_columns()}
        what = "a COW state column or IGO-year field"
    else:
        known = {"ccode", "year", "state", *cb.ioname_of_column()}
        what = "a COW IGO (ioname in lower case)"
    for name in header:
        if name not in known:
            raise DataError(path, 1, name, f"unknown column: not {what} of COW IGO v3")
    return layout


def _code_columns(layout: str, header: list[str]) -> list[str]:
    if layout == cb.IGO_YEAR:
        states = cb.state_columns()
        return [h for h in header if h in states]
    return [h for h in header if h not in ("ccode", "year", "state")]


def _open_text(path: Path):
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def read_header(path: Path) -> list[str]:
    try:
        with _open_text(path) as fh:
            return next(csv.reader(fh), [])
    except FileNotFoundError:
        raise DataError(str(path), None, None, "no such file") from None
    except (OSError, UnicodeDecodeError, EOFError, csv.Error) as e:
        raise DataError(str(path), None, None, f"cannot read: {e}") from None


def read(path: str | Path) -> CowFile:
    """Read and check a COW IGO-year or state-year file; DataError names line and column."""
    p = Path(path)
    header = read_header(p)
    if not header:
        raise DataError(str(p), None, None, "the file is empty")
    layout = _check_header(str(p), header)
    cols = _code_columns(layout, header)
    try:
        table = _arrow_read(p, header, cols)
    except Exception as e:          # Arrow's own parse errors: find the line ourselves
        _scan(p, header, layout, cols)
        raise DataError(str(p), None, None, f"cannot read as CSV: {e}") from None
    return _from_table(p, header, layout, cols, table)


def _arrow_read(path: Path, header: list[str], cols: list[str]):
    import pyarrow as pa
    from pyarrow import csv as pacsv

    types = {h: pa.string() for h in header}
    for h in (*cols, "year", *(["ccode"] if "ccode" in header else [])):
        types[h] = pa.float64()
    return pacsv.read_csv(
        path, read_options=pacsv.ReadOptions(block_size=1 << 22),    # 4 MB: parsed in parallel
        convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=False,
                                             quoted_strings_can_be_null=False))


_VALID = np.zeros(256, dtype=bool)          # COW's codes, looked up by the int8's byte
_VALID[np.array(cb.CODES, dtype=np.int8).view(np.uint8)] = True


def _from_table(path: Path, header: list[str], layout: str, cols: list[str], table) -> CowFile:
    name = str(path)
    n = table.num_rows
    if n == 0:
        raise DataError(name, None, None, "the file has no rows")
    years = _integers(name, _floats(table.column("year")), "year")
    codes = _codes(path, header, layout, cols, table)
    others = [h for h in header if h not in cols and h != "year"]
    if layout == cb.IGO_YEAR:
        row_keys = table.column("ioname").to_pylist()
        known = cb.igos()
        for r, io_ in enumerate(row_keys):
            if io_ not in known:
                raise DataError(name, r + 2, "ioname", f"unknown IGO {io_!r}: not in COW IGO v3")
        col_keys = [cb.state_columns()[c] for c in cols]
        others.remove("ioname")
    else:
        row_keys = _integers(name, _floats(table.column("ccode")), "ccode").tolist()
        col_keys = [cb.ioname_of_column()[c] for c in cols]
        for r, cc in enumerate(row_keys):
            if cc not in cb.column_of_ccode():
                raise DataError(name, r + 2, "ccode", f"unknown COW state number {cc}")
        others.remove("ccode")
    _no_repeats(name, row_keys, years)
    return CowFile(name, layout, header, row_keys, years, col_keys, codes,
                   {h: table.column(h) for h in others})


def _codes(path: Path, header: list[str], layout: str, cols: list[str], table) -> np.ndarray:
    """The code columns as int8, rows x columns (an empty cell as EMPTY), checked column by
    column: a cell that is not a code is refused, and so is an empty one in a state-year
    file (in an IGO-year file it is a state outside the state system)."""
    codes = np.empty((table.num_rows, len(cols)), dtype=np.int8)
    for j, c in enumerate(cols):
        values = _floats(table.column(c))
        empty = np.isnan(values)
        values = np.where(empty, EMPTY, values)
        with np.errstate(invalid="ignore"):     # out of int8's range: caught as not equal
            column = values.astype(np.int8)
        bad = ~_VALID[column.view(np.uint8)] | (column != values)
        bad = bad & ~empty if layout == cb.IGO_YEAR else bad | empty
        if bad.any():
            _scan(path, header, layout, cols)   # the first bad cell in the file, as written
            r = int(np.argmax(bad))
            shown = "an empty cell" if empty[r] else repr(_number(values[r]))
            raise DataError(str(path), r + 2, c, f"{shown} is not a COW status code "
                            "(-9, -1, 0, 1, 2 or 3)")
        codes[:, j] = column
    return codes


def _floats(column) -> np.ndarray:
    """A float64 column as numpy, NaN where a cell is empty, read from Arrow's buffers
    (Arrow's own to_numpy loads pandas: a fifth of a second for a command)."""
    parts = []
    for chunk in column.chunks:
        validity, data = chunk.buffers()
        v = np.frombuffer(data, dtype=np.float64, count=len(chunk), offset=chunk.offset * 8)
        if validity is not None and chunk.null_count:
            bits = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), bitorder="little",
                                 count=chunk.offset + len(chunk))[chunk.offset:]
            v = np.where(bits.view(bool), v, np.nan)
        parts.append(v)
    return np.concatenate(parts) if parts else np.empty(0)


def _number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


def _integers(path: str, v: np.ndarray, column: str) -> np.ndarray:
    bad = np.isnan(v) | (v != np.round(v))
    if bad.any():
        r = int(np.argmax(bad))
        shown = "an empty cell" if np.isnan(v[r]) else repr(_number(v[r]))
        raise DataError(path, r + 2, column, f"{shown} is not a whole number")
    return v.astype(np.int64)


def _no_repeats(path: str, keys: list, years: np.ndarray) -> None:
    seen: dict[tuple, int] = {}
    for r, k in enumerate(zip(keys, years.tolist())):
        if k in seen:
            raise DataError(path, r + 2, "year", f"{k[0]} {k[1]} is already on line "
                            f"{seen[k] + 2}")
        seen[k] = r


def _scan(path: Path, header: list[str], layout: str, cols: list[str]) -> None:
    """The slow pass: raise the first problem with its line and column (if any is found)."""
    numeric = {*cols, "year", "ccode"}
    code_cols = set(cols)
    width = len(header)
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        next(reader, None)
        line = reader.line_num
        try:
            for row in reader:
                line_at = line + 1
                line = reader.line_num
                if len(row) < width:
                    raise DataError(str(path), line_at, header[len(row)],
                                    f"the row ends after {len(row)} of {width} columns")
                if len(row) > width:
                    raise DataError(str(path), line_at, None,
                                    f"the row has {len(row)} fields, the header {width}")
                for name, value in zip(header, row):
                    if name not in numeric:
                        continue
                    if value.strip() == "" and name in code_cols and layout == cb.IGO_YEAR:
                        continue
                    if value.strip() == "" and name in code_cols:
                        raise DataError(str(path), line_at, name, "an empty cell is not a COW "
                                        "status code (-9, -1, 0, 1, 2 or 3)")
                    try:
                        x = float(value)
                    except ValueError:
                        what = "is not a COW status code (-9, -1, 0, 1, 2 or 3)" \
                            if name in code_cols else "is not a number"
                        shown = "an empty cell" if not value.strip() else repr(value)
                        raise DataError(str(path), line_at, name, f"{shown} {what}") from None
                    if name in code_cols and x not in cb.CODES:
                        raise DataError(str(path), line_at, name, f"{value!r} is not a COW "
                                        "status code (-9, -1, 0, 1, 2 or 3)")
        except csv.Error as e:
            raise DataError(str(path), line + 1, None, f"not valid CSV: {e}") from None
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise DataError(str(path), line + 1, None, f"cannot read: {e}") from None
