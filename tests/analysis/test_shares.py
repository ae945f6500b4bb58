"""Shares on the test commitments (tests/fixtures/reference/commitments.yaml): CORF in
2009 is 8000 + 4000 + 2000 + 1000 + 1000 troops; in 2012 Kazakhstan pledges 6000."""

import pytest

from blocs.analysis import shares


def test_shares_and_herfindahl_of_a_body_worked_out_by_hand(mini_store):
    df = shares.shares(mini_store, "CORF", "2010-01-01")
    assert list(df["contributor"]) == ["RUS", "KAZ", "ARM", "KGZ", "TJK"]
    assert list(df["share"]) == [0.5, 0.25, 0.125, 0.0625, 0.0625]
    assert list(df["stated_share"]) == [0.5, 0.25, 0.125, 0.0625, 0.0625]
    c = shares.concentration(mini_store, "CORF", "2010-01-01")
    # 0.5² + 0.25² + 0.125² + 2 × 0.0625² = 0.3359375
    assert c["hhi"] == pytest.approx(0.3359375, abs=1e-6)
    assert c["hhi_points"] == 3359 and c["equivalent_contributors"] == pytest.approx(2.98)
    assert (c["largest"], c["unit"], c["total"]) == ("RUS", "troops", 16000)


def test_a_later_figure_replaces_the_earlier_one(mini_store):
    df = shares.shares(mini_store, "CORF", "2013-01-01", unit="troops").set_index("contributor")
    assert df.loc["KAZ", "quantity"] == 6000
    assert df.loc["RUS", "share"] == pytest.approx(8000 / 18000, abs=1e-6)
    assert df.loc["KAZ", "stated_share"] is None or df.loc["KAZ", "stated_share"] != \
        df.loc["KAZ", "stated_share"]                      # no total stated in 2012
    hhi = shares.concentration(mini_store, "CORF", "2013-01-01", unit="troops")["hhi"]
    assert hhi == pytest.approx(106 / 324, abs=1e-6)       # (64 + 36 + 4 + 1 + 1) / 324


def test_without_a_unit_the_latest_figures_unit_is_used(mini_store):
    assert shares.shares(mini_store, "CORF", "2010-01-01")["unit"].iloc[0] == "troops"
    pct = shares.shares(mini_store, "CORF", "2010-01-01", unit="percent")
    assert list(pct["stated_share"]) == [0.7, 0.3]
    assert shares.concentration(mini_store, "CORF", "2010-01-01", "percent")["hhi"] == \
        pytest.approx(0.58)


def test_a_body_without_contributions_has_an_empty_table_not_an_error(mini_store):
    assert shares.shares(mini_store, "SCO").empty
    assert shares.concentration(mini_store, "SCO")["hhi"] is None
    assert shares.bodies_with_contributions(mini_store, "CSTO") == ["CORF"]


def test_before_any_pledge_there_is_nothing_to_share(mini_store):
    assert shares.shares(mini_store, "CORF", "2008-12-31").empty
    # a figure dated only "2009" counts from the first day it can mean
    assert list(shares.shares(mini_store, "CORF", "2009-01-01")["unit"]) == ["percent"] * 2


def test_herfindahl_runs_from_one_over_n_to_one():
    assert shares.herfindahl([0.25] * 4) == 0.25
    assert shares.herfindahl([1.0]) == 1.0


def test_flows_say_which_way_they_go(mini_store):
    df = shares.flows(mini_store, "KAZ")
    loan = df[df["flow"] == "loan"].iloc[0]
    assert (loan["counterpart"], loan["direction"], loan["amount"]) == ("CHN", "in", 500)
    assert set(shares.flows(mini_store, "KAZ", "trade")["direction"]) == {"out"}


def test_flows_side_by_side_give_a_row_a_year_and_a_column_a_power(mini_store):
    wide = shares.flows_side_by_side(mini_store, "Kazakhstan", ["RUS", "CHN"])
    assert list(wide.columns) == ["year", "unit", "RUS", "CHN"]
    assert wide.values.tolist() == [[2010, "USD", 100, 80], [2011, "USD", 120, 150]]


def test_the_shipped_data_gives_russia_most_of_the_anti_crisis_fund(reference_store):
    df = shares.shares(reference_store, "ACF", "2010-01-01")
    assert df.iloc[0]["contributor"] == "RUS" and df.iloc[0]["stated_share"] == 0.75
