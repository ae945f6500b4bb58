"""The command line as a user runs it: output formats, examples, and error paths."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from blocs.cli.app import app

from ..conftest import FIXTURES

runner = CliRunner()


@pytest.fixture
def run(mini_store, monkeypatch):
    monkeypatch.setenv("BLOCS_DB", mini_store.url if "://" in str(mini_store.url) else "")

    def go(*args: str):
        return runner.invoke(app, [*args, "--db", str(mini_store.engine.url.database)
                                   if mini_store.is_sqlite else mini_store.engine.url
                                   .render_as_string(hide_password=False)])
    return go


def test_members_json_is_a_list_of_plain_records(run):
    r = run("members", "CSTO", "--on", "2013-01-01", "--format", "json")
    assert r.exit_code == 0, r.output
    recs = json.loads(r.stdout)
    uzb = next(x for x in recs if x["state"] == "UZB")
    assert {"state", "role", "since", "until", "certain", "sources"} <= set(uzb)
    assert (uzb["role"], uzb["since"], uzb["certain"]) == ("suspended", "2012-12-19", True)
    assert uzb["sources"] == ["t-one"]


def test_members_csv_has_a_header_and_a_row_per_state(run):
    r = run("members", "CSTO", "--on", "2010-04-15", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["state"] for row in rows} >= {"ARM", "RUS", "KAZ", "UZB"}


def test_members_table_marks_uncertain_and_disputed_answers(run):
    r = run("members", "CSTO", "--on", "2004-06-01")
    assert r.exit_code == 0
    assert "KAZ" in r.stdout and "1 uncertain" in r.stdout
    r = run("members", "CSTO", "--on", "2003-06-01")
    assert "KAZ" in r.stdout and "1 disputed" in r.stdout


def test_memberships_matrix_timeline_diff_overlap_why_orgs_states_show(run):
    assert json.loads(run("memberships", "UZB", "--on", "2013-01-01", "-f", "json").stdout)[0][
        "role"] == "suspended"
    cells = json.loads(run("matrix", "CIS", "CSTO", "SCO", "--on", "2010-04-15",
                           "-f", "json").stdout)
    assert {(c["state"], c["org"]) for c in cells} >= {("TKM", "CIS"), ("RUS", "SCO")}
    table = run("matrix", "CIS", "CSTO", "SCO", "--on", "2010-04-15").stdout
    assert "associate_member*" in table
    wide = list(csv.DictReader(io.StringIO(run("matrix", "CIS", "SCO", "--on", "2010-04-15",
                                                "-f", "csv").stdout)))
    assert next(r for r in wide if r["state"] == "RUS")["SCO"] == "founding_member"
    spells = json.loads(run("timeline", "CSTO", "-f", "json").stdout)
    assert any(s["state"] == "UZB" and s["role"] == "suspended" for s in spells)
    changes = json.loads(run("diff", "SCO", "--from", "2006-01-01", "--to", "2020-01-01",
                             "-f", "json").stdout)
    assert changes[0]["state"] == "IND" and changes[0]["change"] == "role_changed"
    pairs = json.loads(run("overlap", "CSTO", "SCO", "--on", "2018-01-01", "-f", "json").stdout)
    assert pairs[0]["shared_states"] == ["RUS"]
    w = json.loads(run("why", "KAZ", "CSTO", "--on", "2003-06-01", "-f", "json").stdout)
    assert w["disputed"] and len(w["voices"]) == 2
    assert "Sources disagree" in run("why", "KAZ", "CSTO", "--on", "2003-06-01").stdout
    orgs = json.loads(run("orgs", "-f", "json").stdout)
    assert any(o["id"] == "CORF" and o["parent"] == "CSTO" for o in orgs)
    states = json.loads(run("states", "-f", "json").stdout)
    assert {s["id"] for s in states} >= {"RUS", "UZB"} and "FRA" not in {s["id"] for s in states}
    info = json.loads(run("show", "CORF", "-f", "json").stdout)
    assert info["parent"] == "CSTO" and info["kind"] == "organization"
    assert "Uzbekistan" in run("show", "UZB").stdout


def test_search_finds_text_in_stored_documents(run):
    hits = json.loads(run("search", "Turkmenistan", "-f", "json").stdout)
    assert hits and hits[0]["doc_id"] == "mini" and "Turkmenistan" in hits[0]["snippet"]


@pytest.mark.parametrize("args,message", [
    (["members", "CSTOO", "--on", "2010-01-01"], "Unknown organization 'CSTOO'. Did you mean: CSTO"),
    (["memberships", "Azerbijan"], "Did you mean: AZE"),
    (["members", "CSTO", "--on", "2010-02-30"], "cannot exist"),
    (["members", "CSTO", "--on", "April 2010"], "YYYY-MM-DD"),
    (["diff", "SCO", "--from", "2020-01-01", "--to", "2010-01-01"], "before"),
])
def test_a_user_error_is_one_line_exit_2_and_no_traceback(run, args, message):
    r = run(*args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.output


def test_build_with_a_bad_data_file_names_it_and_keeps_the_store(run, tmp_path):
    import shutil

    d = tmp_path / "data"
    shutil.copytree(FIXTURES / "reference", d)
    (d / "zz.yaml").write_text("sources:\n  z: {title: T, publisher: P, url: u}\nclaims:\n"
                               "  - {kind: membership, subject: UZB, object: CSTO, role: member,"
                               " event: join, date: '2001-13', source: z}\n", encoding="utf-8")
    r = run("build", "--data-dir", str(d))
    assert r.exit_code == 2
    assert "zz.yaml, line 4, field 'date'" in r.stderr
    assert json.loads(run("members", "CSTO", "--on", "2010-04-15", "-f", "json").stdout)


def test_query_commands_build_an_empty_store_first(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOCS_CORPUS", str(FIXTURES / "corpus"))
    db = tmp_path / "new.db"
    r = runner.invoke(app, ["orgs", "-f", "json", "--db", str(db)])
    assert r.exit_code == 0 and "Building the store" in r.stderr
    assert any(o["id"] == "EAEU" for o in json.loads(r.stdout))


def test_every_command_has_help_with_an_example():
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert cmd.help and "Example: blocs " + name in cmd.help, name


def test_tables_print_document_text_as_written_not_as_markup(run, mini_store, tmp_path):
    from blocs.ingest.documents import ingest

    p = tmp_path / "markup.txt"
    p.write_text("Kazakhstan [bold]joined[/bold] the CSTO in 2002.\n", encoding="utf-8")
    ingest(mini_store, [p], date="2003-01-01")
    out = run("search", "Kazakhstan").stdout
    assert "[bold]" in out
