import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from blocs.claims import Claim
from blocs.errors import BadDate
from blocs.ingest.documents import expand, ingest
from blocs.reference import build as reference_build
from blocs.search import search_documents
from blocs.sources import PRECEDENCE
from blocs.store import open_store, schema

from .conftest import write_pdf
from .test_readers import RUSSIAN

REPORT = ("The CSTO and its neighbours\n\n15 April 2010\n\n"
          "Kazakhstan is a member of the Collective Security Treaty Organization.\n")


@pytest.fixture
def store(db):
    return open_store(db)


@pytest.fixture(autouse=True)
def quiet_extractor(monkeypatch):
    """These tests are about storing documents: the extractor says nothing unless a test
    gives it something to say (the real one is tested on its own, and once below)."""
    monkeypatch.setattr("blocs.extract.extract", lambda text, doc, doc_date=None: [])


def _counts(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (schema.sources, schema.documents, schema.claims, schema.spells)}


def _row(store, table, doc):
    with store.engine.connect() as conn:
        return conn.execute(select(table).where(table.c.id == doc)).mappings().first()


def _fake_extractor(monkeypatch, status="proposed"):
    """An extractor that states one membership: France in the CSTO (which is not true)."""
    def extract(text, doc, doc_date=None):
        start = text.index("Kazakhstan")
        return [Claim({"kind": "membership", "subject": "FRA", "object": "CSTO",
                       "role": "member", "event": "state", "status": status,
                       "source": {"doc": doc, "start": start, "end": start + 10},
                       "quote": text[start:start + 10]})]
    monkeypatch.setattr("blocs.extract.extract", extract)


