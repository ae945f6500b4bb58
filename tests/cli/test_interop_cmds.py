"""import, compare and export from the command line, as a user runs them."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from blocs.cli.app import app

from ..interop.conftest import igo_slice, needs_cow, real, IGO_YEAR, write_csv

runner = CliRunner()
pytestmark = needs_cow


@pytest.fixture
def run(mini_store):
    url = str(mini_store.engine.url.database) if mini_store.is_sqlite else \
        mini_store.engine.url.render_as_string(hide_password=False)

    def go(*args: str):
        return runner.invoke(app, [*args, "--db", url])
    return go


def test_import_compare_and_export_cow(run, tmp_path):
    src = igo_slice(tmp_path / "igo.csv", {"CIS", "CSTO", "ACPEU"})
    r = run("import", "cow", str(src), "-f", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["igos"] == 3
    r = run("compare", "--source", "cow", "--with", "reference", "CIS", "-f", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    geo = next(x for x in rows if x["state"] == "GEO" and x["year"] == 2008)
    assert (geo["source_role"], geo["with_role"], geo["with"]) == (None, "member", "reference")
    table = run("compare", "--source", "cow", "--with", "reference", "CIS").stdout
    assert "not a member" in table and "Georgia" in table
    out = tmp_path / "sy.csv"
    r = run("export", "cow-igo-year", "--source", "cow", "-o", str(out))
    assert r.exit_code == 0 and "wrote" in r.stderr
    assert len(pd.read_csv(out)) == len(pd.read_csv(src))
    r = run("export", "cow-igo-year", "--source", "cow", "-o", str(out))
    assert r.exit_code == 2 and "exists; pass --force" in r.stderr
    assert run("export", "cow-igo-year", "--source", "cow", "-o", str(out),
               "--force").exit_code == 0


def test_a_bad_cow_file_is_one_line_naming_row_and_column(run, tmp_path):
    header, rows = real(IGO_YEAR)
    rows = [list(r) for r in rows if r[0] == "CIS"]
    rows[9][header.index("russia")] = "5.0"
    r = run("import", "cow", str(write_csv(tmp_path / "bad.csv", header, rows)))
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'bad.csv'}, line 11, field 'russia': '5.0' is not a COW status "
        "code (-9, -1, 0, 1, 2 or 3)"]


def test_export_errors_are_one_line(run, tmp_path):
    r = run("export", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert r.exit_code == 2 and "unknown export format 'xlsx'" in r.stderr
    r = run("export", "spells-csv", "--source", "cow", "-o", str(tmp_path / "s.csv"))
    assert r.exit_code == 2 and "import it first" in r.stderr
    r = run("export", "graphml", "--on", "2010-04-15", "-o", str(tmp_path / "w.graphml"))
    assert r.exit_code == 0 and (tmp_path / "w.graphml").stat().st_size > 0
