"""Load on the HTTP API: 50 concurrent clients against the members and matrix endpoints
for 30 s on 127.0.0.1, beside a baseline measured in the same run (the same clients
against /api/v1/health, which touches no data).

    .venv/bin/python benchmarks/bench_api.py [--clients 50] [--seconds 30]
        [--baseline-seconds 10] [--workers 2] [--db PATH]

Not a test: it prints figures and the target beside them (p99 under 100 ms, no errors)
and asserts nothing about time. The server is `blocs serve`'s app under uvicorn in a
child process bound to 127.0.0.1 (access log off, as a production server behind a proxy
would run it); the clients are threads in this process, each with one keep-alive
connection (http.client), each sending its next request when the last one is answered.
Every loop is bounded by the clock and stops by itself; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta

ORGS = ["CIS", "CSTO", "EURASEC", "EAEU", "CU", "SCO", "GUAM", "CACO", "NATO", "EU",
        "ASEAN", "OSCE", "BRIC", "APEC"]
MATRIX_ORGS = "CIS,CSTO,EURASEC,EAEU,CU,SCO,GUAM,CACO"
FIRST, LAST = date(1990, 1, 1), date(2025, 12, 31)
TARGET_P99_MS = 100.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(db: str | None) -> str:
    """The shipped reference data in a fresh SQLite file (or the store given)."""
    if db:
        return db
    from blocs.reference import ensure_built
    from blocs.store import open_store

    path = os.path.join(tempfile.mkdtemp(prefix="blocs-bench-"), "blocs.db")
    ensure_built(open_store(path))
    return path


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "BLOCS_DB": db}
    env.pop("BLOCS_TOKEN", None)               # reads only: writes stay disabled
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "blocs.web.serve:app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--no-access-log", "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/v1/health")
            r = c.getresponse()
            r.read()
            c.close()
            if r.status == 200:
                time.sleep(2)           # the other worker finishes starting
                return proc
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def random_day(rng: random.Random) -> str:
    return (FIRST + timedelta(days=rng.randrange((LAST - FIRST).days))).isoformat()


def workload(kind: str, rng: random.Random) -> tuple[str, str]:
    """(label, path) of the next request."""
    if kind == "health":
        return "health", "/api/v1/health"
    if rng.random() < 0.5:
        return "members", f"/api/v1/organizations/{rng.choice(ORGS)}/members?on={random_day(rng)}"
    return "matrix", f"/api/v1/matrix?orgs={MATRIX_ORGS}&on={random_day(rng)}"


def run_load(port: int, kind: str, clients: int, seconds: float) -> dict[str, list]:
    """`clients` threads, each sending requests back to back until the time is up."""
    results: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(n: int) -> None:
        rng = random.Random(20240415 + n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: dict[str, list[float]] = {}
        bad: dict[str, int] = {}
        start.wait()
        while time.perf_counter() < stop_at[0]:
            label, path = workload(kind, rng)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = (time.perf_counter() - t0) * 1000
            mine.setdefault(label, []).append(elapsed)
            if not ok:
                bad[label] = bad.get(label, 0) + 1
        conn.close()
        with lock:
            for k, v in mine.items():
                results.setdefault(k, []).extend(v)
            for k, v in bad.items():
                errors[k] = errors.get(k, 0) + v

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + seconds
    start.wait()
    for t in threads:
        t.join(timeout=seconds + 30)
    return {k: (v, errors.get(k, 0)) for k, v in results.items()}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def row(label: str, times: list[float], errors: int, seconds: float) -> str:
    return (f"{label:<22}{len(times):>9}{len(times) / seconds:>9.0f}{statistics.median(times):>9.1f}"
            f"{pct(times, 90):>9.1f}{pct(times, 99):>9.1f}{max(times):>9.1f}{errors:>8}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--baseline-seconds", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", help="A built store (default: the reference data in a temp file).")
    args = ap.parse_args()

    db = build_store(args.db)
    port = free_port()
    server = start_server(db, port, args.workers)
    load1 = os.getloadavg()[0]
    try:
        cpu0 = time.process_time()
        base = run_load(port, "health", args.clients, args.baseline_seconds)
        cpu1 = time.process_time()
        load = run_load(port, "queries", args.clients, args.seconds)
        cpu2 = time.process_time()
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"{args.clients} clients, uvicorn with {args.workers} workers on 127.0.0.1, "
          f"{os.cpu_count()} cores; store {db}")
    print(f"{'':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}{'errors':>8}")
    times, errs = base["health"]
    print(row(f"health ({args.baseline_seconds:g} s, base)", times, errs, args.baseline_seconds))
    everything: list[float] = []
    total_errors = 0
    for label in ("members", "matrix"):
        times, errs = load.get(label, ([], 0))
        if times:
            print(row(f"{label} ({args.seconds:g} s)", times, errs, args.seconds))
        everything += times
        total_errors += errs
    print(row("members + matrix", everything, total_errors, args.seconds))
    p99 = pct(everything, 99)
    print(f"the clients' own CPU: {100 * (cpu1 - cpu0) / args.baseline_seconds:.0f}% of a core "
          f"(baseline), {100 * (cpu2 - cpu1) / args.seconds:.0f}% (queries); load average "
          f"{load1:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"target: p99 under {TARGET_P99_MS:g} ms and no errors — "
          f"{'met' if p99 < TARGET_P99_MS and total_errors == 0 else 'NOT met'} "
          f"(p99 {p99:.1f} ms, {total_errors} errors)")


if __name__ == "__main__":
    main()