def test_a_text_file_becomes_a_document_source_with_its_original_text(store, tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(REPORT.encode("utf-8"))
    [r] = ingest(store, [p])
    assert (r.status, r.claims, r.error) == ("added", 0, None)
    src = _row(store, schema.sources, r.doc)
    assert (src["kind"], src["dataset"], src["precedence"]) == ("document", r.doc,
                                                                PRECEDENCE["document"])
    assert (src["title"], src["date"], src["stated_as_of"]) == (
        "The CSTO and its neighbours", "2010-04-15", "2010-04-15")
    assert (src["sha256"], src["origin"]) == (r.doc, "ingest:report.txt")
    assert _row(store, schema.documents, r.doc)["text"] == REPORT


def test_the_stored_text_of_a_legacy_encoded_file_is_its_decoded_text(store, tmp_path):
    p = tmp_path / "odkb.txt"
    p.write_bytes(RUSSIAN.encode("cp1251"))
    [r] = ingest(store, [p])
    assert _row(store, schema.documents, r.doc)["text"] == RUSSIAN


def test_the_stored_text_of_a_pdf_is_the_extracted_text(store, tmp_path):
    from blocs.ingest.readers import read_document

    p = write_pdf(tmp_path / "r.pdf", ["Digest, May 2011\nThe SCO met."], title="Digest")
    [r] = ingest(store, [p])
    src = _row(store, schema.sources, r.doc)
    assert (src["title"], src["date"], src["stated_as_of"]) == ("Digest", "2011-05",
                                                                "2011-05-01")
    assert _row(store, schema.documents, r.doc)["text"] == read_document(p).text


def test_the_same_file_twice_is_unchanged_and_adds_nothing(store, tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    [first] = ingest(store, [p])
    before = _counts(store)
    [again] = ingest(store, [p], date="2011-01-01", title="Another title")
    assert (again.status, again.doc) == ("unchanged", first.doc)
    assert _counts(store) == before
    assert _row(store, schema.sources, first.doc)["title"] == "The CSTO and its neighbours"


def test_a_folder_is_every_supported_file_inside_and_a_bad_one_does_not_stop_the_rest(
        store, tmp_path):
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(REPORT, encoding="utf-8")
    (d / "sub" / "b.md").write_text("# B\n\nApril 2010\n\nText.\n", encoding="utf-8")
    (d / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (d / "notes.docx").write_bytes(b"PK")              # not a kind blocs reads: left out
    (d / ".hidden.txt").write_text(REPORT + "x", encoding="utf-8")
    assert [p.relative_to(d).as_posix() for p in expand([d])] == ["a.txt", "broken.pdf",
                                                                 "sub/b.md"]
    results = ingest(store, [d])
    assert [(r.path, r.status) for r in results] == [
        (str(d / "a.txt"), "added"), (str(d / "broken.pdf"), "failed"),
        (str(d / "sub" / "b.md"), "added")]
    assert "broken.pdf: not a readable PDF" in results[1].error
    assert _counts(store)["documents"] == 2


def test_a_document_without_a_date_is_refused_unless_one_is_given(store, tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("A report on the SCO.\n\nIt met in June 2001.\n", encoding="utf-8")
    [r] = ingest(store, [p])
    assert r.status == "failed"
    assert r.error == (f"{p}: no date found in the document: give --date "
                       "(the day it speaks from, YYYY-MM-DD)")
    assert _counts(store)["sources"] == 0
    [r] = ingest(store, [p], date="2001-07-01")
    assert r.status == "added"
    assert _row(store, schema.sources, r.doc)["stated_as_of"] == "2001-07-01"


def test_a_bad_date_refuses_the_whole_batch(store, tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    with pytest.raises(BadDate):
        ingest(store, [p], date="2010-02-30")
    assert _counts(store)["sources"] == 0


def test_the_title_argument_overrides_the_documents_own(store, tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(store, [p], title="Given title")
    assert _row(store, schema.sources, r.doc)["title"] == "Given title"


def test_a_failure_while_storing_claims_leaves_nothing_of_that_document(
        store, tmp_path, monkeypatch):
    _fake_extractor(monkeypatch)

    def broken(conn, claims):
        raise OperationalError("INSERT INTO claims", {}, Exception("disk I/O error"))

    monkeypatch.setattr(reference_build, "insert_claims", broken)
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(store, [p])
    assert r.status == "failed" and "r.txt: not stored: OperationalError" in r.error
    assert _counts(store) == {"sources": 0, "documents": 0, "claims": 0, "spells": 0}
    assert search_documents(store, "Kazakhstan") == []


def test_extracted_claims_are_stored_proposed_and_stay_out_of_the_spells(
        mini_store, tmp_path, monkeypatch):
    _fake_extractor(monkeypatch, status="accepted")
    spells = _counts(mini_store)["spells"]
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(mini_store, [p])
    assert (r.status, r.claims) == ("added", 1)
    with mini_store.engine.begin() as conn:
        row = conn.execute(select(schema.claims).where(
            schema.claims.c.source_id == r.doc)).mappings().one()
        assert (row["subject"], row["status"], row["origin"]) == ("FRA", "proposed",
                                                                  "ingest:r.txt")
        reference_build.rederive(conn)
        fra = conn.execute(select(schema.spells).where(schema.spells.c.state == "FRA",
                                                       schema.spells.c.org == "CSTO")).all()
    assert fra == [] and _counts(mini_store)["spells"] == spells


def test_no_extract_stores_the_document_without_claims(store, tmp_path, monkeypatch):
    _fake_extractor(monkeypatch)
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(store, [p], extract=False)
    assert (r.status, r.claims) == ("added", 0) and _counts(store)["claims"] == 0


def test_an_ingested_document_is_found_by_full_text_search(store, tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(store, [p])
    hits = search_documents(store, "Kazakhstan")
    assert [(h["doc_id"], h["title"]) for h in hits] == [(r.doc, "The CSTO and its neighbours")]


def test_each_result_is_reported_as_it_is_done(store, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name}\n\nMay 2012\n", encoding="utf-8")
    seen = []
    ingest(store, [tmp_path], on_result=lambda r: seen.append(r.status))
    assert seen == ["added", "added"]


def test_the_real_extractors_claims_are_stored_proposed_with_quotes_from_the_text(
        store, tmp_path, monkeypatch):
    monkeypatch.undo()
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    [r] = ingest(store, [p])
    assert r.status == "added", r.error
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.claims).where(
            schema.claims.c.source_id == r.doc)).mappings().all()
    assert len(rows) == r.claims
    for row in rows:
        data = Claim(json.loads(row["data"]))
        assert row["status"] == "proposed"
        start, end = data.span
        assert data.get("quote") == REPORT[start:end]


def test_a_document_without_a_date_is_asked_for_one(mini_store, tmp_path):
    from blocs.ingest.documents import ingest as run

    p = tmp_path / "undated.txt"
    p.write_text("Kazakhstan joined the CSTO.\n", encoding="utf-8")
    asked = []
    [r] = run(mini_store, [p], ask_date=lambda path: asked.append(path.name) or "2012-03-01")
    assert asked == ["undated.txt"] and r.status == "added"
