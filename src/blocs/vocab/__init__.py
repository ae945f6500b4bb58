"""The project's vocabularies, read once from the YAML files beside this module.

Roles, claim kinds, organization ids and named groups are data so a reader can learn the
domain without reading Python, and so adding an organization never means touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    role_class: str
    counts_as_member: bool
    cow: int


@dataclass(frozen=True)
class Kind:
    id: str
    required: tuple[str, ...]
    key: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    type: str
    parent: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    establishes: str | None = None    # for an agreement: the body it creates
    coverage: str = "complete"        # partial: the reference lists only some members
    has_members: bool = False         # a treaty states join and leave (the 1992 CST)


def _load(name: str) -> dict:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def roles() -> dict[str, Role]:
    data = _load("roles.yaml")["roles"]
    return {
        rid: Role(rid, r["label"], r["class"], bool(r["counts_as_member"]), int(r["cow"]))
        for rid, r in data.items()
    }


@cache
def member_roles() -> frozenset[str]:
    """The roles that count as membership (overlap, networks, "members only" views)."""
    return frozenset(r.id for r in roles().values() if r.counts_as_member)


@cache
def groups() -> dict[str, dict]:
    """Named groups of organizations for the analyses: {name: {"label": ..., "orgs": (ids)}}."""
    return {k: {"label": v["label"], "orgs": tuple(v["orgs"])}
            for k, v in _load("groups.yaml")["groups"].items()}


@cache
def kinds() -> dict[str, Kind]:
    data = _load("kinds.yaml")["kinds"]
    return {k: Kind(k, tuple(v["required"]), tuple(v["key"])) for k, v in data.items()}


@cache
def enums() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _load("kinds.yaml")["enums"].items()}


@cache
def key_order() -> tuple[str, ...]:
    return tuple(_load("kinds.yaml")["order"])


@cache
def organizations() -> dict[str, Organization]:
    data = _load("organizations.yaml")["organizations"]
    return {
        oid: Organization(oid, o["name"], o["type"], o.get("parent"), tuple(o.get("aliases", ())),
                          o.get("establishes"), o.get("coverage", "complete"),
                          bool(o.get("has_members", False)))
        for oid, o in data.items()
    }


def role_class(role: str | None) -> str | None:
    """The class a role belongs to: two roles of one class are the same answer."""
    if role is None:
        return None
    r = roles().get(role)
    return r.role_class if r else role
