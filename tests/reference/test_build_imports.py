"""`blocs build` replaces the vocabulary's organizations and keeps those an import added."""

import json

from sqlalchemy import select, update

from blocs.reference.build import build
from blocs.store import schema

from ..conftest import FIXTURES


def test_a_rebuild_keeps_imported_organizations_and_replaces_the_vocabularys(mini_store):
    o = schema.organizations.c
    with mini_store.engine.begin() as conn:
        conn.execute(schema.organizations.insert().values(
            id="COW_ACPEU", name="ACP/EU Joint Assembly", type="igo", aliases="[]"))
        conn.execute(schema.meta.insert().values(key="imported_orgs",
                                                 value=json.dumps(["COW_ACPEU"])))
        conn.execute(update(schema.organizations).where(o.id == "CSTO").values(name="stale"))
        conn.execute(schema.organizations.insert().values(id="GONE", name="removed from the "
                                                          "vocabulary", type="forum", aliases="[]"))
    build(mini_store, FIXTURES / "reference")
    with mini_store.engine.connect() as conn:
        names = dict(conn.execute(select(o.id, o.name)).all())
    assert names["COW_ACPEU"] == "ACP/EU Joint Assembly"
    assert names["CSTO"] == "Collective Security Treaty Organization"
    assert "GONE" not in names
