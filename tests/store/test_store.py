import pytest
from sqlalchemy import select, update

from blocs.errors import StoreError
from blocs.store import database_url, open_store, schema
from blocs.store.migrations import LATEST


def test_a_new_store_is_stamped_with_the_latest_schema_version(db):
    store = open_store(db)
    assert store.get_meta("schema_version") == str(LATEST)
    assert store.is_empty()


def test_opening_a_store_twice_keeps_it(db):
    open_store(db)
    store = open_store(db)
    assert store.get_meta("schema_version") == str(LATEST)


def test_a_store_from_a_newer_blocs_is_refused(db):
    store = open_store(db)
    with store.engine.begin() as conn:
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                     .values(value=str(LATEST + 1)))
    store.engine.dispose()
    with pytest.raises(StoreError, match="newer than this blocs"):
        open_store(db)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the store.*not a database"):
        open_store(str(p))
    assert p.read_text(encoding="utf-8") == "not a database"


def test_a_path_becomes_a_sqlite_url_and_a_url_is_kept(tmp_path, monkeypatch):
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("BLOCS_DB", str(tmp_path / "env.db"))
    assert database_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_spells_are_derived_not_stored_twice(mini_store):
    with mini_store.engine.connect() as conn:
        n_claims = conn.execute(select(schema.claims.c.id).where(
            schema.claims.c.kind == "membership")).all()
        n_spells = conn.execute(select(schema.spells.c.id)).all()
    assert 0 < len(n_spells) <= len(n_claims)
