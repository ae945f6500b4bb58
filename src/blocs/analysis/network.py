"""The web of organizations as a graph (networkx): states and organizations on a day as a
bipartite graph, its two projections, and the centrality of each side, on a day or once
a year (does Russia sit at the centre of the post-Soviet web, and since when?).

Degree and betweenness are the bipartite versions (Borgatti and Halgin): each side is
normalised by the largest value possible for a graph of its shape, so states compare with
states and organizations with organizations. Node ids are the store's ids (ISO3 for
states, the vocabulary's ids for organizations); `kind` says which side a node is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..queries import matrix
from ..store import Store
from ..vocab import member_roles, roles
from . import scope

SIDES = ("states", "orgs", "both")
CENTRALITY_COLUMNS = ["id", "name", "kind", "degree", "degree_centrality", "betweenness",
                      "rank"]


def counted_roles(all_roles: bool = False) -> set[str]:
    """Roles that make an edge: membership roles, or every active role (observers,
    partners, applicants too; never `suspended`)."""
    return set(roles() if all_roles else member_roles()) - {"suspended"}


def bipartite_graph(store: Store, orgs: Sequence[str] | None = None,
                    on: str | date | None = None, all_roles: bool = False):
    """States and organizations on a day; an edge per state holding a counted role
    (attributes `role`, `frozen`, `certain`). Organizations without such members on that
    day are left out."""
    import networkx as nx

    ids = scope.organizations(store, orgs)
    counted = counted_roles(all_roles)
    g = nx.Graph(on=str(on) if on else date.today().isoformat())
    for m in matrix(store, ids, on):
        if m.role not in counted:
            continue
        for node, kind in ((m.state, "state"), (m.org, "organization")):
            if node in g and g.nodes[node]["kind"] != kind:
                raise ValueError(f"id {node!r} names both a state and an organization")
        g.add_node(m.state, kind="state", name=m.state_name, bipartite=0)
        g.add_node(m.org, kind="organization", name=m.org_name, bipartite=1)
        g.add_edge(m.state, m.org, role=m.role, frozen=m.frozen, certain=m.certain)
    return g


def side_nodes(graph, side: str) -> list[str]:
    kind = {"states": "state", "orgs": "organization"}[side]
    return sorted(n for n, k in graph.nodes(data="kind") if k == kind)


def projection(graph, side: str = "states"):
    """The one-mode graph of one side: two states linked by the organizations they share
    (`weight` = how many, `via` = which), or two organizations by their shared members
    (`weight`, `via`, and `jaccard`)."""
    import networkx as nx

    nodes = side_nodes(graph, side)
    p = nx.Graph()
    p.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    for i, a in enumerate(nodes):
        na = set(graph[a])
        for b in nodes[i + 1:]:
            via = na & set(graph[b])
            if via:
                attrs = {"weight": len(via), "via": sorted(via)}
                if side == "orgs":
                    attrs["jaccard"] = round(len(via) / len(na | set(graph[b])), 4)
                p.add_edge(a, b, **attrs)
    return p


def edges_frame(graph):
    """A graph's edges as a DataFrame (source, target and every edge attribute)."""
    import pandas as pd

    rows = [{"source": a, "source_name": graph.nodes[a].get("name", a), "target": b,
             "target_name": graph.nodes[b].get("name", b), **d}
            for a, b, d in graph.edges(data=True)]
    df = pd.DataFrame(rows)
    return df.sort_values(["source", "target"], kind="stable").reset_index(drop=True) \
        if not df.empty else df


