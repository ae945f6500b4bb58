"""The states the base knows: ISO 3166 alpha-3 ids, names and aliases, COW numbers.

Names come from country_converter (a well-kept list, not ours), historical states from
`data/historical_states.yaml`, COW state numbers from `data/cow_states.csv` (rebuilt by
`data-raw/cow_states.py`). This is only read when the store is built: queries read the
`states` table, so the CLI never imports pandas.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class State:
    id: str
    name: str
    official_name: str | None = None
    cow_ccode: int | None = None
    cow_abbr: str | None = None
    regex: str | None = None
    historical: bool = False


def _data(name: str) -> str:
    return resources.files("blocs").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def cow_states() -> list[dict]:
    """COW's states with their ISO id (several ccodes may share one id, e.g. DEU)."""
    return list(csv.DictReader(_data("cow_states.csv").splitlines()))


def load_states() -> list[State]:
    import country_converter as coco  # heavy (pandas): only at build time

    cow: dict[str, tuple[int, str]] = {}
    for r in cow_states():
        if r["iso3"]:
            # the latest COW number for an id wins (Germany's 255, not the GFR's 260)
            cow[r["iso3"]] = max(cow.get(r["iso3"], (0, "")), (int(r["ccode"]), r["stateabb"]))
    states: dict[str, State] = {}
    for row in coco.CountryConverter().data.to_dict("records"):
        iso = row["ISO3"]
        c = cow.get(iso)
        states[iso] = State(iso, row["name_short"], row["name_official"],
                            c[0] if c else None, c[1] if c else None, row["regex"])
    for iso, h in yaml.safe_load(_data("historical_states.yaml")).items():
        c = cow.get(iso)
        regex = "|".join(a.lower() for a in h.get("aliases", []))
        states[iso] = State(iso, h["name"], None, c[0] if c else None, c[1] if c else None,
                            regex or None, historical=True)
    for r in cow_states():
        if r["iso3"] and r["iso3"] not in states:
            states[r["iso3"]] = State(r["iso3"], r["statenme"], None, int(r["ccode"]),
                                      r["stateabb"], None, historical=True)
    return sorted(states.values(), key=lambda s: s.id)
