"""The JSON API through FastAPI's test client: every endpoint, the CLI's record shapes,
pagination, and writes behind the token."""

import json

from typer.testing import CliRunner

from blocs.cli.app import app as cli

from .conftest import REPORT, TOKEN, url_of

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_health_and_roles_answer(ref_client):
    assert ref_client.get("/api/v1/health").json() == {"status": "ok"}
    roles = {r["id"]: r for r in ref_client.get("/api/v1/roles").json()}
    assert roles["founding_member"]["class"] == "member" and "suspended" in roles


def test_the_openapi_schema_lists_the_endpoints(ref_client):
    schema = ref_client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/organizations/{org}/members", "/api/v1/matrix", "/api/v1/why/{state}/{org}",
                 "/api/v1/documents", "/api/v1/review/{claim_id}", "/api/v1/search"):
        assert path in schema["paths"], path
    assert not any(p.startswith("/matrix") for p in schema["paths"])   # pages are not API


def test_members_are_the_clis_json_records_in_a_page(ref_client, reference_store):
    body = ref_client.get("/api/v1/organizations/CSTO/members?on=2013-01-01").json()
    out = CliRunner().invoke(cli, ["members", "CSTO", "--on", "2013-01-01", "-f", "json",
                                   "--db", url_of(reference_store)])
    assert body["items"] == json.loads(out.stdout)
    assert (body["total"], body["offset"], body["on"]) == (len(body["items"]), 0, "2013-01-01")
    uzb = next(m for m in body["items"] if m["state"] == "UZB")
    assert uzb["role"] == "suspended" and uzb["since"] == "2012-12-19"


def test_pagination_gives_a_slice_and_the_total(ref_client):
    full = ref_client.get("/api/v1/organizations").json()
    part = ref_client.get("/api/v1/organizations?limit=5&offset=3").json()
    assert part["total"] == full["total"] > 8
    assert part["items"] == full["items"][3:8] and (part["limit"], part["offset"]) == (5, 3)


def test_organization_and_state_records(ref_client):
    org = ref_client.get("/api/v1/organizations/csto").json()
    assert org["id"] == "CSTO" and org["kind"] == "organization" and "CORF" in org["bodies"]
    assert any(f["date"] == "2002-10-07" for f in org["founding"])
    state = ref_client.get("/api/v1/states/Uzbekistan").json()
    assert state["id"] == "UZB" and state["kind"] == "state"
    assert ref_client.get("/api/v1/organizations/UZB").status_code == 404
    assert ref_client.get("/api/v1/states/CSTO").status_code == 404


def test_memberships_timelines_diff_and_why(ref_client):
    held = ref_client.get("/api/v1/states/UZB/memberships?on=2010-04-15").json()
    assert {m["org"]: m["role"] for m in held["items"]}["CSTO"] == "member"
    spells = ref_client.get("/api/v1/states/UZB/timeline").json()["items"]
    assert {"CSTO", "CIS", "SCO"} <= {s["org"] for s in spells}
    org_spells = ref_client.get("/api/v1/organizations/CSTO/timeline?state=UZB").json()["items"]
    assert {s["state"] for s in org_spells} == {"UZB"} and any(s["role"] == "suspended"
                                                                 for s in org_spells)
    diff = ref_client.get("/api/v1/organizations/CSTO/diff?from=2010-01-01&to=2013-01-01").json()
    assert {c["state"]: c["change"] for c in diff["items"]}["UZB"] == "role_changed"
    why = ref_client.get("/api/v1/why/UZB/CSTO?on=2013-01-01").json()
    assert why["role"] == "suspended" and any(c["behind_answer"] for c in why["claims"])


def test_the_matrix_changes_uzbekistans_csto_cell_between_2010_and_2013(ref_client):
    def cell(on):
        items = ref_client.get(f"/api/v1/matrix?orgs=CIS,CSTO&orgs=SCO&on={on}").json()["items"]
        return {(c["state"], c["org"]): c for c in items}[("UZB", "CSTO")]

    assert cell("2010-04-15")["role"] == "member"
    assert cell("2013-01-01")["role"] == "suspended"


