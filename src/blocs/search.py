"""Full-text search over stored document texts (FTS5 on SQLite)."""

from __future__ import annotations

from sqlalchemy import select

from .store import Store, dialect, schema


def search_documents(store: Store, query: str, limit: int = 20) -> list[dict]:
    """Documents matching every word of `query`, best first, with a snippet and title."""
    if not query.strip():
        return []
    with store.engine.connect() as conn:
        hits = dialect.search_documents(conn, query, limit)
        titles = dict(conn.execute(select(schema.documents.c.id, schema.sources.c.title)
                                   .join(schema.sources,
                                         schema.sources.c.id == schema.documents.c.source_id))
                      .all())
    return [{**h, "title": titles.get(h["doc_id"])} for h in hits]
