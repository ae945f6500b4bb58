"""Schema versions. A fresh store gets the current schema and is stamped with the latest
version; an older store runs each later step in order, in one transaction.

To change the schema: edit `schema.py`, then append a step here that brings a store of
the previous version to the new one (ALTER TABLE ..., using `dialect` helpers where the
two databases differ).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from ..errors import StoreError
from . import dialect, schema

Step = Callable[[Connection], None]



def _add_reviews(conn: Connection) -> None:
    schema.reviews.create(conn, checkfirst=True)
    for index in schema.reviews.indexes:
        index.create(conn, checkfirst=True)


def _add_cow_import(conn: Connection) -> None:
    """Imported datasets speak until a day; a COW import keeps its panel's rows and cells."""
    conn.execute(text("ALTER TABLE complete_voices ADD COLUMN speaks_until VARCHAR(10)"))
    schema.cow_rows.create(conn, checkfirst=True)
    schema.cow_cells.create(conn, checkfirst=True)


# version -> the step that brings a store from version-1 to it
STEPS: dict[int, Step] = {2: _add_reviews, 3: _add_cow_import}
LATEST = 3


def _create(conn: Connection) -> None:
    schema.metadata.create_all(conn)
    dialect.create_search_index(conn)


def migrate(conn: Connection) -> int:
    """Bring the store to the latest schema; returns the version it was at (0 = new)."""
    if not conn.dialect.has_table(conn, "meta"):
        _create(conn)
        conn.execute(schema.meta.insert().values(key="schema_version", value=str(LATEST)))
        return 0
    row = conn.execute(select(schema.meta.c.value).where(
        schema.meta.c.key == "schema_version")).first()
    version = int(row[0]) if row else 0
    if version > LATEST:
        raise StoreError(f"the store has schema version {version}, newer than this blocs "
                         f"({LATEST}): upgrade blocs")
    for v in range(version + 1, LATEST + 1):
        STEPS[v](conn)
    if version < LATEST:
        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                     .values(value=str(LATEST)))
    return version
