"""The analysis, plot and brief commands as a user runs them."""

import csv
import io
import json
import os
import tempfile

import pytest
from typer.testing import CliRunner

from blocs.cli.app import app

os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "blocs-mpl"))
runner = CliRunner()


@pytest.fixture
def run(mini_store):
    db = (str(mini_store.engine.url.database) if mini_store.is_sqlite
          else mini_store.engine.url.render_as_string(hide_password=False))

    def go(*args: str):
        return runner.invoke(app, [*args, "--db", db])
    return go


def as_json(r):
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_groups_and_neighbours(run):
    groups = as_json(runner.invoke(app, ["groups", "-f", "json"]))
    assert "post-soviet" in {g["group"] for g in groups}
    nb = as_json(run("neighbours", "CSTO", "--on", "2010-04-15", "-f", "json"))
    assert [(n["org"], n["shared"], n["jaccard"]) for n in nb] == [("SCO", 1, 0.25)]


def test_overlap_trend_is_a_row_a_year(run):
    rows = as_json(run("overlap-trend", "CSTO", "SCO", "--from", "2016", "--to", "2018",
                       "-f", "json"))
    assert [(r["year"], r["shared"]) for r in rows] == [(2016, 1), (2017, 1), (2018, 1)]


def test_network_edges_and_projection(run):
    edges = as_json(run("network", "CIS", "CSTO", "SCO", "--on", "2010-04-15", "-f", "json"))
    assert len(edges) == 6
    proj = list(csv.DictReader(io.StringIO(run("network", "CSTO", "SCO", "--on", "2010-04-15",
                                               "--project", "orgs", "-f", "csv").stdout)))
    assert proj == [{"source": "CSTO", "target": "SCO", "weight": "1", "via": "RUS",
                     "jaccard": "0.250"}]


def test_centrality_on_a_day_and_by_year(run):
    day = as_json(run("centrality", "CIS", "CSTO", "SCO", "--on", "2010-04-15", "--top", "1",
                      "-f", "json"))
    assert [(r["id"], r["betweenness"]) for r in day] == [("RUS", 0.25)]
    years = as_json(run("centrality", "CSTO", "SCO", "--from", "2016", "--to", "2018",
                        "--top", "1", "-f", "json"))
    assert [r["year"] for r in years] == [2016, 2017, 2018]
    assert {r["id"] for r in years} == {"RUS"}


def test_shares_print_the_herfindahl_index(run):
    r = run("shares", "CORF", "--on", "2010-01-01")
    assert r.exit_code == 0 and "Herfindahl index 0.336" in r.stdout and "Russia" in r.stdout
    claims = as_json(run("shares", "CORF", "--claims", "-f", "json"))
    assert len(claims) == 8
    empty = run("shares", "SCO")
    assert "No contributions to SCO" in empty.stdout and "CORF" in empty.stdout


def test_flows_side_by_side(run):
    wide = as_json(run("flows", "KAZ", "--with", "RUS", "--with", "CHN", "-f", "json"))
    assert wide == [{"year": 2010, "unit": "USD", "RUS": 100, "CHN": 80},
                    {"year": 2011, "unit": "USD", "RUS": 120, "CHN": 150}]
    assert len(as_json(run("flows", "KAZ", "-f", "json"))) == 5


def test_changes_per_year_and_events(run):
    years = as_json(run("changes", "CSTO", "--from", "2012", "--to", "2015", "-f", "json"))
    assert [(y["year"], y["suspensions"], y["resumptions"], y["exits"]) for y in years] == [
        (2012, 1, 0, 0), (2014, 0, 1, 0), (2015, 0, 0, 1)]
    events = as_json(run("changes", "CSTO", "--events", "--state", "UZB", "-f", "json"))
    assert [e["event"] for e in events] == ["join", "suspension", "resumption", "exit"]


def test_plot_writes_the_file_and_refuses_to_overwrite_it(run, tmp_path):
    out = tmp_path / "t.png"
    r = run("plot", "timeline", "CSTO", "-o", str(out), "--width", "500", "--height", "300")
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 1000 and "wrote" in r.stderr
    again = run("plot", "timeline", "CSTO", "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run("plot", "timeline", "CSTO", "-o", str(out), "--force").exit_code == 0
    svg = tmp_path / "u.svg"
    assert run("plot", "upset", "CIS", "CSTO", "SCO", "--on", "2010-04-15",
               "-o", str(svg)).exit_code == 0
    assert svg.read_text().lstrip().startswith("<?xml")
    for args in (["network", "CSTO"], ["shares", "CORF"], ["centrality", "CSTO", "SCO",
                                                          "--from", "2010", "--to", "2012"]):
        p = tmp_path / f"{args[0]}.png"
        assert run("plot", *args, "-o", str(p)).exit_code == 0 and p.exists()


def test_brief_to_a_file_and_to_the_screen(run, tmp_path):
    out = tmp_path / "csto.html"
    r = run("brief", "CSTO", "--on", "2010-04-15", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "Uzbekistan" in out.read_text(encoding="utf-8")
    md = run("brief", "UZB", "--on", "2010-04-15", "--format", "md")
    assert md.stdout.startswith("# Uzbekistan (UZB)")


@pytest.mark.parametrize("args,message", [
    (["brief", "CSTO", "--format", "pdf"], "needs a file"),
    (["brief", "CSTOO"], "Did you mean: CSTO"),
    (["plot", "timeline", "CSTO", "-o", "x.gif"], "unknown image type"),
    (["centrality", "post-sovet"], "Did you mean: post-soviet"),
    (["changes", "CSTO", "--from", "2015", "--to", "2010"], "before"),
    (["plot", "centrality", "-o", "c.png", "--measure", "closeness"], "unknown measure"),
])
def test_a_user_error_is_one_line_and_exit_2(run, args, message):
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
