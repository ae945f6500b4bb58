"""Review: accept, reject, edit, batches, conflicts, history — and what they change."""

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from blocs.cli.app import app
from blocs.ingest.documents import ingest
from blocs.queries import why
from blocs.review import ReviewError, accept_batch, decide, history, proposed
from blocs.store import schema

TEXT = ("Mongolia joined the Collective Security Treaty Organization in 2008.\n\n"
        "Turkmenistan left the Shanghai Cooperation Organization in 2009.\n")


@pytest.fixture
def doc_store(mini_store, tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(TEXT, encoding="utf-8")
    [result] = ingest(mini_store, [p], date="2010-01-01")
    assert result.status == "added" and result.claims == 2
    return mini_store, result.doc


def status_of(store, claim_id):
    with store.engine.connect() as conn:
        return conn.execute(select(schema.claims.c.status).where(
            schema.claims.c.id == claim_id)).scalar_one()


def test_proposed_claims_come_with_their_passage_and_conflicts(doc_store):
    store, doc = doc_store
    items = {p.claim.subject: p for p in proposed(store, doc)}
    mng = items["MNG"]
    passage, a, b = mng.context
    assert passage[a:b] == mng.claim.get("quote")
    assert mng.conflicts and mng.conflicts[0]["voice"] == "reference"


def test_a_proposed_claim_is_not_a_fact_until_accepted(doc_store):
    store, doc = doc_store
    assert why(store, "MNG", "CSTO", "2009-06-01")["voices"][0]["role"] is None
    mng = next(p for p in proposed(store, doc) if p.claim.subject == "MNG")
    decide(store, mng.id, "accepted", reviewer="tester")
    assert status_of(store, mng.id) == "accepted"
    w = why(store, "MNG", "CSTO", "2009-06-01")
    assert {v["voice"]: v["role"] for v in w["voices"]}[doc] == "member" and w["disputed"]
    [h] = history(store, mng.id)
    assert (h["decision"], h["reviewer"]) == ("accepted", "tester")


def test_rejecting_keeps_the_claim_and_its_history(doc_store):
    store, doc = doc_store
    p = proposed(store, doc)[0]
    decide(store, p.id, "rejected", reviewer="tester", note="misread")
    assert status_of(store, p.id) == "rejected"
    assert history(store, p.id)[0]["note"] == "misread"
    with pytest.raises(ReviewError, match="already rejected"):
        decide(store, p.id, "accepted")


def test_an_edit_makes_a_new_accepted_claim_and_keeps_the_original(doc_store):
    store, doc = doc_store
    p = next(p for p in proposed(store, doc) if p.claim.subject == "MNG")
    new_id = decide(store, p.id, "edited", reviewer="tester", edits={"role": "observer"})
    assert new_id != p.id
    assert status_of(store, p.id) == "rejected" and status_of(store, new_id) == "accepted"
    with store.engine.connect() as conn:
        data = json.loads(conn.execute(select(schema.claims.c.data).where(
            schema.claims.c.id == new_id)).scalar_one())
    assert data["role"] == "observer" and data["edited_from"] == p.id
    h = history(store, p.id)[0]
    assert h["decision"] == "edited" and json.loads(h["after"]) == {"role": "observer"}
    assert json.loads(h["before"])["role"] == "member"


def test_an_edit_that_breaks_the_claim_is_refused_and_changes_nothing(doc_store):
    store, doc = doc_store
    p = proposed(store, doc)[0]
    with pytest.raises(Exception, match="role"):
        decide(store, p.id, "edited", edits={"role": "emperor"})
    assert status_of(store, p.id) == "proposed" and history(store, p.id) == []


def test_a_batch_dry_run_changes_nothing_and_a_batch_accepts(doc_store):
    store, doc = doc_store
    listed = accept_batch(store, doc, 0.0, dry_run=True)
    assert len(listed) == 2 and all(status_of(store, p.id) == "proposed" for p in listed)
    assert accept_batch(store, doc, 0.99) == []
    done = accept_batch(store, doc, 0.0, reviewer="batch")
    assert {status_of(store, p.id) for p in done} == {"accepted"}
    assert proposed(store, doc) == []


def test_the_terminal_review_accepts_rejects_and_edits(doc_store, monkeypatch):
    store, doc = doc_store
    db = str(store.engine.url.database) if store.is_sqlite else \
        store.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("BLOCS_REVIEWER", "terminal")
    r = CliRunner().invoke(app, ["review", "--doc", doc[:10], "--db", db],
                           input="e\nrole=observer\n\nr\n")
    assert r.exit_code == 0, r.output
    assert "Base disagrees" in r.output and "1 rejected, 1 edited" in r.output
    r = CliRunner().invoke(app, ["accept", "--db", db, "--min-confidence", "0"])
    assert "Accepted 0 claims" in r.output or "No proposed claim" in r.output


def test_accept_dry_run_from_the_command_line(doc_store):
    store, doc = doc_store
    db = str(store.engine.url.database) if store.is_sqlite else \
        store.engine.url.render_as_string(hide_password=False)
    r = CliRunner().invoke(app, ["accept", "--doc", "report", "--min-confidence", "0",
                                 "--dry-run", "--db", db, "-f", "json"])
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)) == 2
    assert len(proposed(store, doc)) == 2


_COLS = [c for c in schema.spells.c if c.name != "id"]
_VOICE = [c.name for c in _COLS].index("voice")


def _spells(store):
    from collections import Counter

    cols = _COLS
    with store.engine.connect() as conn:
        return Counter(tuple(r) for r in conn.execute(select(*cols)).all())


def _after_full_rederive(store):
    from blocs.reference.build import rederive

    with store.engine.begin() as conn:
        rederive(conn)
    return _spells(store)


def test_a_decision_rederives_its_pair_as_a_full_rederive_would(doc_store):
    store, doc = doc_store
    before = _spells(store)
    mng = next(p for p in proposed(store, doc) if p.claim.subject == "MNG")
    decide(store, mng.id, "accepted", reviewer="tester")
    mine = _spells(store)
    added = mine - before
    assert added and {(s[0], s[1]) for s in added} == {("MNG", "CSTO")}
    assert _after_full_rederive(store) == mine


def test_an_edit_that_moves_a_claim_to_another_pair_rederives_both(doc_store):
    store, doc = doc_store
    mng = next(p for p in proposed(store, doc) if p.claim.subject == "MNG")
    decide(store, mng.id, "edited", reviewer="tester", edits={"object": "SCO"})
    mine = _spells(store)
    assert any(s[:2] == ("MNG", "SCO") and s[_VOICE] == doc for s in mine)
    assert _after_full_rederive(store) == mine


def test_a_batch_rederives_the_pairs_of_what_it_accepts(doc_store):
    store, doc = doc_store
    accept_batch(store, doc, 0.0, reviewer="batch")
    mine = _spells(store)
    assert {s[:2] for s in mine if s[_VOICE] == doc} == {("MNG", "CSTO"), ("TKM", "SCO")}
    assert _after_full_rederive(store) == mine
