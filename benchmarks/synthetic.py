"""A deterministic synthetic blocs store at ten times real scale.

At --scale 1.0: 250 states, 5,000 organizations (O0000..O4999) and 1,000,000 membership
events, plus a realistic CSTO (seven real members) so that
`blocs members CSTO --on 2010-04-15 --db PATH` answers something meaningful.

Every event goes through the library's own write path: `blocs.claims.Claim` objects,
`blocs.reference.build.insert_claims`, then `rederive` for the spells. The store is cached
under benchmarks/out/ keyed by its parameters; a JSON sidecar keeps the generation figures.

    .venv/bin/python benchmarks/synthetic.py [--scale 1.0] [--seed 20240415] [--force]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
GEN_VERSION = 1          # bump when the generator changes: a new cache key
N_STATES = 250
N_ORGS = 5_000
N_EVENTS = 1_000_000
SOURCE_ID = "synthetic-reference"
FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2025, 12, 31)

# The seven real CSTO states are among the 250 states; the other 243 are S000..S242.
CSTO_STATES = {"ARM": "Armenia", "BLR": "Belarus", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan",
               "RUS": "Russia", "TJK": "Tajikistan", "UZB": "Uzbekistan"}
CSTO_EVENTS = [(s, "founding_member", "join", "2002-10-07")
               for s in ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")] + [
    ("UZB", "member", "join", "2006-06-23"),
    ("UZB", "member", "suspend", "2012-12-19"),
    ("ARM", "founding_member", "freeze", "2024-02-23"),
]

# events per state-org pair (weights) and the role a pair joins in
_K = [1, 2, 3, 4, 5, 6, 8]
_K_W = [30, 30, 15, 10, 7, 5, 3]
_ROLES = ["member", "founding_member", "observer", "associate_member", "partner"]
_ROLES_W = [70, 8, 12, 6, 4]


def store_path(scale: float, seed: int) -> Path:
    return OUT / f"synthetic-v{GEN_VERSION}-scale{scale:g}-seed{seed}.db"


def sizes(scale: float) -> tuple[int, int, int]:
    """(states, organizations, events) at a scale; states stay 250, at least 50 orgs."""
    return N_STATES, max(50, round(N_ORGS * scale)), max(1, round(N_EVENTS * scale))


def state_ids() -> list[str]:
    return list(CSTO_STATES) + [f"S{i:03d}" for i in range(N_STATES - len(CSTO_STATES))]


def _pair_events(rng: random.Random, k: int) -> list[tuple[str, str, date]]:
    """A consistent event sequence for one state in one organization, at most k long:
    join, then leave / suspend-resume / a change of role class / leave, in date order."""
    out: list[tuple[str, str, date]] = []
    day = FIRST_DAY + timedelta(days=rng.randrange((date(2018, 1, 1) - FIRST_DAY).days))
    status, role = "out", None           # out | in | suspended
    while len(out) < k and day <= LAST_DAY:
        if status == "out":
            role = rng.choices(_ROLES, _ROLES_W)[0] if not out else \
                rng.choice(["member", "member", "observer"])
            out.append((role, "join", day))
            status = "in"
        elif status == "suspended":
            ev = "resume" if rng.random() < 0.8 else "leave"
            out.append((role, ev, day))
            status = "in" if ev == "resume" else "out"
        else:
            r = rng.random()
            if r < 0.6:
                out.append((role, "leave", day))
                status = "out"
            elif r < 0.8:
                out.append((role, "suspend", day))
                status = "suspended"
            else:   # a change of role class (observer -> member, member -> observer ...)
                role = "observer" if role in ("member", "founding_member") else "member"
                out.append((role, "join", day))
        day += timedelta(days=rng.randint(30, 4000))
    return out


def _claim(state: str, org: str, role: str, event: str, day: str):
    from blocs.claims import Claim

    return Claim({"kind": "membership", "subject": state, "object": org, "role": role,
                  "event": event, "date": day, "date_precision": "day",
                  "source": {"doc": SOURCE_ID}, "quote": ""})


def generate_claims(scale: float, seed: int) -> list:
    """(claim, origin) pairs: every event of every pair, then the CSTO's."""
    n_states, n_orgs, n_events = sizes(scale)
    rng = random.Random(seed)
    states = state_ids()
    per_org = [n_events // n_orgs + (1 if i < n_events % n_orgs else 0) for i in range(n_orgs)]
    out = []
    for o, budget in enumerate(per_org):
        org = f"O{o:04d}"
        members = rng.sample(states, len(states))
        i = 0
        while budget > 0:
            if i == len(members):       # every state used: a second round of pairs is
                raise RuntimeError("organization budget exceeds its states")  # never needed
            state = members[i]
            i += 1
            evs = _pair_events(rng, min(budget, rng.choices(_K, _K_W)[0]))
            for role, ev, day in evs:
                out.append((_claim(state, org, role, ev, day.isoformat()),
                            f"synthetic:{org}:{state}"))
            budget -= len(evs)
    for state, role, ev, day in CSTO_EVENTS:
        out.append((_claim(state, "CSTO", role, ev, day), f"synthetic:CSTO:{state}"))
    _check_spec(out)
    return out


def _check_spec(claims: list) -> None:
    """Every claim is built the same way; check a spread of them against the spec."""
    from blocs.claims import validate

    for c, origin in claims[:: max(1, len(claims) // 2000)] + claims[-len(CSTO_EVENTS):]:
        validate(dict(c.data), origin)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, scale: float, seed: int) -> dict:
    """Write the store at `path` (replacing it); returns timings and counts."""
    from sqlalchemy import delete, func, select

    from blocs.reference.build import insert_claims, rederive
    from blocs.store import open_store, schema

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    n_states, n_orgs, n_events = sizes(scale)
    t0 = time.perf_counter()
    claims = generate_claims(scale, seed)
    t_make = time.perf_counter() - t0

    store = open_store(str(path))
    with store.engine.begin() as conn:
        states = state_ids()
        conn.execute(schema.states.insert(), [
            {"id": s, "name": CSTO_STATES.get(s, f"Synthetic State {s}"), "historical": False}
            for s in states])
        conn.execute(schema.organizations.insert(), [
            {"id": f"O{i:04d}", "name": f"Synthetic Organization {i:04d}",
             "type": "organization", "aliases": "[]"} for i in range(n_orgs)] + [
            {"id": "CSTO", "name": "Collective Security Treaty Organization",
             "type": "organization", "aliases": json.dumps(["CSTO", "ODKB"])}])
        conn.execute(schema.sources.insert().values(
            id=SOURCE_ID, kind="reference", dataset="reference", precedence=100,
            title="Synthetic benchmark data", origin="synthetic"))
        t1 = time.perf_counter()
        insert_claims(conn, claims)
        t_insert = time.perf_counter() - t1
        del claims
        t2 = time.perf_counter()
        n_spells = rederive(conn)
        t_derive = time.perf_counter() - t2
        n_claims = conn.execute(select(func.count()).select_from(schema.claims)).scalar()
        conn.execute(delete(schema.meta).where(schema.meta.c.key == "built_at"))
        conn.execute(schema.meta.insert().values(
            key="built_at", value=datetime.now(timezone.utc).isoformat(timespec="seconds")))
    store.engine.dispose()
    pin(path)
    info = {"path": str(path), "scale": scale, "seed": seed, "states": n_states,
            "organizations": n_orgs + 1, "claims": n_claims, "spells": n_spells,
            "make_claims_s": round(t_make, 2), "insert_claims_s": round(t_insert, 2),
            "rederive_s": round(t_derive, 2), "total_s": round(time.perf_counter() - t0, 2),
            "peak_rss_mb": round(_peak_mb(), 1), "size_mb": round(path.stat().st_size / 2**20, 1)}
    Path(str(path) + ".json").write_text(json.dumps(info, indent=2))
    return info


def pin(path: Path) -> None:
    """Tie the store to an empty reference folder of its own, so that no command rebuilds
    it from the shipped reference data (which would not fit beside the synthetic data)."""
    from sqlalchemy import delete

    from blocs.reference.fingerprint import data_hash
    from blocs.store import open_store, schema

    empty = path.parent / "synthetic-reference"
    (empty / "documents").mkdir(parents=True, exist_ok=True)
    store = open_store(str(path))
    with store.engine.begin() as conn:
        for key, value in (("reference_dir", str(empty.resolve())),
                           ("reference_hash", data_hash(empty))):
            conn.execute(delete(schema.meta).where(schema.meta.c.key == key))
            conn.execute(schema.meta.insert().values(key=key, value=value))
    store.engine.dispose()


def ensure(scale: float = 1.0, seed: int = 20240415, force: bool = False) -> tuple[Path, dict]:
    """The cached store for (scale, seed), generated first if missing."""
    path = store_path(scale, seed)
    meta = Path(str(path) + ".json")
    if not force and path.exists() and meta.exists():
        info = json.loads(meta.read_text())
        info["cached"] = True
        pin(path)
        return path, info
    info = generate(path, scale, seed)
    info["cached"] = False
    return path, info


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 events")
    p.add_argument("--seed", type=int, default=20240415)
    p.add_argument("--force", action="store_true", help="regenerate even if cached")
    a = p.parse_args(argv)
    path, info = ensure(a.scale, a.seed, a.force)
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
