"""The state–organization graph of the tiny test data on 2010-04-15 (members only):
TKM–CIS, and CSTO linked to ARM, KAZ, RUS and UZB, RUS also to the SCO.

Bipartite betweenness by hand: RUS lies on the 4 shortest paths from the SCO to CSTO, ARM,
KAZ and UZB; the CSTO on 9 (every pair of ARM, KAZ, RUS, UZB, SCO but RUS–SCO). With 5
states and 3 organizations the largest possible values are 16 for a state and 19 for an
organization (Borgatti and Halgin), so RUS = 4/16 and CSTO = 9/19."""

import pytest

from blocs.analysis import network

DAY = "2010-04-15"
ORGS = ["CIS", "CSTO", "SCO"]


def test_the_bipartite_graph_has_an_edge_per_member_with_its_role(mini_store):
    g = network.bipartite_graph(mini_store, ORGS, DAY)
    assert sorted(network.side_nodes(g, "states")) == ["ARM", "KAZ", "RUS", "TKM", "UZB"]
    assert network.side_nodes(g, "orgs") == ORGS
    assert g.edges["TKM", "CIS"]["role"] == "associate_member"
    assert g.edges["RUS", "SCO"]["role"] == "founding_member"
    assert not g.has_edge("IND", "SCO")                    # an observer is no member


def test_every_role_brings_observers_in(mini_store):
    g = network.bipartite_graph(mini_store, ORGS, DAY, all_roles=True)
    assert g.edges["IND", "SCO"]["role"] == "observer" and g.has_edge("MNG", "SCO")


def test_projections_link_what_shares_a_neighbour(mini_store):
    g = network.bipartite_graph(mini_store, ORGS, DAY)
    orgs = network.projection(g, "orgs")
    assert list(orgs.edges(data=True)) == [("CSTO", "SCO", {"weight": 1, "via": ["RUS"],
                                                             "jaccard": 0.25})]
    states = network.projection(g, "states")
    assert states.edges["ARM", "RUS"]["via"] == ["CSTO"] and states.degree("TKM") == 0


def test_centrality_matches_the_values_worked_out_by_hand(mini_store):
    df = network.centrality(mini_store, ORGS, DAY, side="both").set_index("id")
    assert df.loc["RUS", "betweenness"] == pytest.approx(4 / 16)
    assert df.loc["CSTO", "betweenness"] == pytest.approx(9 / 19, abs=1e-6)
    assert df.loc["RUS", "degree_centrality"] == pytest.approx(2 / 3, abs=1e-6)
    assert df.loc["CSTO", "degree_centrality"] == pytest.approx(4 / 5)
    assert df.loc["RUS", "rank"] == 1 and df.loc["CSTO", "rank"] == 1
    # ARM, KAZ, TKM and UZB tie: each shares rank 2 among the states
    assert set(df[df["kind"] == "state"]["rank"]) == {1, 2}


def test_centrality_over_time_is_one_block_a_year(mini_store):
    df = network.centrality_over_time(mini_store, ORGS, "2016-01-01", "2018-01-01")
    assert sorted(set(df["year"])) == [2016, 2017, 2018]
    rus = df[df["id"] == "RUS"].set_index("year")
    assert list(rus["degree"]) == [2, 2, 2]
    # 2016 and 2017: RUS is on the 3 paths from the SCO to CSTO, ARM and KAZ, of at most
    # 12 (4 states, 3 organizations). On 1 January 2018 India is an SCO member too: 6 of
    # at most 16
    assert list(rus["betweenness"]) == [pytest.approx(3 / 12), pytest.approx(3 / 12),
                                        pytest.approx(6 / 16)]


def test_the_network_edge_list_and_its_projection_as_frames(mini_store):
    edges = network.network_frame(mini_store, ORGS, DAY)
    assert len(edges) == 6 and set(edges.columns) >= {"state", "org", "role"}
    proj = network.network_frame(mini_store, ORGS, DAY, project="orgs")
    assert proj[["source", "target", "weight"]].values.tolist() == [["CSTO", "SCO", 1]]


def test_an_empty_day_gives_an_empty_table(mini_store):
    assert network.centrality(mini_store, ORGS, "1950-01-01").empty


def test_russia_is_the_most_central_state_in_2010(reference_store):
    web = network.centrality(reference_store, None, DAY).set_index("id")
    assert web["betweenness"].idxmax() == "RUS" and web["degree"].idxmax() == "RUS"
    # among the post-Soviet organizations Kazakhstan is in as many as Russia: they tie
    post = network.centrality(reference_store, ["post-soviet"], DAY).set_index("id")
    assert post.loc["RUS", "rank"] == 1
    assert post.loc["RUS", "degree"] == post["degree"].max()
