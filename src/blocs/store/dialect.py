"""What differs between SQLite and PostgreSQL, kept in one place."""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine


# PostgreSQL caps a tsvector at 1 MB: its index covers the first 400,000 characters of a
# document (SQLite's FTS5 has no such cap and indexes the whole text).
PG_INDEXED_CHARS = 400_000
_PG_TSV = f"to_tsvector('english', left(text, {PG_INDEXED_CHARS}))"


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
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")   # readers go on while a writer writes
            cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: fsync at checkpoints
        cur.close()


def create_search_index(conn: Connection) -> None:
    """Full-text search over document texts: FTS5 on SQLite, a GIN index on PostgreSQL."""
    if is_sqlite(conn):
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                          "doc_id UNINDEXED, text, tokenize='porter unicode61')"))
    else:
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents "
                          f"USING gin ({_PG_TSV})"))


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
            f"SELECT id AS doc_id, ts_headline('english', left(text, {PG_INDEXED_CHARS}), "
            "plainto_tsquery('english', :q), 'StartSel=[, StopSel=]') AS snippet, "
            f"-ts_rank({_PG_TSV}, plainto_tsquery('english', :q)) AS score FROM documents "
            f"WHERE {_PG_TSV} @@ plainto_tsquery('english', :q) ORDER BY score LIMIT :n"),
            {"q": query, "n": limit})
    return [dict(r._mapping) for r in rows.all()]


def insert_many(conn: Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Append many rows fast (an import's tens of thousands): SQLite's executemany, and
    PostgreSQL's COPY, on the connection's own transaction. Values must be plain
    (str, int, bool, None); no SQLAlchemy type processing happens here."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote      # "end" is reserved in PostgreSQL
    cols = ", ".join(quote(c) for c in columns)
    table = quote(table)
    if is_sqlite(conn):
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)
        return
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
