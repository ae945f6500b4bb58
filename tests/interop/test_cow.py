"""Importing COW: its codes become claims of one more voice, ids are mapped, the panel
comes back cell for cell, and the store is replaced or kept whole."""

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import func, select

from blocs import queries
from blocs.interop import codebook as cb
from blocs.interop.cow import DATASET, SOURCE_ID, import_cow
from blocs.interop.exports import Scope, export
from blocs.reference.build import build, rederive
from blocs.store import schema

from ..conftest import FIXTURES
from .conftest import IGO_YEAR, STATE_YEAR, igo_slice, needs_cow, state_slice

pytestmark = needs_cow


def _claims(store, **where):
    c = schema.claims.c
    q = select(c.subject, c.object, c.role, c.event, c.date_lo).where(c.source_id == SOURCE_ID)
    for k, v in where.items():
        q = q.where(c[k] == v)
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.order_by(c.date_lo, c.event)).all()]


def _count(store, table, **where):
    q = select(func.count()).select_from(table)
    for k, v in where.items():
        q = q.where(table.c[k] == v)
    with store.engine.connect() as conn:
        return conn.execute(q).scalar()


def test_every_id_in_the_mapping_file_is_a_cow_igo_and_one_of_ours():
    from blocs import vocab

    mapped = {io: org for io, org in cb.org_ids().items() if not org.startswith(cb.prefix())}
    assert mapped["EAEC"] == "EURASEC" and mapped["CAECC"] == "CACO" and mapped["EEC"] == "EC"
    assert set(mapped.values()) <= set(vocab.organizations())
    assert cb.org_ids()["APT"] == "COW_APT" and cb.org_ids()["CAEC"] == "COW_CAEC"


def test_cow_igos_map_to_our_ids_and_the_others_keep_cows_name(tmp_path, mini_store):
    path = igo_slice(tmp_path / "igo.csv", {"CIS", "EAEC", "CAECC", "ACPEU"})
    result = import_cow(mini_store, path)
    assert result.igos == 4 and result.organizations_added == 1
    assert ("KAZ", "EURASEC", "member", "join", "2000-01-01") in _claims(mini_store, object="EURASEC")
    assert _claims(mini_store, object="CACO")[0][1:] == ("CACO", "member", "join", "1994-01-01")
    assert not _claims(mini_store, object="EAEC") and not _claims(mini_store, object="CAECC")
    with mini_store.engine.connect() as conn:
        o = schema.organizations.c
        row = conn.execute(select(o.name, o.type, o.aliases).where(o.id == "COW_ACPEU")).one()
    assert row.name == "ACP/EU Joint Assembly" and row.type == "igo"
    assert "ACPEU" in json.loads(row.aliases)


def test_cow_states_become_iso_ids_and_the_ussr_years_go_to_sun(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "un.csv", {"UN"}, ["russia", "georgia", "usa"]))
    un = _claims(mini_store, object="UN")
    assert ("SUN", "UN", "member", "join", "1945-01-01") in un
    assert ("SUN", "UN", "member", "leave", "1991-01-01") in un
    assert ("RUS", "UN", "member", "join", "1991-01-01") in un
    assert ("GEO", "UN", "member", "join", "1992-01-01") in un
    assert all(c[0] in {"SUN", "RUS", "GEO", "USA"} for c in un)


def test_yearly_codes_become_joins_leaves_and_changes_of_role_at_year_precision(tmp_path, mini_store):
    import_cow(mini_store, state_slice(tmp_path / "sy.csv", {"georgia", "ukraine"}, ["cis"]))
    assert _claims(mini_store, subject="GEO") == [
        ("GEO", "CIS", "member", "join", "1995-01-01"),
        ("GEO", "CIS", "member", "leave", "2008-01-01")]
    assert _claims(mini_store, subject="UKR") == [
        ("UKR", "CIS", "member", "join", "1991-01-01"),
        ("UKR", "CIS", "associate_member", "join", "1993-01-01")]
    with mini_store.engine.connect() as conn:
        data = json.loads(conn.execute(select(schema.claims.c.data).where(
            schema.claims.c.source_id == SOURCE_ID, schema.claims.c.event == "leave")).scalar())
    assert data["date_precision"] == "year" and data["note"] == "COW codes no membership in 2008"