def test_overlap_and_network(ref_client):
    pairs = ref_client.get("/api/v1/overlap?orgs=CIS,CSTO&on=2010-04-15").json()["items"]
    assert pairs[0]["shared"] == 7
    graph = ref_client.get("/api/v1/network?orgs=CIS,CSTO&on=2010-04-15").json()
    orgs = {n["id"]: n for n in graph["nodes"] if n["kind"] == "organization"}
    assert orgs["CSTO"]["members"] == 7 and orgs["CIS"]["members"] > 7
    assert graph["overlaps"][0]["shared"] == 7 and len(graph["links"]) > 14


def test_documents_list_one_document_and_search(doc_client):
    docs = doc_client.get("/api/v1/documents").json()["items"]
    assert {d["id"] for d in docs} >= {doc_client.doc}
    d = doc_client.get(f"/api/v1/documents/{doc_client.doc[:10]}").json()
    assert d["text"] == REPORT and len(d["claims"]) == 2
    for c in d["claims"]:
        assert d["text"][c["span"][0]:c["span"][1]] == c["quote"]
    hits = doc_client.get("/api/v1/search?q=Mongolia").json()
    assert [h["doc_id"] for h in hits["documents"]] == [doc_client.doc]
    assert [s["id"] for s in hits["states"]] == ["MNG"]


def test_the_review_queue_then_accept_reject_and_edit_with_the_token(doc_client):
    queue = doc_client.get(f"/api/v1/review?doc={doc_client.doc}").json()
    assert queue["total"] == 2
    by_subject = {p["claim"]["subject"]: p for p in queue["items"]}
    mng, tkm = by_subject["MNG"], by_subject["TKM"]
    a, b = mng["span_in_passage"]
    assert mng["passage"][a:b] == mng["claim"]["quote"] and mng["conflicts"]
    r = doc_client.post(f"/api/v1/review/{mng['id']}", json={"decision": "accepted"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["stands"] == mng["id"]
    why = doc_client.get("/api/v1/why/MNG/CSTO?on=2009-06-01").json()
    assert {v["voice"]: v["role"] for v in why["voices"]}[doc_client.doc] == "member"
    r = doc_client.post(f"/api/v1/review/{tkm['id']}", headers=AUTH,
                        json={"decision": "edited",
                              "edits": {"date": "2009-05", "date_precision": "month"}})
    assert r.status_code == 200 and r.json()["stands"] != tkm["id"]
    history = doc_client.get(f"/api/v1/review/{tkm['id']}/history").json()
    assert [h["decision"] for h in history] == ["edited"] and history[0]["reviewer"] == "web"
    assert doc_client.get("/api/v1/review").json()["total"] == 0


def test_a_batch_accept_with_a_dry_run_first(doc_client):
    dry = doc_client.post("/api/v1/review/accept", headers=AUTH,
                          json={"doc": doc_client.doc, "min_confidence": 0, "dry_run": True}).json()
    assert dry["total"] == 2 and doc_client.get("/api/v1/review").json()["total"] == 2
    done = doc_client.post("/api/v1/review/accept", headers=AUTH,
                           json={"doc": doc_client.doc, "min_confidence": 0}).json()
    assert done["total"] == 2 and doc_client.get("/api/v1/review").json()["total"] == 0


def test_an_upload_is_ingested_and_the_same_file_again_is_unchanged(doc_client):
    text = b"Field notes\n\n3 March 2011\n\nKyrgyzstan joined the Eurasian Economic Union in 2015.\n"
    files = {"file": ("../../notes.txt", text, "text/plain")}
    r = doc_client.post("/api/v1/documents", files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "added" and body["path"] == "notes.txt" and body["claims"] >= 1
    doc = doc_client.get(body["links"]["api"]).json()
    assert doc["text"] == text.decode() and doc["origin"] == "ingest:notes.txt"
    again = doc_client.post("/api/v1/documents", files=files, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_an_upload_takes_a_date_and_a_title(doc_client):
    files = {"file": ("undated.md", b"# Notes\n\nNothing dated here.\n", "text/markdown")}
    r = doc_client.post("/api/v1/documents", files=files, headers=AUTH,
                        data={"date": "2012-06-07", "title": "My notes", "extract": "false"})
    assert r.status_code == 201 and r.json()["claims"] == 0
    assert doc_client.get(r.json()["links"]["api"]).json()["title"] == "My notes"
