"""Web fixtures: an API client over a store, and (for the browser tests) a real server on
a free loopback port with Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from blocs.ingest.documents import ingest
from blocs.web.deps import Settings

TOKEN = "test-token-5f0c1e"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]

REPORT = ("CSTO report\n\n15 April 2010\n\n"
          "Mongolia joined the Collective Security Treaty Organization in 2008.\n\n"
          "Turkmenistan left the Shanghai Cooperation Organization in 2009.\n")
MALICIOUS = ("Field notes\n\n3 March 2011\n\n"
             "Kyrgyzstan joined the Eurasian Economic Union in 2015. "
             "<script>window.__pwned = 1</script> Kyrgyzstan hosts the base. "
             "<img src=x onerror=\"window.__pwned = 2\"> <b>bold?</b> & done.\n")


def url_of(store) -> str:
    """The --db value that opens the same database as `store`."""
    if store.is_sqlite:
        return str(store.engine.url.database)
    return store.engine.url.render_as_string(hide_password=False)


def add_document(store, tmp_path: Path, text: str, name: str = "report.txt",
                 date: str = "2010-04-15") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [result] = ingest(store, [path], date=date)
    assert result.status == "added", result.error
    return result.doc


def client_for(store, token: str | None = TOKEN, max_upload_mb: float = 10.0):
    from fastapi.testclient import TestClient

    from blocs.web import create_app

    app = create_app(url_of(store), Settings(token=token, max_upload_mb=max_upload_mb))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def ref_client(reference_store):
    """Read-only API client over the shipped reference data."""
    return client_for(reference_store)


@pytest.fixture
def doc_client(mini_store, tmp_path):
    """A client over the tiny test store with one ingested report (two proposed claims)."""
    doc = add_document(mini_store, tmp_path, REPORT)
    client = client_for(mini_store)
    client.doc = doc
    client.store = mini_store
    return client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LogCatcher:
    """Every log record the server writes, to check what it never says."""

    def __init__(self) -> None:
        import logging

        self.lines: list[str] = []
        self.handler = logging.Handler()
        self.handler.emit = lambda record: self.lines.append(record.getMessage())

    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`blocs serve` in a thread on 127.0.0.1: the shipped reference data, a report whose
    Mongolia claim is accepted (its Turkmenistan claim stays proposed), and a document
    full of markup. Yields (base URL, store, ids, logs)."""
    import logging

    import uvicorn

    from blocs.reference.build import build
    from blocs.review import decide, proposed
    from blocs.store import open_store
    from blocs.web import create_app

    from ..conftest import CORPUS, fresh_db

    os.environ.setdefault("BLOCS_CORPUS", str(CORPUS))
    tmp = tmp_path_factory.mktemp("web")
    store = open_store(fresh_db(tmp, "web"))
    build(store)
    report = add_document(store, tmp, REPORT)
    mng = next(p for p in proposed(store, report) if p.claim.subject == "MNG")
    decide(store, mng.id, "accepted", reviewer="fixture")
    evil = add_document(store, tmp, MALICIOUS, name="notes.txt", date="2011-03-03")
    app = create_app(url_of(store), Settings(token=TOKEN))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="info")
    logs = LogCatcher()      # after the Config: it sets up uvicorn's loggers afresh
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error", "blocs"):
        logging.getLogger(name).addHandler(logs.handler)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield {"base": f"http://127.0.0.1:{port}", "store": store, "report": report,
           "mng": mng.id, "evil": evil, "logs": logs}
    srv.should_exit = True
    thread.join(timeout=10)
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error", "blocs"):
        logging.getLogger(name).removeHandler(logs.handler)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: run scripts/ensure-chromium (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser page; JavaScript errors on it fail the test."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and not
          m.text.startswith("Failed to load resource") else None)   # refusals are expected
    pg.base = server["base"]
    yield pg
    context.close()
    assert errors == [], errors


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
