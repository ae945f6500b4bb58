"""GraphML for Gephi and networkx: a bipartite graph of states (`bipartite=0`) and
organizations (`bipartite=1`), an edge per spell with its role, dates, voice and sources.

On one day (`--on`) each state-organization pair has at most one edge (a simple graph);
over a history it may have several (a multigraph: Uzbekistan's CSTO member, suspended and
member again spells)."""

from __future__ import annotations

from pathlib import Path

from ...store import Store
from .tidy import spell_records
from . import Scope


def graph(store: Store, scope: Scope):
    """The networkx graph the file holds (exports and tests share it)."""
    import networkx as nx
    from sqlalchemy import select

    from ...store import schema

    records = spell_records(store, scope)
    g = nx.Graph() if scope.on is not None else nx.MultiGraph()
    g.graph.update({"source": scope.source or "preferred",
                    "on": scope.on.isoformat() if scope.on else "",
                    "from": scope.date_from.isoformat() if scope.date_from else "",
                    "to": scope.date_to.isoformat() if scope.date_to else ""})
    with store.engine.connect() as conn:
        st, o = schema.states.c, schema.organizations.c
        ccode = dict(conn.execute(select(st.id, st.cow_ccode)).all())
        otype = dict(conn.execute(select(o.id, o.type)).all())
    for r in records:
        s, org = f"state:{r['state']}", f"org:{r['org']}"
        if s not in g:
            g.add_node(s, id=r["state"], label=r["state_name"], kind="state", bipartite=0,
                       cow_ccode=ccode.get(r["state"]) or -1)
        if org not in g:
            g.add_node(org, id=r["org"], label=r["org_name"], kind="organization",
                       bipartite=1, type=otype.get(r["org"]) or "")
        g.add_edge(s, org, role=r["role"], frozen=r["frozen"], start=r["start"],
                   start_precision=r["start_precision"], end=r["end"] or "",
                   end_precision=r["end_precision"] or "", end_kind=r["end_kind"] or "",
                   voice=r["voice"], sources=";".join(r["sources"]))
    return g


def write(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    import networkx as nx

    g = graph(store, scope)
    nx.write_graphml(g, str(tmp), encoding="utf-8")
    return g.number_of_edges()
