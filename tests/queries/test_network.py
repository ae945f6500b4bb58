"""The state–organization graph and a state's whole history, on the shipped data."""

from blocs.queries.network import network
from blocs.queries.state_history import state_timeline


def test_the_graph_links_states_to_organizations_and_counts_shared_members(reference_store):
    g = network(reference_store, ["CIS", "CSTO", "SCO"], "2010-04-15")
    orgs = {n["id"]: n for n in g["nodes"] if n["kind"] == "organization"}
    assert orgs["CSTO"]["members"] == 7
    states = {n["id"]: n for n in g["nodes"] if n["kind"] == "state"}
    assert states["KAZ"]["organizations"] == 3 and states["CHN"]["organizations"] == 1
    pairs = {(o["a"], o["b"]): o["shared"] for o in g["overlaps"]}
    assert pairs[("CIS", "CSTO")] == 7 and pairs[("CSTO", "SCO")] == 5
    observers = [l for l in g["links"] if l["role"] == "observer"]
    assert observers and not any(l["member"] for l in observers)


def test_a_state_timeline_covers_every_organization_it_was_in(reference_store):
    spells = state_timeline(reference_store, "Uzbekistan")
    assert {"CIS", "CSTO", "EURASEC", "SCO"} <= {s.org for s in spells}
    assert {s.state for s in spells} == {"UZB"}
    csto = [s for s in spells if s.org == "CSTO" and s.preferred]
    assert [s.role for s in csto][-1] == "suspended"
