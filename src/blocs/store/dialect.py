"""What differs between SQLite and PostgreSQL, kept in one place."""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def configure(engine: Engine) -> None:
    """SQLite needs foreign keys switched on per connection, and WAL for readers beside a writer."""
    if not is_sqlite(engine):
        return

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()


def create_search_index(conn: Connection) -> None:
    """Full-text search over document texts: FTS5 on SQLite, a GIN index on PostgreSQL."""
    if is_sqlite(conn):
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                          "doc_id UNINDEXED, text, tokenize='porter unicode61')"))
    else:
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents "
                          "USING gin (to_tsvector('english', text))"))


def index_document(conn: Connection, doc_id: str, body: str) -> None:
    if is_sqlite(conn):
        conn.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"), {"d": doc_id})
        conn.execute(text("INSERT INTO documents_fts (doc_id, text) VALUES (:d, :t)"),
                     {"d": doc_id, "t": body})


def unindex_documents(conn: Connection, doc_ids: list[str]) -> None:
    if is_sqlite(conn):
        for d in doc_ids:
            conn.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"), {"d": d})


def search_documents(conn: Connection, query: str, limit: int = 20) -> list[dict]:
    """Documents matching `query`, best first, each with a snippet around a hit."""
    if is_sqlite(conn):
        terms = " ".join('"' + t.replace('"', '""') + '"' for t in query.split())
        rows = conn.execute(text(
            "SELECT doc_id, snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snippet, "
            "bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH :q "
            "ORDER BY score LIMIT :n"), {"q": terms, "n": limit})
    else:
        rows = conn.execute(text(
            "SELECT id AS doc_id, ts_headline('english', text, plainto_tsquery('english', :q)) "
            "AS snippet, -ts_rank(to_tsvector('english', text), plainto_tsquery('english', :q)) "
            "AS score FROM documents WHERE to_tsvector('english', text) @@ "
            "plainto_tsquery('english', :q) ORDER BY score LIMIT :n"), {"q": query, "n": limit})
    return [dict(r._mapping) for r in rows.all()]
