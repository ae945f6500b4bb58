"""Full-text search over stored document texts (FTS5 on SQLite)."""

from __future__ import annotations

from sqlalchemy import select

from .store import Store, dialect, schema


def search_documents(store: Store, query: str, limit: int = 20) -> list[dict]:
    """Documents matching every word of `query`, best first, with a snippet and title."""
    if not query.strip():
        return []
    d, s = schema.documents.c, schema.sources.c
    with store.engine.connect() as conn:
        hits = dialect.search_documents(conn, query, limit)
        if not hits:
            return []
        titles = dict(conn.execute(select(d.id, s.title)
                                   .join(schema.sources, s.id == d.source_id)
                                   .where(d.id.in_([h["doc_id"] for h in hits]))).all())
    return [{**h, "title": titles.get(h["doc_id"])} for h in hits]


def search_names(store: Store, query: str, limit: int = 20) -> dict[str, list[dict]]:
    """States and organizations whose id, name or alias contains `query` (any case):
    an exact id or name first, then names that start with it, then the rest."""
    q = query.strip().casefold()
    if not q:
        return {"states": [], "organizations": []}
    st, o = schema.states.c, schema.organizations.c
    with store.engine.connect() as conn:
        states = conn.execute(select(st.id, st.name, st.official_name, st.historical)).all()
        orgs = conn.execute(select(o.id, o.name, o.type, o.aliases)).all()

    def rank(labels: list[str]) -> int | None:
        folded = [x.casefold() for x in labels if x]
        if q in folded:
            return 0
        if any(x.startswith(q) for x in folded):
            return 1
        return 2 if any(q in x for x in folded) else None

    import json

    found_states = [(r, rank([r.id, r.name, r.official_name])) for r in states]
    found_orgs = [(r, rank([r.id, r.name, *json.loads(r.aliases)])) for r in orgs]
    return {
        "states": [{"id": r.id, "name": r.name, "historical": bool(r.historical)}
                   for r, k in sorted((x for x in found_states if x[1] is not None),
                                      key=lambda x: (x[1], x[0].name))][:limit],
        "organizations": [{"id": r.id, "name": r.name, "type": r.type}
                          for r, k in sorted((x for x in found_orgs if x[1] is not None),
                                             key=lambda x: (x[1], x[0].id))][:limit],
    }
