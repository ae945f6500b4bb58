"""Speed of the COW import and export at real scale, each beside plain pandas on the same
files in the same run, and of a 534-IGO matrix query.

    .venv/bin/python benchmarks/bench_cow.py [--data ../shared/data/cow-igo-v3] [--runs 5]
                                             [--db postgresql+psycopg://...]

Not a test: it prints figures and the targets beside them and asserts nothing about time.
See benchmarks/README.md for what each figure is.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cow-igo-v3"
DAY = "2010-04-15"


def timed(fn, runs: int) -> tuple[float, list[float], object]:
    """Median wall time of `runs` calls (seconds), every time, and the last result."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result


def fresh_store(url: str | None, folder: Path, n: int):
    """A store with the reference data built (untimed), and nothing imported."""
    from blocs.reference.build import build
    from blocs.store import open_store

    if url:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"blocs_bench_cow_{os.getpid()}_{n}"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        db = make_url(url).set(database=name).render_as_string(hide_password=False)
    else:
        db = str(folder / f"bench-{n}.db")
    store = open_store(db)
    build(store)
    return store


def row(name: str, blocs_s: float, base_s: float, target: float, unit: str = "s") -> str:
    ratio = blocs_s / base_s
    ok = "met" if ratio <= target else f"MISSED by {ratio / target:.2f}x"
    return (f"| {name:<34} | {blocs_s:8.2f} {unit} | {base_s:8.2f} {unit} | {ratio:5.2f}x "
            f"| within {target:g}x: {ok} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", help="a PostgreSQL server URL (default: SQLite files in a temp folder)")
    args = ap.parse_args()
    igo_file = args.data / "igo_year_format3.csv.gz"
    sy_file = args.data / "state_year_format3.csv.gz"
    if not igo_file.exists():
        sys.exit(f"COW data not found: {igo_file}")
    os.environ.setdefault("BLOCS_CORPUS", str(ROOT.parent / "shared" / "corpus"))

    import pandas as pd

    import blocs.interop.cow  # noqa: F401  (modules loaded before timing, like pandas)
    import blocs.interop.exports.cowcsv  # noqa: F401
    from blocs import queries
    from blocs.interop.cow import import_cow
    from blocs.interop.exports import Scope, export

    folder = Path(tempfile.mkdtemp(prefix="bench-cow-"))
    print(f"# COW import/export: {igo_file.name} ({igo_file.stat().st_size:,} bytes), "
          f"{args.runs} runs each after one untimed warm-up run of each side, store: "
          f"{'PostgreSQL' if args.db else 'SQLite'}, python {sys.version.split()[0]}, "
          f"pandas {pd.__version__}\n")

    # import: blocs into a store that holds only the reference data; pandas reads the file.
    # Each side's first run in a process pays one-off costs (memory first touched, lazy
    # set-up in numpy, Arrow and pandas): it is timed, printed, and left out of the median.
    stores = [fresh_store(args.db, folder, n) for n in range(args.runs + 1)]
    pd_cold, _, _ = timed(lambda: pd.read_csv(igo_file), 1)
    pd_read, pd_read_all, frame = timed(lambda: pd.read_csv(igo_file), args.runs)
    it = iter(stores)
    imp_cold, _, _ = timed(lambda: import_cow(next(it), igo_file), 1)
    imp, imp_all, result = timed(lambda: import_cow(next(it), igo_file), args.runs)
    store = stores[-1]

    # export: the state-year panel, beside pandas writing the state-year file it read
    sy = pd.read_csv(sy_file)
    results = {}
    for suffix in (".csv", ".csv.gz"):
        n = iter(range(100))
        pd_w, pd_w_all, _ = timed(lambda: sy.to_csv(folder / f"pd-{next(n)}{suffix}",
                                                    index=False), args.runs)
        m = iter(range(100))
        ex, ex_all, res = timed(lambda: export(store, "cow-state-year", folder / f"b-{next(m)}{suffix}",
                                               Scope(source="cow")), args.runs)
        results[suffix] = (ex, pd_w, ex_all, pd_w_all, res)

    # the 534-IGO matrix on a day, and a pandas full scan of the spells for context
    with store.engine.connect() as conn:
        from sqlalchemy import select

        from blocs.store import schema
        sp = schema.spells.c
        orgs = sorted({r[0] for r in conn.execute(select(sp.org).where(sp.voice == "cow")
                                                  .distinct())})
        all_orgs = blocs.interop.codebook.org_ids()
        spells = pd.read_sql(select(sp.state, sp.org, sp.role, sp.start_lo, sp.end_hi,
                                    sp.voice), conn)
    org_ids = sorted(set(all_orgs.values()))
    queries.matrix(store, org_ids, DAY)           # warm-up
    mx, mx_all, cells = timed(lambda: queries.matrix(store, org_ids, DAY), 20)

    def scan():
        m = spells[spells.org.isin(org_ids) & (spells.start_lo <= DAY)
                   & (spells.end_hi.isna() | (spells.end_hi > DAY))]
        return m.pivot_table(index="state", columns="org", values="role", aggfunc="first")
    pscan, _, _ = timed(scan, 20)

    print("| step                               |     blocs  |    pandas  | ratio | target |")
    print("|------------------------------------|------------|------------|-------|--------|")
    print(row("import IGO-year file (read)", imp, pd_read, 3))
    for suffix, (ex, pd_w, *_rest) in results.items():
        print(row(f"export state-year panel ({suffix})", ex, pd_w, 2))
    print(f"| matrix, {len(org_ids)} organizations, {DAY}  | {mx * 1000:8.1f} ms | "
          f"{pscan * 1000:8.1f} ms |       | under 200 ms: "
          f"{'met' if mx < 0.2 else f'MISSED by {mx / 0.2:.2f}x'} |")
    print()
    print(f"import: {result.claims:,} claims, {result.spells:,} spells, {result.kept_runs:,} "
          f"kept cell runs, {result.organizations_added} organizations added; "
          f"{result.igos} IGOs x {result.states} states, {result.years}")
    print(f"  blocs runs (s): {', '.join(f'{t:.2f}' for t in imp_all)}; pandas read: "
          f"{', '.join(f'{t:.2f}' for t in pd_read_all)}")
    print(f"  first (warm-up) run of each: blocs {imp_cold:.2f} s, pandas {pd_cold:.2f} s "
          f"({imp_cold / pd_cold:.2f}x)")
    for suffix, (ex, pd_w, ex_all, pd_w_all, res) in results.items():
        print(f"export {suffix}: {res.rows:,} rows; blocs runs (s): "
              f"{', '.join(f'{t:.2f}' for t in ex_all)}; pandas to_csv: "
              f"{', '.join(f'{t:.2f}' for t in pd_w_all)}")
    print(f"matrix: {len(cells):,} non-empty cells ({len(orgs)} COW IGOs with members, "
          f"{len(org_ids)} ids asked); pandas: every spell in one frame, a mask and a pivot")
    print(f"(frame read: {frame.shape[0]:,} rows x {frame.shape[1]} columns; run on {date.today()})")
    for st in stores:
        st.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
