"""Every error the web face can give, in its one shape:
{"error", "message", "suggestions", "status"} with the status as the HTTP code."""

import pytest

from .conftest import TOKEN, client_for

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SHAPE = {"error", "message", "suggestions", "status"}


def check(r, status: int, error: str) -> dict:
    body = r.json()
    assert set(body) == SHAPE, body
    assert (r.status_code, body["status"], body["error"]) == (status, status, error), body
    assert body["message"] and "\n" not in body["message"]
    return body


@pytest.mark.parametrize("path, status, error", [
    ("/api/v1/organizations/CSOT/members", 404, "UnknownId"),
    ("/api/v1/organizations/NOPE", 404, "UnknownId"),
    ("/api/v1/states/Uzbekstan/memberships", 404, "UnknownId"),
    ("/api/v1/why/UZB/CSOT", 404, "UnknownId"),
    ("/api/v1/documents/nosuchdocument", 404, "UnknownId"),
    ("/api/v1/organizations/CSTO/members?on=2010-02-30", 422, "BadDate"),
    ("/api/v1/matrix?orgs=CIS&on=15.04.2010", 422, "BadDate"),
    ("/api/v1/organizations/CSTO/diff?from=2013-01-01&to=2010-01-01", 422, "BadDate"),
    ("/api/v1/matrix", 422, "InvalidParameter"),
    ("/api/v1/matrix?orgs=", 422, "InvalidParameter"),
    ("/api/v1/overlap?orgs=CIS", 422, "InvalidParameter"),
    ("/api/v1/organizations?limit=0", 422, "InvalidParameter"),
    ("/api/v1/organizations?offset=-1", 422, "InvalidParameter"),
    ("/api/v1/search", 422, "InvalidParameter"),
    ("/api/v1/no/such/endpoint", 404, "NotFound"),
])
def test_a_bad_read_gets_the_error_shape(ref_client, path, status, error):
    check(ref_client.get(path), status, error)


def test_an_unknown_id_comes_with_suggestions(ref_client):
    body = check(ref_client.get("/api/v1/organizations/CSOT/members"), 404, "UnknownId")
    assert "CSTO" in body["suggestions"] and "CSOT" in body["message"]


def test_a_wrong_method_is_405(ref_client):
    check(ref_client.delete("/api/v1/organizations"), 405, "MethodNotAllowed")


def test_writes_need_a_token_and_the_right_one(doc_client):
    claim = doc_client.get("/api/v1/review").json()["items"][0]["id"]
    url = f"/api/v1/review/{claim}"
    check(doc_client.post(url, json={"decision": "accepted"}), 401, "Unauthorized")
    check(doc_client.post(url, json={"decision": "accepted"},
                          headers={"Authorization": "Basic abc"}), 401, "Unauthorized")
    body = check(doc_client.post(url, json={"decision": "accepted"},
                                 headers={"Authorization": "Bearer wrong"}), 403, "Forbidden")
    assert TOKEN not in body["message"]
    check(doc_client.post("/api/v1/documents", files={"file": ("a.txt", b"x")}), 401,
          "Unauthorized")
    assert doc_client.get("/api/v1/review").json()["total"] == 2     # nothing was decided


def test_without_a_configured_token_writes_are_disabled(mini_store):
    client = client_for(mini_store, token=None)
    body = check(client.post("/api/v1/review/accept", json={}, headers=AUTH), 403, "Forbidden")
    assert "BLOCS_TOKEN" in body["message"]


def test_review_errors(doc_client):
    claim = doc_client.get("/api/v1/review").json()["items"][0]["id"]
    check(doc_client.post("/api/v1/review/0000000000000000", json={"decision": "accepted"},
                          headers=AUTH), 404, "UnknownId")
    check(doc_client.post(f"/api/v1/review/{claim}", json={"decision": "maybe"},
                          headers=AUTH), 422, "InvalidParameter")
    check(doc_client.post(f"/api/v1/review/{claim}", json={"decision": "edited",
                                                           "edits": {"role": "emperor"}},
                          headers=AUTH), 422, "DataError")
    check(doc_client.post(f"/api/v1/review/{claim}", json={"decision": "edited"},
                          headers=AUTH), 409, "ReviewError")
    assert doc_client.post(f"/api/v1/review/{claim}", json={"decision": "rejected"},
                           headers=AUTH).status_code == 200
    check(doc_client.post(f"/api/v1/review/{claim}", json={"decision": "accepted"},
                          headers=AUTH), 409, "ReviewError")
    check(doc_client.post("/api/v1/review/accept", json={"doc": "nosuchdoc"}, headers=AUTH),
          404, "UnknownId")


def test_upload_errors(mini_store):
    client = client_for(mini_store, max_upload_mb=0.01)
    big = b"x" * (200 * 1024)
    check(client.post("/api/v1/documents", files={"file": ("big.txt", big)}, headers=AUTH),
          413, "UploadTooLarge")
    body = check(client.post("/api/v1/documents", files={"file": ("bad.pdf", b"%PDF-1.4 broken")},
                             headers=AUTH), 422, "ReadError")
    assert "bad.pdf" in body["message"] and "/tmp" not in body["message"]
    check(client.post("/api/v1/documents", files={"file": ("undated.txt", b"No date.\n")},
                      headers=AUTH), 422, "ReadError")
    check(client.post("/api/v1/documents", files={"file": ("a.txt", b"x")},
                      data={"date": "2010-13"}, headers=AUTH), 422, "BadDate")
    check(client.post("/api/v1/documents", headers=AUTH), 422, "InvalidParameter")


def test_a_chunked_upload_over_the_limit_is_cut_off(mini_store):
    client = client_for(mini_store, max_upload_mb=0.01)

    def body():
        boundary = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        yield boundary
        for _ in range(40):
            yield b"y" * 8192
        yield b"\r\n--b--\r\n"

    r = client.post("/api/v1/documents", content=body(), headers={
        **AUTH, "Content-Type": "multipart/form-data; boundary=b"})
    check(r, 413, "UploadTooLarge")


def test_a_bug_is_a_500_in_the_same_shape(ref_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("blocs.queries.members", broken)
    body = check(ref_client.get("/api/v1/organizations/CSTO/members"), 500, "InternalError")
    assert "boom" not in body["message"]


def test_pages_show_the_same_errors_as_html(ref_client):
    r = ref_client.get("/organizations/CSOT")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Unknown organization" in r.text and 'href="/search?q=CSTO"' in r.text
    r = ref_client.get("/matrix?on=2010-02-30")
    assert r.status_code == 422 and "cannot exist" in r.text
    assert ref_client.get("/no/such/page").status_code == 404
