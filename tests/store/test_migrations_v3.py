"""Schema version 3: imported voices speak until a day, and a COW import keeps its panel."""

from sqlalchemy import inspect, text, update

from blocs.store import open_store, schema
from blocs.store.migrations import LATEST


def test_a_version_2_store_gains_the_import_tables_and_speaks_until(db):
    store = open_store(db)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE cow_rows"))
        conn.execute(text("DROP TABLE cow_cells"))
        conn.execute(text("ALTER TABLE complete_voices DROP COLUMN speaks_until"))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                     .values(value="2"))
    store.engine.dispose()
    store = open_store(db)
    assert LATEST == 3 and store.get_meta("schema_version") == "3"
    insp = inspect(store.engine)
    assert {"cow_rows", "cow_cells"} <= set(insp.get_table_names())
    assert "speaks_until" in {c["name"] for c in insp.get_columns("complete_voices")}
