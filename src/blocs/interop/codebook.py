"""The Correlates of War IGO v3 codebook as data: its status codes, its IGOs, its state
columns and state-system dates, and how its ids map to this project's (`cow_ids.yaml`).

The tables beside this module are rebuilt by `data-raw/cow_interop.py`; they hold names
and numbers only, never the membership data (that is read from the user's file).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

# status codes: 0 no membership, 1 full, 2 associate, 3 observer, -9 missing, and -1: in
# the IGO-year file "state not in the state system", in the state-year file "IGO not in
# existence". The IGO-year file as distributed leaves a state outside the system empty.
ROLE_OF_CODE = {1: "member", 2: "associate_member", 3: "observer"}
NONE, MISSING, ABSENT = 0, -9, -1
CODES = (-9, -1, 0, 1, 2, 3)
# the IGO-year file's columns besides ioname, orgname, year and the states, in its order
IGO_META = ("sdate", "deaddate", "dead", "integrated", "replaced", "longorgname", "ionum",
            "igocode", "version", "accuracyofpre1965membershipdates", "sourcesandnotes",
            "imputed", "political", "social", "economic")
IGO_YEAR, STATE_YEAR = "igo-year", "state-year"
# the import's source id, its voice (sources.dataset), and the meta key of its panel layout;
# here rather than in `cow` so readers of the store need not load the importer
SOURCE_ID = "cow-igo-v3"
DATASET = "cow"
META_KEY = "cow_import"


@dataclass(frozen=True)
class Igo:
    ioname: str
    ionum: int
    orgname: str
    longorgname: str


@dataclass(frozen=True)
class StateOverride:
    """Years of a ccode that belong to another of the project's states (the USSR in 365)."""

    ccode: int
    first: int
    last: int
    id: str


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_text(name).splitlines()))


@cache
def igos() -> dict[str, Igo]:
    """COW's IGOs by ioname, in COW's order (by ionum)."""
    return {r["ioname"]: Igo(r["ioname"], int(r["ionum"]), r["orgname"], r["longorgname"])
            for r in _csv("cow_igos.csv")}


@cache
def ioname_of_column() -> dict[str, str]:
    """The state-year file's lower-case IGO column -> COW's ioname (`eaec` -> `EAEC`)."""
    return {i.lower(): i for i in igos()}


@cache
def state_columns() -> dict[str, int]:
    """The IGO-year file's state columns (`russia`) -> ccode, in that file's order."""
    return {r["column"]: int(r["ccode"]) for r in _csv("cow_state_columns.csv")}


@cache
def column_of_ccode() -> dict[int, str]:
    return {c: name for name, c in state_columns().items()}


@cache
def system() -> dict[int, list[tuple[str, str]]]:
    """Each ccode's periods in the state system (first day, last day), from states2016."""
    out: dict[int, list[tuple[str, str]]] = {}
    for r in _csv("cow_system.csv"):
        out.setdefault(int(r["ccode"]), []).append((r["start"], r["end"]))
    return out


def in_system(ccode: int, year: int) -> bool:
    """In the state system at any time in `year` (states2016 ends in 2016: still in after)."""
    lo, hi = f"{year:04d}-01-01", f"{year:04d}-12-31"
    for start, end in system().get(ccode, ()):
        if start <= hi and (end >= lo or end.startswith("2016-12-31")):
            return True
    return False


@cache
def _ids() -> dict:
    import yaml

    return yaml.safe_load(_text("cow_ids.yaml"))


def prefix() -> str:
    return _ids()["prefix"]


@cache
def org_ids() -> dict[str, str]:
    """COW ioname -> this project's organization id, for every COW IGO."""
    mapped = {k: v["id"] for k, v in _ids()["organizations"].items()}
    return {io: mapped.get(io, prefix() + io.upper()) for io in igos()}


@cache
def ioname_of_org() -> dict[str, str]:
    return {org: io for io, org in org_ids().items()}


@cache
def state_overrides() -> tuple[StateOverride, ...]:
    return tuple(StateOverride(int(s["ccode"]), int(s.get("from", 0)), int(s.get("to", 9999)),
                               s["id"]) for s in _ids().get("states") or ())


@cache
def iso_of_ccode() -> dict[int, str]:
    """COW ccode -> the project's state id (src/blocs/data/cow_states.csv)."""
    from ..states import cow_states

    return {int(r["ccode"]): r["iso3"] for r in cow_states() if r["iso3"]}


def state_id(ccode: int, year: int) -> str | None:
    for o in state_overrides():
        if o.ccode == ccode and o.first <= year <= o.last:
            return o.id
    return iso_of_ccode().get(ccode)


@cache
def code_of_role() -> dict[str, int]:
    """A role's closest COW code (`cow` in vocab/roles.yaml); 0 for roles COW has not."""
    from ..vocab import roles

    return {r.id: r.cow for r in roles().values()}
