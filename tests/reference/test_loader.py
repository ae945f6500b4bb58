import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from blocs.errors import DataError
from blocs.reference.build import build, load_reference
from blocs.store import open_store, schema

from ..conftest import FIXTURES


def data_dir(tmp_path: Path, extra: str, name: str = "bad.yaml") -> Path:
    d = tmp_path / "data"
    shutil.copytree(FIXTURES / "reference", d)
    (d / name).write_text(extra, encoding="utf-8")
    return d


SRC = "sources:\n  b-one: {title: T, publisher: P, url: https://example.org}\nclaims:\n"


@pytest.mark.parametrize("claims,line,field,message", [
    ("  - {kind: membership, subject: UZX, object: CSTO, role: member, event: join, "
     "date: '2001', source: b-one}\n", 4, "subject", "unknown state 'UZX'"),
    ("  - {kind: membership, subject: UZB, object: CTSO, role: member, event: join, "
     "date: '2001', source: b-one}\n", 4, "object", "did you mean CSTO"),
    ("  - kind: membership\n    subject: UZB\n    object: CSTO\n    role: member\n"
     "    event: join\n    date: '2001-02-30'\n    source: b-one\n", 9, "date", "impossible"),
    ("  - {kind: membership, subject: UZB, object: CSTO, role: boss, event: join, "
     "date: '2001', source: b-one}\n", 4, "role", "not one of"),
    ("  - {kind: membership, subject: UZB, object: CSTO, role: member, event: join, "
     "date: '2001', source: b-two}\n", 4, "source", "unknown source"),
])
def test_a_typo_in_a_data_file_names_file_line_and_field(tmp_path, claims, line, field, message):
    d = data_dir(tmp_path, SRC + claims)
    with pytest.raises(DataError, match=message) as e:
        load_reference(d)
    assert e.value.file.endswith("bad.yaml")
    assert (e.value.line, e.value.field) == (line, field)


def test_invalid_yaml_names_its_line(tmp_path):
    d = data_dir(tmp_path, SRC + "  - {kind: membership, subject: [UZB\n")
    with pytest.raises(DataError, match="invalid YAML") as e:
        load_reference(d)
    assert e.value.line is not None


def test_contradictory_data_is_an_error_naming_the_later_claim(tmp_path):
    # the fixture has Georgia leave the CIS on 2009-08-18; leaving again in 2012 cannot be
    d = data_dir(tmp_path, SRC + "  - {kind: membership, subject: GEO, object: CIS, "
                 "role: member, event: leave, date: '2012-01-01', source: b-one}\n")
    with pytest.raises(DataError, match="without being in it") as e:
        load_reference(d)
    assert e.value.file == "bad.yaml" and e.value.line == 4


def test_a_source_defined_twice_is_an_error(tmp_path):
    d = data_dir(tmp_path, "sources:\n  t-one: {title: T, publisher: P, url: u}\nclaims: []\n")
    with pytest.raises(DataError, match="already defined"):
        load_reference(d)


def test_a_source_without_url_is_refused(tmp_path):
    d = data_dir(tmp_path, "sources:\n  b-x: {title: T, publisher: P}\nclaims: []\n")
    with pytest.raises(DataError, match="needs a url"):
        load_reference(d)


def test_a_failed_build_leaves_the_store_as_it_was(mini_store, tmp_path):
    def count():
        with mini_store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.claims)).scalar()

    before = count()
    d = data_dir(tmp_path, SRC + "  - {kind: membership, subject: UZX, object: CSTO, "
                 "role: member, event: join, date: '2001', source: b-one}\n")
    with pytest.raises(DataError):
        build(mini_store, d)
    assert count() == before > 0


def test_a_document_claim_gets_its_quote_from_the_text_on_disk(mini_store):
    with mini_store.engine.connect() as conn:
        quotes = [r[0] for r in conn.execute(select(schema.claims.c.data).where(
            schema.claims.c.source_id == "mini"))]
    assert any('"quote": "Turkmenistan left the CIS in 2004."' in q for q in quotes)


def test_a_document_whose_text_differs_from_its_sha256_is_refused(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mini.txt").write_text("something else", encoding="utf-8")
    monkeypatch.setenv("BLOCS_CORPUS", str(corpus))
    with pytest.raises(DataError, match="sha256"):
        load_reference(FIXTURES / "reference")


def test_building_twice_gives_the_same_claims(db, monkeypatch):
    monkeypatch.setenv("BLOCS_CORPUS", str(FIXTURES / "corpus"))
    store = open_store(db)
    first = build(store, FIXTURES / "reference")
    with store.engine.connect() as conn:
        ids1 = sorted(r[0] for r in conn.execute(select(schema.claims.c.id)))
    assert build(store, FIXTURES / "reference") == first
    with store.engine.connect() as conn:
        ids2 = sorted(r[0] for r in conn.execute(select(schema.claims.c.id)))
    assert ids1 == ids2


def test_a_comma_in_an_unquoted_value_is_caught_as_an_unknown_field(tmp_path):
    d = data_dir(tmp_path, SRC + "  - {kind: function, subject: CSTO, domain: economic, "
                 "source: b-one, note: one, two}\n")
    with pytest.raises(DataError, match="unknown field 'two'.*quote the value") as e:
        load_reference(d)
    assert e.value.line == 4