def test_cow_is_a_voice_that_disagrees_without_replacing_the_reference(tmp_path, mini_store):
    before = _count(mini_store, schema.claims)
    import_cow(mini_store, state_slice(tmp_path / "sy.csv", {"georgia", "ukraine"}, ["cis"]))
    assert _count(mini_store, schema.claims) - before == len(_claims(mini_store))
    geo = next(m for m in queries.members(mini_store, "CIS", "2008-12-31") if m.state == "GEO")
    assert geo.voice == "reference" and geo.role == "member"
    assert geo.conflicts == [{"voice": "cow", "role": None, "certain": True, "sources": []}]
    ukr = next(m for m in queries.members(mini_store, "CIS", "2010-06-01") if m.state == "UKR")
    assert ukr.role is None and ukr.conflicts[0]["role"] == "associate_member"
    assert ukr.conflicts[0]["sources"] == [SOURCE_ID]


def test_cow_says_nothing_after_its_last_year(tmp_path, mini_store):
    import_cow(mini_store, state_slice(tmp_path / "sy.csv", {"ukraine"}, ["cis"]))
    assert any(m.state == "UKR" for m in queries.members(mini_store, "CIS", "2014-12-31"))
    assert not any(m.state == "UKR" for m in queries.members(mini_store, "CIS", "2015-01-01"))
    w = queries.why(mini_store, "UKR", "CIS", "2016-01-01")
    assert [v["voice"] for v in w["voices"]] == ["reference"]


def test_importing_again_replaces_the_earlier_import(tmp_path, mini_store):
    first = igo_slice(tmp_path / "a.csv", {"CIS", "ACPEU"})
    import_cow(mini_store, first)
    n = len(_claims(mini_store))
    import_cow(mini_store, first)
    assert len(_claims(mini_store)) == n
    assert _count(mini_store, schema.sources, dataset=DATASET) == 1
    import_cow(mini_store, igo_slice(tmp_path / "b.csv", {"CSTO"}))
    assert {c[1] for c in _claims(mini_store)} == {"CSTO"}
    assert _count(mini_store, schema.organizations, id="COW_ACPEU") == 0
    assert _count(mini_store, schema.cow_rows, key="CIS") == 0


@pytest.mark.parametrize("where", ["_write_panel", "_axis_rows", "_kept_rows"])
def test_a_failure_while_writing_leaves_the_store_as_it_was(tmp_path, mini_store, monkeypatch,
                                                            where):
    """Also when it happens in the thread that makes the panel's pieces."""
    import_cow(mini_store, igo_slice(tmp_path / "a.csv", {"CIS"}))
    before = (_claims(mini_store), _count(mini_store, schema.spells),
              _count(mini_store, schema.cow_cells), _count(mini_store, schema.organizations))

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(f"blocs.interop.cow.{where}", boom)
    with pytest.raises(RuntimeError):
        import_cow(mini_store, igo_slice(tmp_path / "b.csv", {"CSTO", "ACPEU"}))
    assert (_claims(mini_store), _count(mini_store, schema.spells),
            _count(mini_store, schema.cow_cells),
            _count(mini_store, schema.organizations)) == before


def test_a_rebuild_keeps_imported_organizations_and_cows_spells(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "a.csv", {"CIS", "ACPEU"}))
    spells = _count(mini_store, schema.spells, voice=DATASET)
    build(mini_store, FIXTURES / "reference")
    assert _count(mini_store, schema.organizations, id="COW_ACPEU") == 1
    assert _count(mini_store, schema.organizations, id="CSTO") == 1
    assert _count(mini_store, schema.spells, voice=DATASET) == spells > 0


