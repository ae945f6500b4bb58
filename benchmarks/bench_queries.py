"""Speed of the as-of queries on a synthetic store at ten times real scale, side by side
with a naive pandas full-scan baseline measured in the same run.

    .venv/bin/python benchmarks/bench_queries.py [--scale 1.0] [--seed 20240415]

Not a test: it prints figures and the targets beside them and asserts nothing about time.
See benchmarks/README.md for what each figure is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from textable import table  # noqa: E402

PY = sys.executable
BLOCS = str(Path(PY).with_name("blocs"))
N_QUERIES = 200
N_MATRIX = 20
MATRIX_ORGS = 50
CLI_RUNS = 10
CLI_DAY = "2010-04-15"


# ---------------------------------------------------------------- helpers

def _rss_mb(ru) -> float:
    return ru.ru_maxrss / 1024          # Linux: kilobytes


def _self_peak_mb() -> float:
    return _rss_mb(resource.getrusage(resource.RUSAGE_SELF))


def run_child(argv: list[str]) -> tuple[float, int, bytes]:
    """Wall time (s), exit code and stdout of one child process."""
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, p.returncode, p.stdout


def child_peak_mb(argv: list[str]) -> float | None:
    """Peak RSS of one run of `argv`, by /usr/bin/time -f %M. (getrusage or wait4 from
    here would not do: a child forked from this large process keeps its high-water mark
    across exec, so even `python -c pass` would look as big as this benchmark.)"""
    import tempfile

    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, *argv],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(f.read().split()[-1]) / 1024


def timed(fn, args_list: list[tuple], digest) -> tuple[list[float], list[str]]:
    """Milliseconds per call over `args_list` (after one untimed warm-up call), and a
    digest of each answer. Only the digest (one string) is kept: holding on to every
    answer's objects would grow this process's heap and make the garbage collector's
    full passes, landing inside later timings, the benchmark's own artefact."""
    fn(*args_list[0])
    times, digests = [], []
    for args in args_list:
        t0 = time.perf_counter_ns()
        r = fn(*args)
        times.append((time.perf_counter_ns() - t0) / 1e6)
        digests.append(digest(r))
    return times, digests


def blocs_digest(records) -> str:
    """(state, org, role) of every record that holds a role, in one sorted string."""
    return "\n".join(sorted(f"{m.state} {m.org} {m.role}" for m in records if m.role))


def records_digest(rows) -> str:
    return "\n".join(sorted(f"{r['state']} {r['org']} {r['role']}" for r in rows))


def pivot_digest(frame) -> str:
    return "\n".join(sorted(f"{s} {o} {v}" for (s, o), v in frame.stack().items()))


def pct(xs: list[float], q: float) -> float:
    """The q-th percentile (nearest rank on sorted samples, interpolated)."""
    s = sorted(xs)
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def fmt_ms(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.3f} ms" if x < 10 else f"{x:.1f} ms"


def random_days(rng: random.Random, n: int) -> list[date]:
    span = (synthetic.LAST_DAY - synthetic.FIRST_DAY).days
    return [synthetic.FIRST_DAY + timedelta(days=rng.randrange(span + 1)) for _ in range(n)]


# ---------------------------------------------------------------- the store

def ensure_store(scale: float, seed: int) -> tuple[Path, dict]:
    """The cached synthetic store; generated in a child process when missing, so this
    process's peak RSS is the benchmark's own and the generator's is reported apart."""
    path = synthetic.store_path(scale, seed)
    meta = Path(str(path) + ".json")
    if path.exists() and meta.exists():
        info = json.loads(meta.read_text())
        info["cached"] = True
        synthetic.pin(path)
        return path, info
    print(f"generating {path.name} (scale {scale:g}) ...", flush=True)
    rc = subprocess.run([PY, str(HERE / "synthetic.py"), "--scale", str(scale),
                         "--seed", str(seed), "--force"], stdout=subprocess.DEVNULL).returncode
    if rc != 0:
        sys.exit(f"the generator failed (exit {rc})")
    info = json.loads(meta.read_text())
    info["cached"] = False
    return path, info


# ---------------------------------------------------------------- the pandas baseline

