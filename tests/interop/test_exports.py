"""Exports, each read back with the library its users use: pandas (CSV, Parquet), networkx
(GraphML), rdflib (JSON-LD); files are never half-written or written over."""

import os

import networkx as nx
import pandas as pd
import pytest

from blocs.errors import BadDate, BadOutput, OutputExists, UnknownId
from blocs.interop.cow import import_cow
from blocs.interop.exports import Scope, export, scope

from .conftest import igo_slice, needs_cow


def test_the_reference_as_a_cow_state_year_panel(mini_store, tmp_path):
    out = tmp_path / "sy.csv"
    r = export(mini_store, "cow-state-year", out, scope(mini_store, "reference",
                                                        date_from="1990", date_to="2015"))
    df = pd.read_csv(out)
    assert list(df.columns[:3]) == ["ccode", "year", "state"] and r.rows == len(df)
    assert {"cis", "csto", "sco"} <= set(df.columns)
    geo = df[df.state == "georgia"].set_index("year")["cis"]
    assert geo[1992] == 0 and geo[1993] == 1 and geo[2008] == 1 and geo[2009] == 0
    tkm = df[df.state == "turkmenistan"].set_index("year")["cis"]
    assert tkm[2004] == 1 and tkm[2005] == 2         # associate member from 2005
    assert (df[df.year == 1990]["csto"] == -1).all()  # no CSTO member yet: "not in existence"
    assert df[(df.state == "russia") & (df.year == 1990)].empty is False


def test_the_reference_as_a_cow_igo_year_panel(mini_store, tmp_path):
    out = tmp_path / "igo.csv"
    export(mini_store, "cow-igo-year", out, scope(mini_store, "reference", orgs=["CSTO"]))
    df = pd.read_csv(out)
    assert list(df.columns[:3]) == ["ioname", "orgname", "year"] and df.columns[-1] == "economic"
    assert set(df.ioname) == {"CSTO"} and df.year.min() == 2002
    row = df[df.year == 2013].iloc[0]
    assert row["russia"] == 1 and row["uzbekistan"] == 0   # suspended: COW has no such code
    assert pd.isna(df[df.year == 2013].iloc[0]["wgermany"])   # not in the state system


def test_a_dyad_year_file_lists_pairs_of_members(mini_store, tmp_path):
    out = tmp_path / "dyads.csv"
    export(mini_store, "dyad-year", out, scope(mini_store, "reference", orgs=["CSTO"],
                                               date_from="2010", date_to="2010"))
    df = pd.read_csv(out)
    assert list(df.columns) == ["year", "org", "ccode1", "ccode2", "state1", "state2",
                                "status1", "status2"]
    assert (df.ccode1 < df.ccode2).all() and set(df.year) == {2010}
    pairs = {frozenset(p) for p in zip(df.state1, df.state2)}
    assert frozenset({"RUS", "UZB"}) in pairs and frozenset({"ARM", "KAZ"}) in pairs


@pytest.mark.parametrize("fmt", ["spells-csv", "spells-parquet"])
def test_spells_as_tidy_tables(mini_store, tmp_path, fmt):
    out = tmp_path / ("s.csv" if fmt.endswith("csv") else "s.parquet")
    export(mini_store, fmt, out, Scope(source="reference", orgs=["CSTO"]))
    df = pd.read_csv(out) if fmt.endswith("csv") else pd.read_parquet(out)
    uzb = df[(df.state == "UZB") & (df.role == "suspended")].iloc[0]
    assert uzb["start"] == "2012-12-19" and uzb["org_name"] == "Collective Security Treaty Organization"
    assert set(df.org) == {"CSTO"} and set(df.voice) == {"reference"}
    sources = uzb["sources"]
    assert "t-one" in (sources.split(";") if isinstance(sources, str) else list(sources))


@pytest.mark.parametrize("fmt", ["claims-csv", "claims-parquet"])
def test_claims_as_tidy_tables(mini_store, tmp_path, fmt):
    out = tmp_path / ("c.csv" if fmt.endswith("csv") else "c.parquet")
    r = export(mini_store, fmt, out, scope(mini_store, "reference", orgs=["CIS"]))
    df = pd.read_csv(out) if fmt.endswith("csv") else pd.read_parquet(out)
    assert r.rows == len(df) and {"id", "kind", "subject", "object", "source"} <= set(df.columns)
    geo = df[(df.subject == "GEO") & (df.event == "leave")].iloc[0]
    assert geo["date"] == "2009-08-18" and geo["source"] == "t-one"


