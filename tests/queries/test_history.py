import pytest

from blocs.errors import BadDate
from blocs.queries import diff, overlap, timeline, why
from blocs.queries.catalog import organizations, show, states


def test_timeline_lists_every_spell_with_its_voice(mini_store):
    spells = [s for s in timeline(mini_store, "CSTO") if s.state == "UZB"]
    assert [(s.role, s.start, s.end) for s in spells] == [
        ("member", "2006-06-23", "2012-12-19"), ("suspended", "2012-12-19", "2014-01-01"),
        ("member", "2014-01-01", "2015-06-30")]
    assert all(s.preferred and s.voice == "reference" for s in spells)


def test_timeline_marks_a_lower_voice_as_not_preferred(mini_store):
    kaz = [s for s in timeline(mini_store, "CSTO", state="KAZ")]
    assert {(s.voice, s.preferred) for s in kaz} == {("reference", True), ("mini", False)}


def test_diff_names_joins_exits_and_role_changes(mini_store):
    changes = {c.state: c for c in diff(mini_store, "SCO", "2005-01-01", "2020-01-01")}
    assert changes["IND"].change == "joined" and changes["IND"].after == "member"
    changes = {c.state: c for c in diff(mini_store, "SCO", "2006-01-01", "2020-01-01")}
    assert (changes["IND"].change, changes["IND"].before, changes["IND"].date) == (
        "role_changed", "observer", "2017-06-09")
    gone = {c.state: c for c in diff(mini_store, "CIS", "2009-01-01", "2010-01-01")}
    assert gone["GEO"].change == "left" and gone["GEO"].date == "2009-08-18"


def test_diff_refuses_a_backwards_window(mini_store):
    with pytest.raises(BadDate, match="the 'to' day 2010-01-01 is before the 'from' day 2020-01-01"):
        diff(mini_store, "SCO", "2020-01-01", "2010-01-01")


def test_why_shows_every_voice_and_every_claim_with_alternatives(mini_store):
    w = why(mini_store, "KAZ", "CSTO", "2003-06-01")
    assert w["role"] is None and w["disputed"]
    assert {v["voice"]: v["role"] for v in w["voices"]} == {"reference": None, "mini": "member"}
    doc_claim = next(c for c in w["claims"] if c["source"]["id"] == "mini")
    assert doc_claim["quote"] == "Kazakhstan joined the CSTO in 2003."
    assert doc_claim["span"] == [55, 90]
    w = why(mini_store, "UZB", "CSTO", "2007-01-01")
    assert w["role"] == "member" and not w["disputed"]
    alt = [c for c in w["claims"] if c["alternative"]]
    assert [c["date"] for c in alt] == ["2006-08-16"] and not alt[0]["behind_answer"]


def test_overlap_counts_shared_members_and_jaccard(mini_store):
    [o] = overlap(mini_store, ["CSTO", "SCO"], "2018-01-01")
    # CSTO: ARM, RUS, KAZ (UZB left in 2015); SCO: RUS, IND (MNG is an observer: not counted)
    assert (o.size_a, o.size_b, o.shared, o.shared_states) == (3, 2, 1, ["RUS"])
    assert o.jaccard == 0.25 and o.containment_b_in_a == 0.5


def test_catalog_lists_organizations_states_and_shows_one(mini_store):
    orgs = {o["id"]: o for o in organizations(mini_store)}
    assert orgs["CSTO"]["founded"] == "2002-10-07" and orgs["CORF"]["parent"] == "CSTO"
    assert {s["id"]: s for s in states(mini_store)}["RUS"]["cow_ccode"] == 365
    info = show(mini_store, "CSTO")
    assert "CORF" in info["bodies"] and info["functions"][0]["domain"] == "military_security"
    assert {c.get("alternative") for c in info["founding"]} == {True, False}
    assert show(mini_store, "uzbekistan")["kind"] == "state"