def load_frame(path: Path):
    """Every spell, with state and organization names joined in, as one DataFrame.
    Ids as categoricals and days as datetime64: a fair, not a crippled, full scan."""
    import sqlite3

    import pandas as pd

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    df = pd.read_sql_query(
        "SELECT sp.state, st.name AS state_name, sp.org, o.name AS org_name, sp.role, "
        "sp.frozen, sp.start, sp.start_lo, sp.end, sp.end_hi, sp.voice, sp.source_ids "
        "FROM spells sp JOIN states st ON st.id = sp.state "
        "JOIN organizations o ON o.id = sp.org", con)
    con.close()
    for c in ("state", "org", "role", "voice"):
        df[c] = df[c].astype("category")
    df["start_lo"] = pd.to_datetime(df["start_lo"])
    df["end_hi"] = pd.to_datetime(df["end_hi"].fillna("2200-01-01"))
    return df


_OUT_COLS = ["state", "state_name", "org", "org_name", "role", "frozen", "start", "end",
             "source_ids"]


def pandas_members(df, org: str, day):
    m = (df["org"] == org) & (df["start_lo"] <= day) & (df["end_hi"] > day) & (df["role"] != "none")
    return df.loc[m, _OUT_COLS].sort_values(["role", "state"]).to_dict("records")


def pandas_memberships(df, state: str, day):
    m = (df["state"] == state) & (df["start_lo"] <= day) & (df["end_hi"] > day) & (df["role"] != "none")
    return df.loc[m, _OUT_COLS].sort_values("org").to_dict("records")


def pandas_matrix(df, orgs: list[str], day):
    m = df["org"].isin(orgs) & (df["start_lo"] <= day) & (df["end_hi"] > day) & (df["role"] != "none")
    sub = df.loc[m, ["state", "org", "role"]].astype({"state": str, "org": str, "role": str})
    return sub.drop_duplicates(["state", "org"]).pivot(index="state", columns="org",
                                                       values="role").reindex(columns=orgs)


