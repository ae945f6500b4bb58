"""Overlap as DataFrames, on the tiny test data. On 2010-04-15 the CSTO's members are
ARM, KAZ, RUS and UZB; the SCO's only member is RUS (MNG and IND are observers); the
CIS's only member is TKM (an associate member; Georgia left in 2009)."""

import pytest

from blocs.analysis import overlap
from blocs.errors import UnknownId

DAY = "2010-04-15"


def test_a_pair_shares_one_member_with_jaccard_a_quarter(mini_store):
    df = overlap.overlap_frame(mini_store, ["CSTO", "SCO"], DAY)
    row = df.iloc[0]
    assert (row["a"], row["b"], row["shared"]) == ("CSTO", "SCO", 1)
    assert row["jaccard"] == pytest.approx(1 / 4)
    assert row["containment_a_in_b"] == pytest.approx(1 / 4)   # 1 of the CSTO's 4
    assert row["containment_b_in_a"] == pytest.approx(1.0)     # the SCO's only member
    assert row["shared_states"] == ["RUS"]


def test_the_matrix_is_square_with_ones_on_the_diagonal(mini_store):
    m = overlap.overlap_matrix(mini_store, ["CIS", "CSTO", "SCO"], DAY)
    assert list(m.index) == list(m.columns) == ["CIS", "CSTO", "SCO"]
    assert m.loc["CSTO", "CSTO"] == 1.0 and m.loc["CSTO", "SCO"] == pytest.approx(0.25)
    assert m.loc["CIS", "CSTO"] == 0.0
    contained = overlap.overlap_matrix(mini_store, ["CSTO", "SCO"], DAY, "containment")
    assert contained.loc["SCO", "CSTO"] == 1.0 and contained.loc["CSTO", "SCO"] == 0.25
    shared = overlap.overlap_matrix(mini_store, ["CSTO", "SCO"], DAY, "shared")
    assert shared.loc["CSTO", "CSTO"] == 4


def test_overlap_over_time_follows_joins_and_exits(mini_store):
    df = overlap.overlap_over_time(mini_store, ["CSTO", "SCO"], "2014-07-01", "2018-07-01")
    assert list(df["year"]) == [2014, 2015, 2016, 2017, 2018]
    # UZB left the CSTO in 2015 (4 -> 3 members); India became an SCO member in 2017
    assert list(df["size_a"]) == [4, 3, 3, 3, 3]
    assert list(df["size_b"]) == [1, 1, 1, 2, 2]
    assert df.iloc[-1]["jaccard"] == pytest.approx(1 / 4)      # {RUS} of {ARM,KAZ,RUS,IND}


def test_intersections_count_each_state_once_in_its_exact_combination(mini_store):
    df = overlap.intersections(mini_store, ["CIS", "CSTO", "SCO"], DAY)
    combos = [(tuple(o for o in ("CIS", "CSTO", "SCO") if r[o]), r["count"], r["states"])
              for r in df.to_dict("records")]
    assert combos == [(("CSTO",), 3, ["ARM", "KAZ", "UZB"]),
                      (("CSTO", "SCO"), 1, ["RUS"]),
                      (("CIS",), 1, ["TKM"])]
    assert df["count"].sum() == 5


def test_neighbours_rank_organizations_by_shared_members(mini_store):
    df = overlap.neighbours(mini_store, "CSTO", DAY)
    assert list(df["org"]) == ["SCO"]
    assert df.iloc[0]["share_of_ours_in_theirs"] == 0.25
    assert df.iloc[0]["share_of_theirs_in_ours"] == 1.0


def test_a_group_name_expands_and_a_typo_suggests_one(mini_store):
    from blocs.analysis.scope import organizations

    assert organizations(mini_store, ["asia-pacific"])[:2] == ["ASA", "ASEAN"]
    with pytest.raises(UnknownId, match="post-soviet"):
        organizations(mini_store, ["post-sovet"])
