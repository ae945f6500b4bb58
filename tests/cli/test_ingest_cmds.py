"""`blocs ingest` as a user runs it: a result per file, failures on stderr, exit codes."""

import json

import pytest
from typer.testing import CliRunner

from blocs.cli.app import app

runner = CliRunner()
REPORT = "CSTO report\n\n15 April 2010\n\nTajikistan hosts the exercise Rubezh.\n"


@pytest.fixture
def run(mini_store, monkeypatch):
    monkeypatch.setattr("blocs.extract.extract", lambda text, doc, doc_date=None: [])
    url = (str(mini_store.engine.url.database) if mini_store.is_sqlite
           else mini_store.engine.url.render_as_string(hide_password=False))

    def go(*args: str):
        return runner.invoke(app, [*args, "--db", url])
    return go


def test_ingest_adds_files_then_finds_them_unchanged_and_search_finds_their_text(run, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.html").write_text("<title>B</title><p>May 2011</p><p>Kyrgyzstan.</p>",
                                     encoding="utf-8")
    r = run("ingest", str(tmp_path), "-f", "json")
    assert r.exit_code == 0, r.output
    recs = json.loads(r.stdout)
    assert [(x["path"].rsplit("/", 1)[-1], x["status"]) for x in recs] == [
        ("a.txt", "added"), ("b.html", "added")]
    assert r.stderr.strip() == ""
    again = run("ingest", str(tmp_path / "a.txt"))
    assert again.exit_code == 0 and "unchanged" in again.stdout
    hits = json.loads(run("search", "Rubezh", "-f", "json").stdout)
    assert [h["doc_id"] for h in hits] == [recs[0]["doc"]]
    assert hits[0]["title"] == "CSTO report"


def test_a_failed_file_is_one_line_on_stderr_and_exit_2_while_the_rest_are_added(run, tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "undated.md").write_text("# Notes\n\nNo date here.\n", encoding="utf-8")
    r = run("ingest", str(tmp_path))
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in r.output
    assert lines[0].startswith("error: ") and "bad.pdf: not a readable PDF" in lines[0]
    assert "undated.md: no date found in the document: give --date" in lines[1]
    assert "good.txt" in r.stdout and "added" in r.stdout


def test_date_and_title_options_apply_to_the_files(run, tmp_path):
    (tmp_path / "undated.md").write_text("# Notes\n\nNo date here.\n", encoding="utf-8")
    r = run("ingest", str(tmp_path / "undated.md"), "--date", "2012-06-07", "--title", "N",
            "--no-extract", "-f", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["status"] == "added"


def test_a_bad_date_is_one_line_and_exit_2(run, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    r = run("ingest", str(tmp_path / "a.txt"), "--date", "2010-02-30")
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "'2010-02-30'" in r.stderr
