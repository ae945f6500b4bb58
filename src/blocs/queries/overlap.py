"""Shared members between organizations on a day: counts, Jaccard and containment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from ..dates import on_day
from ..store import Store
from ..vocab import member_roles
from ._asof import resolve_org
from .membership import matrix


@dataclass
class Overlap:
    a: str
    b: str
    size_a: int
    size_b: int
    shared: int
    jaccard: float
    containment_a_in_b: float     # share of a's members that are also in b
    containment_b_in_a: float
    shared_states: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def member_sets(store: Store, orgs: list[str], on: date | str | None = None,
                roles_counted: set[str] | None = None) -> dict[str, set[str]]:
    """Members of each organization on a day (by default the roles that count as membership)."""
    counted = roles_counted or member_roles()
    cells = matrix(store, orgs, on)
    sets: dict[str, set[str]] = {}
    for c in cells:
        sets.setdefault(c.org, set())
        if c.role in counted:
            sets[c.org].add(c.state)
    ids = list(dict.fromkeys(c.org for c in cells))
    return {o: sets.get(o, set()) for o in ids} if ids else {}


def overlap(store: Store, orgs: list[str], on: date | str | None = None,
            roles_counted: set[str] | None = None) -> list[Overlap]:
    """Every pair of the organizations given, with what they share."""
    with store.engine.connect() as conn:
        ids = list(dict.fromkeys(resolve_org(conn, o) for o in orgs))
    sets = member_sets(store, ids, on_day(on), roles_counted)
    out = []
    for a, b in combinations(ids, 2):
        sa, sb = sets.get(a, set()), sets.get(b, set())
        shared = sa & sb
        union = sa | sb
        out.append(Overlap(a, b, len(sa), len(sb), len(shared),
                           round(len(shared) / len(union), 4) if union else 0.0,
                           round(len(shared) / len(sa), 4) if sa else 0.0,
                           round(len(shared) / len(sb), 4) if sb else 0.0,
                           sorted(shared)))
    return out