def network_frame(store: Store, orgs: Sequence[str] | None = None,
                  on: str | date | None = None, project: str | None = None,
                  all_roles: bool = False):
    """The edge list of the bipartite graph (state, organization, role), or of one of its
    projections (`project` = "states" or "orgs")."""
    import pandas as pd

    g = bipartite_graph(store, orgs, on, all_roles)
    if project:
        df = edges_frame(projection(g, project))
        cols = ["source", "source_name", "target", "target_name", "weight", "via"] + (
            ["jaccard"] if project == "orgs" else [])
        return df.reindex(columns=cols) if not df.empty else pd.DataFrame(columns=cols)
    rows = []
    for a, b, d in g.edges(data=True):
        st, org = (a, b) if g.nodes[a]["kind"] == "state" else (b, a)
        rows.append({"state": st, "state_name": g.nodes[st]["name"], "org": org,
                     "role": d["role"], "frozen": d["frozen"], "certain": d["certain"]})
    cols = ["state", "state_name", "org", "role", "frozen", "certain"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["state", "org"], kind="stable").reset_index(drop=True)


def centrality_of(graph, side: str = "states"):
    """Bipartite degree and betweenness of the nodes of one side (or both) of a graph,
    most central first (by betweenness, then degree, then id)."""
    import networkx as nx
    import pandas as pd

    if side not in SIDES:
        from ..errors import BadOutput

        raise BadOutput(f"unknown side {side!r}: use {', '.join(SIDES)}")
    states, orgs = side_nodes(graph, "states"), side_nodes(graph, "orgs")
    if not states or not orgs:
        return pd.DataFrame(columns=CENTRALITY_COLUMNS)
    degree = nx.bipartite.degree_centrality(graph, states)
    between = _bipartite_betweenness(graph, states, orgs)
    wanted = {"states": states, "orgs": orgs, "both": states + orgs}[side]
    rows = [{"id": n, "name": graph.nodes[n]["name"], "kind": graph.nodes[n]["kind"],
             "degree": graph.degree(n), "degree_centrality": round(degree[n], 6),
             "betweenness": round(between[n], 6)} for n in wanted]
    df = pd.DataFrame(rows, columns=CENTRALITY_COLUMNS[:-1])
    df = df.sort_values(["betweenness", "degree", "id"], ascending=[False, False, True],
                        kind="stable").reset_index(drop=True)
    df["rank"] = _ranks(df)
    return df


def _ranks(df) -> list[int]:
    """1 for the most central of each kind; ties (same betweenness and degree) share a
    rank, the next rank skips as many ("1, 1, 3")."""
    out, seen, last = [], {}, {}
    for kind, b, deg in zip(df["kind"], df["betweenness"], df["degree"]):
        seen[kind] = seen.get(kind, 0) + 1
        if last.get(kind, (None,))[0] != (b, deg):
            last[kind] = ((b, deg), seen[kind])
        out.append(last[kind][1])
    return out


def _bipartite_betweenness(graph, top: list[str], bottom: list[str]) -> dict[str, float]:
    """networkx's bipartite betweenness, without its division by zero on tiny graphs."""
    import networkx as nx

    raw = nx.betweenness_centrality(graph, normalized=False)
    out = {}
    for nodes, other in ((top, bottom), (bottom, top)):
        n, m = len(nodes), len(other)
        s, t = divmod(n - 1, m)
        most = ((m ** 2) * ((s + 1) ** 2) + m * (s + 1) * (2 * t - s - 1)
                - t * (2 * s - t + 3)) / 2.0
        for v in nodes:
            out[v] = raw[v] / most if most > 0 else 0.0
    return out


def centrality(store: Store, orgs: Sequence[str] | None = None, on: str | date | None = None,
               side: str = "states", all_roles: bool = False):
    """Degree and betweenness of states (or organizations, or both) on a day."""
    return centrality_of(bipartite_graph(store, orgs, on, all_roles), side)


def centrality_over_time(store: Store, orgs: Sequence[str] | None, date_from: str | date,
                         date_to: str | date | None = None, side: str = "states",
                         all_roles: bool = False):
    """`centrality` once a year (the day and month of `date_from`), in long form."""
    import pandas as pd

    ids = scope.organizations(store, orgs)
    frames = []
    for d in scope.yearly(date_from, date_to):
        df = centrality(store, ids, d, side, all_roles)
        df.insert(0, "year", d.year)
        df.insert(0, "date", d.isoformat())
        frames.append(df)
    cols = ["date", "year", *CENTRALITY_COLUMNS]
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
