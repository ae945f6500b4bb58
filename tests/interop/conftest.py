"""COW files for the interop tests: slices of the real COW IGO v3 files (read by path from
../shared/data/cow-igo-v3, never copied into the repository), and stores with them imported."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from blocs.interop.cow import import_cow
from blocs.reference.build import build
from blocs.store import open_store

from ..conftest import SHARED, fresh_db

COW = SHARED / "data" / "cow-igo-v3"
IGO_YEAR = COW / "igo_year_format3.csv.gz"
STATE_YEAR = COW / "state_year_format3.csv.gz"

needs_cow = pytest.mark.skipif(not IGO_YEAR.exists(), reason=f"COW data not found at {COW}")


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, list(reader)


_cache: dict[Path, tuple[list[str], list[list[str]]]] = {}


def real(path: Path) -> tuple[list[str], list[list[str]]]:
    if path not in _cache:
        _cache[path] = _rows(path)
    return _cache[path]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def igo_slice(path: Path, ionames: set[str], states: list[str] | None = None) -> Path:
    """The real IGO-year file's rows for `ionames`, all its columns or only some states."""
    header, rows = real(IGO_YEAR)
    first = header.index("sdate")
    keep = list(range(len(header))) if states is None else \
        [0, 1, 2] + [header.index(s) for s in states] + list(range(first, len(header)))
    out = [[r[j] for j in keep] for r in rows if r[0] in ionames]
    return write_csv(path, [header[j] for j in keep], out)


def state_slice(path: Path, states: set[str], igos: list[str] | None = None) -> Path:
    """The real state-year file's rows for `states`, all its IGO columns or only some."""
    header, rows = real(STATE_YEAR)
    keep = list(range(len(header))) if igos is None else [0, 1, 2] + [header.index(i) for i in igos]
    out = [[r[j] for j in keep] for r in rows if r[2] in states]
    return write_csv(path, [header[j] for j in keep], out)


@pytest.fixture(scope="session")
def cow_store(tmp_path_factory: pytest.TempPathFactory):
    """The shipped reference data with the full COW state-year file imported (read only)."""
    if not STATE_YEAR.exists():
        pytest.skip(f"COW data not found at {COW}")
    import os

    os.environ.setdefault("BLOCS_CORPUS", str(SHARED / "corpus"))
    store = open_store(fresh_db(tmp_path_factory.mktemp("cow"), "cow"))
    build(store)
    import_cow(store, STATE_YEAR)
    return store
