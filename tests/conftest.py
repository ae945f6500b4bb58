"""Shared fixtures: stores built from the tiny test data or from the shipped reference data.

The suite runs on SQLite by default; with BLOCS_TEST_DB set to a PostgreSQL server URL
(e.g. postgresql+psycopg://postgres@127.0.0.1:54329/postgres) every store is a fresh
database on that server instead.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from blocs.reference.build import build
from blocs.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "rad76.claims.jsonl"
_counter = itertools.count()


def fresh_db(tmp_path: Path, name: str = "blocs") -> str:
    server = os.environ.get("BLOCS_TEST_DB")
    if not server:
        return str(tmp_path / f"{name}.db")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    dbname = f"blocs_test_{os.getpid()}_{next(_counter)}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{dbname}"'))
        conn.execute(text(f'CREATE DATABASE "{dbname}"'))
    engine.dispose()
    return make_url(server).set(database=dbname).render_as_string(hide_password=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A fresh, empty database (path or URL)."""
    return fresh_db(tmp_path)


@pytest.fixture
def mini_store(db: str, monkeypatch: pytest.MonkeyPatch):
    """A store built from tests/fixtures/reference (and its tiny document)."""
    monkeypatch.setenv("BLOCS_CORPUS", str(FIXTURES / "corpus"))
    store = open_store(db)
    build(store, FIXTURES / "reference")
    return store


@pytest.fixture(scope="session")
def reference_store(tmp_path_factory: pytest.TempPathFactory):
    """A store built once from the shipped reference data (with rad76 found on disk)."""
    os.environ.setdefault("BLOCS_CORPUS", str(CORPUS))
    store = open_store(fresh_db(tmp_path_factory.mktemp("ref"), "reference"))
    build(store)
    return store
