"""`blocs serve` hands the app to uvicorn on loopback unless told otherwise."""

import uvicorn
from typer.testing import CliRunner

from blocs.cli.app import app


def test_serve_binds_loopback_by_default_and_never_prints_the_token(monkeypatch, db):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    monkeypatch.setenv("BLOCS_TOKEN", "s3cret-token")
    monkeypatch.setenv("BLOCS_DB", db)       # serve sets it for its workers: restored after
    r = CliRunner().invoke(app, ["serve", "--db", db])
    assert r.exit_code == 0, r.output
    [(target, kw)] = calls
    assert target == "blocs.web.serve:app" and kw["factory"] is True
    assert (kw["host"], kw["port"], kw["workers"]) == ("127.0.0.1", 8000, 1)
    assert "writes enabled" in r.output and "s3cret-token" not in r.output


def test_serve_takes_host_port_and_workers(monkeypatch, db):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append(kw))
    monkeypatch.delenv("BLOCS_TOKEN", raising=False)
    monkeypatch.setenv("BLOCS_DB", db)
    r = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9001",
                                 "--workers", "2", "--db", db])
    assert r.exit_code == 0, r.output
    assert (calls[0]["host"], calls[0]["port"], calls[0]["workers"]) == ("0.0.0.0", 9001, 2)
    assert "writes disabled" in r.output