# ---------------------------------------------------------------- the run

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 events")
    ap.add_argument("--seed", type=int, default=20240415)
    a = ap.parse_args(argv)

    path, info = ensure_store(a.scale, a.seed)
    n_states, n_orgs, _ = synthetic.sizes(a.scale)
    print(f"store: {path}  ({info['size_mb']} MB)")
    print(f"  {info['states']} states, {info['organizations']} organizations, "
          f"{info['claims']:,} membership claims -> {info['spells']:,} spells")
    print(f"  generation{' (cached; figures from when it was built)' if info['cached'] else ''}: "
          f"claims made {info['make_claims_s']} s, insert_claims {info['insert_claims_s']} s, "
          f"rederive {info['rederive_s']} s, total {info['total_s']} s, "
          f"generator peak RSS {info['peak_rss_mb']} MB")

    from blocs.queries import matrix, members, memberships
    from blocs.store import open_store

    store = open_store(str(path))
    rng = random.Random(a.seed + 1)
    org_ids = [f"O{i:04d}" for i in range(n_orgs)]
    states = synthetic.state_ids()
    m_args = [(store, o, d) for o, d in zip((rng.choice(org_ids) for _ in range(N_QUERIES)),
                                            random_days(rng, N_QUERIES))]
    s_args = [(store, s, d) for s, d in zip((rng.choice(states) for _ in range(N_QUERIES)),
                                            random_days(rng, N_QUERIES))]
    x_args = [(store, rng.sample(org_ids, MATRIX_ORGS), d) for d in random_days(rng, N_MATRIX)]

    print("\ntiming blocs ...", flush=True)
    b_mem, r_mem = timed(members, m_args, blocs_digest)
    b_ship, r_ship = timed(memberships, s_args, blocs_digest)
    b_mat, r_mat = timed(matrix, x_args, blocs_digest)
    peak_blocs = _self_peak_mb()

    print("loading the pandas frame (not timed in the queries) ...", flush=True)
    import pandas as pd

    t0 = time.perf_counter()
    df = load_frame(path)
    load_s = time.perf_counter() - t0
    ts = pd.Timestamp
    p_mem, q_mem = timed(pandas_members, [(df, o, ts(d)) for _, o, d in m_args], records_digest)
    p_ship, q_ship = timed(pandas_memberships, [(df, s, ts(d)) for _, s, d in s_args],
                           records_digest)
    p_mat, q_mat = timed(pandas_matrix, [(df, o, ts(d)) for _, o, d in x_args], pivot_digest)
    peak_all = _self_peak_mb()

    # the two sides must give the same answers, or the comparison means nothing
    bad = sum(b != p for b, p in zip(r_mem + r_ship + r_mat, q_mem + q_ship + q_mat))

    def n(d: str) -> int:
        return d.count("\n") + 1 if d else 0
    sizes_m, sizes_s, sizes_x = [n(d) for d in r_mem], [n(d) for d in r_ship], [n(d) for d in r_mat]

    def row(name, b, p, target):
        return [name, fmt_ms(pct(b, 50)), fmt_ms(pct(b, 99)), fmt_ms(pct(p, 50)),
                fmt_ms(pct(p, 99)), f"{pct(p, 50) / pct(b, 50):.1f}x", target]

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    mem_ok = pct(b_mem, 50) < 1 and pct(p_mem, 50) / pct(b_mem, 50) >= 20
    mat_ok = pct(b_mat, 50) < 100
    rows = [
        row(f"members(org, day)      x{N_QUERIES}", b_mem, p_mem,
            f"p50 < 1 ms and >= 20x: {verdict(mem_ok)}"),
        row(f"memberships(state, day) x{N_QUERIES}", b_ship, p_ship, "-"),
        row(f"matrix(250 x {MATRIX_ORGS}, day) x{N_MATRIX}", b_mat, p_mat,
            f"p50 < 100 ms: {verdict(mat_ok)}"),
    ]
    print()
    print(table(["query", "blocs p50", "blocs p99", "pandas p50", "pandas p99", "speed-up",
                 "target"], rows))
    print(f"answers: members {statistics.median(sizes_m):g} states (median, max {max(sizes_m)}), "
          f"memberships {statistics.median(sizes_s):g} orgs (max {max(sizes_s)}), "
          f"matrix {statistics.median(sizes_x):g} cells; blocs and pandas disagree on "
          f"{bad} of {len(r_mem) + len(r_ship) + len(r_mat)} answers")
    print(f"pandas frame: {len(df):,} spells loaded in {load_s:.1f} s (not counted above)")

    # ------------------------------------------------------------ whole processes
    print("\ntiming the CLI process ...", flush=True)
    cli = [BLOCS, "members", "CSTO", "--on", CLI_DAY, "--db", str(path), "--format", "json"]
    runs = [run_child(cli) for _ in range(CLI_RUNS + 1)][1:]     # first run warms the page cache
    bad_cli = [r for r in runs if r[1] != 0]
    if bad_cli:
        print(f"  the CLI failed (exit {bad_cli[0][1]})")
    answer = json.loads(runs[-1][2]) if not bad_cli else []
    bare_cmd = [PY, "-c", "pass"]
    imp_cmd = [PY, "-c", "import blocs.cli.app, blocs.queries, blocs.store, blocs.reference"]
    bare = [run_child(bare_cmd) for _ in range(CLI_RUNS)]
    imp = [run_child(imp_cmd) for _ in range(CLI_RUNS)]
    peaks = {"cli": child_peak_mb(cli), "bare": child_peak_mb(bare_cmd),
             "imp": child_peak_mb(imp_cmd)}

    def prow(name, rs, peak, target):
        w = [r[0] * 1000 for r in rs]
        return [name, fmt_ms(statistics.median(w)), fmt_ms(min(w)),
                "-" if peak is None else f"{peak:.0f} MB", target]

    cli_med = statistics.median(r[0] for r in runs) * 1000
    print(table(["process", "median", "min", "peak RSS", "target"], [
        prow(f"blocs members CSTO --on {CLI_DAY} x{CLI_RUNS}", runs, peaks["cli"],
             f"median < 300 ms: {verdict(cli_med < 300)}"),
        prow(f"python -c pass (baseline) x{CLI_RUNS}", bare, peaks["bare"], "-"),
        prow(f"python -c 'import <what the CLI imports>' x{CLI_RUNS}", imp, peaks["imp"], "-"),
    ]))
    print(f"CLI answer: {len(answer)} members ({', '.join(m['state'] for m in answer)})")

    print("\npeak memory (RSS):")
    print(f"  benchmark process after the blocs queries: {peak_blocs:.0f} MB")
    print(f"  benchmark process with the pandas frame:  {peak_all:.0f} MB")
    print(f"  one CLI process (/usr/bin/time -f %M):    "
          f"{'-' if peaks['cli'] is None else format(peaks['cli'], '.0f')} MB")
    print(f"  the generator (when it built the store):  {info['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
