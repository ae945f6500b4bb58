"""The state–organization graph on a day: who is in what, and which organizations share
members. The web's network page draws it; analysts can load it into any graph tool."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Any

from ..dates import on_day
from ..vocab import member_roles
from .membership import matrix


def network(store, orgs: list[str], on: date | str | None = None) -> dict[str, Any]:
    """Nodes (states and organizations) and links (a state's role in an organization) on
    a day; an organization's `members` counts the roles that count as membership, and
    `overlaps` gives the members each pair of organizations shares."""
    d = on_day(on)
    counted = member_roles()
    cells = matrix(store, orgs, d)
    members: dict[str, set[str]] = {}
    org_names: dict[str, str] = {}
    state_names: dict[str, str] = {}
    links = []
    for c in cells:
        org_names[c.org] = c.org_name
        members.setdefault(c.org, set())
        if c.role is None:
            continue
        state_names[c.state] = c.state_name
        if c.role in counted:
            members[c.org].add(c.state)
        links.append({"state": c.state, "org": c.org, "role": c.role, "frozen": c.frozen,
                      "certain": c.certain, "disputed": bool(c.conflicts),
                      "member": c.role in counted})
    orgs_in = {s: sum(1 for m in members.values() if s in m) for s in state_names}
    nodes = ([{"id": o, "name": n, "kind": "organization", "members": len(members[o])}
              for o, n in sorted(org_names.items())]
             + [{"id": s, "name": n, "kind": "state", "organizations": orgs_in[s]}
                for s, n in sorted(state_names.items())])
    overlaps = [{"a": a, "b": b, "shared": len(members[a] & members[b]),
                 "states": sorted(members[a] & members[b])}
                for a, b in combinations(sorted(members), 2) if members[a] & members[b]]
    return {"on": d.isoformat(), "nodes": nodes, "links": links, "overlaps": overlaps}
