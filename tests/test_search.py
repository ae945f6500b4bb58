"""Search by name: states and organizations by id, name or alias."""

from blocs.search import search_names


def test_names_match_ids_names_and_aliases_exact_first(reference_store):
    found = search_names(reference_store, "cis")
    assert found["organizations"][0]["id"] == "CIS"
    assert search_names(reference_store, "ODKB")["organizations"][0]["id"] == "CSTO"
    assert [s["id"] for s in search_names(reference_store, "uzbek")["states"]] == ["UZB"]
    assert search_names(reference_store, "  ") == {"states": [], "organizations": []}