def test_the_imports_spells_are_those_a_full_rederive_gives(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "a.csv", {"CIS", "UN", "AGC", "EEC"}))
    cols = [c for c in schema.spells.c if c.name != "id"]

    def rows():
        with mini_store.engine.connect() as conn:
            return Counter(tuple(r) for r in conn.execute(select(*cols)).all())
    mine = rows()
    with mini_store.engine.begin() as conn:
        rederive(conn)
    assert rows() == mine
    with mini_store.engine.connect() as conn:
        cv = conn.execute(select(schema.complete_voices.c.speaks_until).where(
            schema.complete_voices.c.voice == DATASET)).scalars().all()
    assert set(cv) == {"2015-01-01"}


def test_the_imports_claim_rows_are_those_the_claim_record_gives(tmp_path, mini_store):
    from blocs.claims import Claim
    from blocs.reference.build import claim_row

    import_cow(mini_store, igo_slice(tmp_path / "a.csv", {"CIS", "UN", "EEC"}))
    c = schema.claims
    with mini_store.engine.connect() as conn:
        rows = conn.execute(select(c).where(c.c.source_id == SOURCE_ID)).all()
    assert len(rows) > 100
    for row in rows:
        stored = dict(row._mapping)
        assert claim_row(Claim(json.loads(stored["data"])), stored["origin"]) == stored


def test_the_full_imports_spells_are_those_a_full_rederive_gives(cow_store):
    cols = [c for c in schema.spells.c if c.name != "id"]
    with cow_store.engine.connect() as conn:
        mine = Counter(tuple(r) for r in conn.execute(select(*cols)).all())
        rederive(conn)
        again = Counter(tuple(r) for r in conn.execute(select(*cols)).all())
        conn.rollback()         # the session's store stays as imported
    assert sum(mine.values()) > 18000 and again == mine


def _same_cells(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns) and a.shape == b.shape
    for c in a.columns:
        x, y = a[c], b[c]
        if x.dtype == object or y.dtype == object:
            assert x.fillna("").astype(str).tolist() == y.fillna("").astype(str).tolist(), c
        else:
            assert np.array_equal(x.to_numpy(float), y.to_numpy(float), equal_nan=True), c


@pytest.mark.parametrize("layout", ["igo-year", "state-year"])
def test_a_slice_comes_back_cell_for_cell(tmp_path, mini_store, layout):
    if layout == "igo-year":
        src = igo_slice(tmp_path / "in.csv", {"CIS", "CSTO", "AGC", "ACPEU", "UN", "EEC"})
    else:
        src = state_slice(tmp_path / "in.csv.gz", {"russia", "georgia", "germany", "wgermany",
                                                    "yugoslaviaserb", "czechoslovakia"})
    import_cow(mini_store, src)
    out = tmp_path / "out.csv"
    export(mini_store, f"cow-{layout}", out, Scope(source="cow"))
    _same_cells(pd.read_csv(src), pd.read_csv(out))


def test_the_state_year_file_comes_back_cell_for_cell(cow_store, tmp_path):
    out = tmp_path / "sy.csv.gz"
    export(cow_store, "cow-state-year", out, Scope(source="cow"))
    _same_cells(pd.read_csv(STATE_YEAR), pd.read_csv(out))


def test_the_igo_year_file_comes_back_cell_for_cell(db, tmp_path):
    from blocs.store import open_store

    store = open_store(db)
    result = import_cow(store, IGO_YEAR)
    assert (result.igos, result.states, result.years) == (534, 217, "1816-2014")
    out = tmp_path / "igo.csv"
    export(store, "cow-igo-year", out, Scope(source="cow"))
    _same_cells(pd.read_csv(IGO_YEAR), pd.read_csv(out))
