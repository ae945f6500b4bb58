"""Names that stand for states and organizations, compiled into one regular expression.

Organizations come from the knowledge base's vocabulary (ids, names, aliases); states
from country_converter (short and official names), with capitals, demonyms and leaders
from `vocab/places.yaml`. The longest name wins ("Collective Security Treaty
Organization" before "Collective Security Treaty").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .. import vocab


@dataclass(frozen=True)
class Name:
    id: str
    kind: str          # state | org
    how: str           # name | metonym | demonym | leader | id
    years: tuple[int, int] | None = None


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Name]
    pattern: re.Pattern


def _places() -> dict:
    return yaml.safe_load(resources.files("blocs.vocab").joinpath("places.yaml")
                          .read_text(encoding="utf-8"))


def _state_names() -> dict[str, str]:
    """Short and official names of current and historical states -> ISO3."""
    from ..states import load_states

    out: dict[str, str] = {}
    for s in load_states():
        for n in (s.name, s.official_name):
            if n and len(n) > 3 and not n.isupper():
                out.setdefault(n, s.id)
    return out


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, Name] = {}
    for oid, org in vocab.organizations().items():
        for alias in (oid, org.name, *org.aliases):
            if alias and not alias.startswith("the "):
                names.setdefault(alias, Name(oid, "org", "name"))
    places = _places()
    for name, sid in _state_names().items():
        names.setdefault(name, Name(sid, "state", "name"))
    for sid, words in places["metonyms"].items():
        for w in words:
            names.setdefault(w, Name(sid, "state", "metonym"))
    for sid, words in places["demonyms"].items():
        for w in words:
            names.setdefault(w, Name(sid, "state", "demonym"))
    for person, v in places["leaders"].items():
        names.setdefault(person, Name(v["state"], "state", "leader", (v["from"], v["to"])))
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])")
    return Gazetteer(names, pattern)
