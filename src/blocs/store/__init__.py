"""Where the knowledge base lives: SQLite by default (one file), PostgreSQL by URL.

`open_store()` finds the database (`--db`, else `BLOCS_DB`, else the user's data folder),
creates or migrates its schema, and hands back a `Store` the query functions take.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, delete, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import dialect, migrations, schema


def default_db() -> str:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "blocs", "blocs.db")


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from a path or URL (`--db`, `BLOCS_DB`, or the default file)."""
    db = db or os.environ.get("BLOCS_DB") or default_db()
    if "://" in db:
        return db
    path = Path(db).expanduser()
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


@dataclass
class Store:
    engine: Engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return dialect.is_sqlite(self.engine)

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return get_meta(conn, key)

    def is_empty(self) -> bool:
        return self.get_meta("built_at") is None


def get_meta(conn: Connection, key: str) -> str | None:
    """A `meta` value, None if the key is not set."""
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).first()
    return row[0] if row else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set a `meta` value (delete, then insert: the same on SQLite and PostgreSQL)."""
    conn.execute(delete(schema.meta).where(schema.meta.c.key == key))
    conn.execute(schema.meta.insert().values(key=key, value=value))


def open_store(db: str | None = None) -> Store:
    url = database_url(db)
    try:
        engine = create_engine(url)
        dialect.configure(engine)
        with engine.begin() as conn:
            migrations.migrate(conn)
    except SQLAlchemyError as e:
        raise StoreError(f"cannot open the store at {url}: {e.__class__.__name__}: "
                         f"{str(e.orig if hasattr(e, 'orig') else e).splitlines()[0]}") from None
    return Store(engine)
