"""Documents and the claims that point into them; sources by id."""

import pytest

from blocs.errors import UnknownId
from blocs.ingest.documents import ingest
from blocs.queries.documents import claims_between, document, documents, sources, summary

TEXT = ("Notes\n\n1 May 2010\n\nMongolia joined the Collective Security Treaty Organization "
        "in 2008.\n\nTurkmenistan left the Shanghai Cooperation Organization in 2009.\n")


@pytest.fixture
def doc(mini_store, tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text(TEXT, encoding="utf-8")
    [r] = ingest(mini_store, [p], date="2010-05-01")
    return mini_store, r.doc


def test_a_document_comes_with_its_text_and_every_claims_span_in_text_order(doc):
    store, doc_id = doc
    d = document(store, "notes")
    assert d["id"] == doc_id and d["text"] == TEXT and d["origin"] == "ingest:notes.txt"
    assert [c["subject"] for c in d["claims"]] == ["MNG", "TKM"]
    for c in d["claims"]:
        assert TEXT[c["span"][0]:c["span"][1]] == c["quote"] and c["status"] == "proposed"
    assert d["claims"][0]["summary"] == "membership MNG join (member) CSTO (2008)"


def test_the_document_list_counts_claims_by_status(doc):
    store, doc_id = doc
    row = next(r for r in documents(store) if r["id"] == doc_id)
    assert row["claims"] == {"proposed": 2, "accepted": 0, "rejected": 0}
    assert row["characters"] == len(TEXT)


def test_claims_about_a_pair_are_found_in_a_document(doc):
    store, doc_id = doc
    [mng] = claims_between(store, doc_id, "MNG", "CSTO")
    assert claims_between(store, doc_id, obj="SCO") != [mng]
    assert claims_between(store, doc_id, "RUS") == []


def test_sources_say_whether_their_text_is_stored(doc):
    store, doc_id = doc
    found = sources(store, [doc_id])
    assert found[doc_id]["document"] and found[doc_id]["stated_as_of"] == "2010-05-01"
    assert sources(store, []) == {}
    assert any(not s["document"] for s in sources(store).values())


def test_an_unknown_document_is_an_unknown_id(mini_store):
    with pytest.raises(UnknownId):
        document(mini_store, "no-such-document")


def test_a_summary_names_what_a_claim_says():
    assert summary({"kind": "contribution", "subject": "RUS", "object": "CORF",
                    "quantity": 8000, "unit": "troops", "date": "2009",
                    "date_qualifier": "late"}) == "contribution RUS troops CORF quantity=8000 (late 2009)"
