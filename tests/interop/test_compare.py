"""Comparing sources year by year: COW's Georgia and Ukraine codings against the reference."""

import pytest

from blocs.errors import BadOutput, NoData
from blocs.interop.compare import compare
from blocs.interop.cow import SOURCE_ID, import_cow

from .conftest import igo_slice, needs_cow, state_slice

pytestmark = needs_cow


def _by_key(rows):
    return {(r.org, r.year, r.state): r for r in rows}


def test_georgia_and_ukraine_show_up_with_both_sides_and_their_sources(cow_store):
    rows = _by_key(compare(cow_store, "cow", "reference", ["CIS"]))
    geo = rows[("CIS", 2008, "GEO")]          # COW: out from 2008; reference: left in 2009
    assert (geo.source_role, geo.source_code, geo.with_role, geo.with_code) == \
        (None, 0, "member", 1)
    assert geo.source_sources == [SOURCE_ID] and geo.with_sources
    assert ("CIS", 2009, "GEO") not in rows
    ukr = rows[("CIS", 2005, "UKR")]
    assert (ukr.source_role, ukr.with_role, ukr.with_code) == ("associate_member", "participant", 1)
    assert all(r.org == "CIS" for r in rows.values())


def test_the_year_is_read_on_31_december(tmp_path, mini_store):
    # the mini reference: Georgia joins the CIS 1993-12-03 and leaves 2009-08-18
    import_cow(mini_store, state_slice(tmp_path / "sy.csv", {"georgia"}, ["cis"]))
    years = {r.year for r in compare(mini_store, "cow", "reference", ["CIS"]) if r.state == "GEO"}
    assert years == {1993, 1994, 2008}       # COW: member 1995-2007


def test_compare_by_default_covers_the_organizations_both_speak_about(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "igo.csv", {"CIS", "CSTO", "ACPEU"}))
    orgs = {r.org for r in compare(mini_store, "cow", "reference")}
    assert orgs <= {"CIS", "CSTO"} and "CIS" in orgs


def test_a_source_that_says_nothing_about_an_organization_is_an_error(tmp_path, mini_store):
    import_cow(mini_store, igo_slice(tmp_path / "igo.csv", {"CIS", "ACPEU"}))
    with pytest.raises(NoData, match="do not both speak about COW_ACPEU"):
        compare(mini_store, "cow", "reference", ["ACPEU"])
    with pytest.raises(BadOutput, match="two different sources"):
        compare(mini_store, "cow", "cow", ["CIS"])


def test_comparing_with_cow_before_importing_it_says_so(mini_store):
    with pytest.raises(NoData, match="import it first"):
        compare(mini_store, "cow", "reference", ["CIS"])