def test_graphml_on_a_day_is_a_bipartite_graph_with_roles_and_dates(mini_store, tmp_path):
    out = tmp_path / "web.graphml"
    export(mini_store, "graphml", out, scope(mini_store, on="2013-01-01"))
    g = nx.read_graphml(out)
    assert not g.is_multigraph()
    assert g.nodes["state:UZB"]["kind"] == "state" and g.nodes["org:CSTO"]["bipartite"] == 1
    edge = g.edges["state:UZB", "org:CSTO"]
    assert edge["role"] == "suspended" and edge["start"] == "2012-12-19"
    assert nx.is_bipartite(g)


def test_graphml_over_a_history_keeps_every_spell(mini_store, tmp_path):
    out = tmp_path / "all.graphml"
    export(mini_store, "graphml", out, Scope(source="reference"))
    g = nx.read_graphml(out)
    assert g.is_multigraph()
    roles = sorted(d["role"] for _, _, d in g.edges(["state:UZB"], data=True))
    assert roles == ["member", "member", "suspended"]


def test_json_ld_uses_wikidata_properties_and_reads_offline(mini_store, tmp_path):
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import XSD

    out = tmp_path / "m.jsonld"
    export(mini_store, "jsonld", out, Scope(source="reference"))
    g = Graph().parse(out, format="json-ld")      # the @context is inline: no network
    wdt, p, ps = (Namespace("http://www.wikidata.org/prop/direct/"),
                  Namespace("http://www.wikidata.org/prop/"),
                  Namespace("http://www.wikidata.org/prop/statement/"))
    pq, pr = (Namespace("http://www.wikidata.org/prop/qualifier/"),
              Namespace("http://www.wikidata.org/prop/reference/"))
    kaz, csto = URIRef("urn:blocs:state:KAZ"), URIRef("urn:blocs:org:CSTO")
    assert (kaz, wdt.P463, csto) in g
    st = next(s for s in g.objects(kaz, p.P463) if (s, ps.P463, csto) in g)
    assert g.value(st, pq.P580) == Literal("2004", datatype=XSD.gYear)   # precision kept
    ref = g.value(st, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    assert g.value(ref, pr.P248) == URIRef("urn:blocs:source:t-one")
    geo = next(s for s in g.objects(URIRef("urn:blocs:state:GEO"), p.P463))
    assert g.value(geo, pq.P582) == Literal("2009-08-18", datatype=XSD.date)


def test_an_existing_file_is_refused_unless_forced(mini_store, tmp_path):
    out = tmp_path / "s.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExists, match="pass --force"):
        export(mini_store, "spells-csv", out)
    assert out.read_text(encoding="utf-8") == "keep me"
    export(mini_store, "spells-csv", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("state,state_name")


def test_a_failing_export_leaves_no_file_behind(mini_store, tmp_path, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("interrupted")
    monkeypatch.setattr("blocs.interop.exports.tidy.spell_records", boom)
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeError):
        export(mini_store, "spells-csv", tmp_path / "out" / "s.csv")
    assert os.listdir(tmp_path / "out") == []


def test_bad_export_requests_are_clear_errors(mini_store, tmp_path):
    with pytest.raises(BadOutput, match="unknown export format 'xlsx'"):
        export(mini_store, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(UnknownId, match="Unknown source 'nobody'"):
        export(mini_store, "spells-csv", tmp_path / "s.csv", Scope(source="nobody"))
    with pytest.raises(BadDate, match="not both"):
        scope(mini_store, on="2010-01-01", date_from="2009")
    with pytest.raises(BadOutput, match="does not exist"):
        export(mini_store, "spells-csv", tmp_path / "no" / "s.csv")


@needs_cow
def test_cow_exports_its_voice_and_the_preferred_answers_prefer_the_reference(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "igo.csv", {"CIS", "ACPEU"}, ["georgia", "ukraine"]))
    cow = tmp_path / "cow.csv"
    export(mini_store, "spells-csv", cow, Scope(source="cow"))
    df = pd.read_csv(cow)
    assert set(df.voice) == {"cow"} and "UKR" in set(df.state)
    pref = tmp_path / "pref.csv"
    export(mini_store, "spells-csv", pref, Scope(orgs=["CIS"]))
    df = pd.read_csv(pref)
    assert set(df.voice) == {"reference"} and "UKR" not in set(df.state)
    sy = tmp_path / "sy.csv"
    export(mini_store, "cow-state-year", sy, Scope(orgs=["CIS"], date_from=None))
    df = pd.read_csv(sy)
    assert df[(df.state == "georgia") & (df.year == 2008)]["cis"].iloc[0] == 1   # reference
