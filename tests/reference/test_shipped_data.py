"""Checks on the shipped reference data as a whole."""

from sqlalchemy import select

from blocs.queries import members
from blocs.queries.catalog import organizations
from blocs.store import schema

REQUIRED_HISTORIES = ["CIS", "CST", "CSTO", "EURASEC", "CACO", "CU", "EAEU", "SCO", "SHANGHAI5",
                      "ASEAN", "APT", "ARF", "EAS", "APEC", "BRIC", "GUAM", "NATO", "EU", "OSCE"]


def test_every_organization_of_the_spec_has_a_founding_claim(reference_store):
    founded = {o["id"]: o["founded"] for o in organizations(reference_store)}
    spec_ids = ["CIS", "CST", "CSTO", "CORF", "EURASEC", "CACO", "CU", "EDB", "ACF", "EAEU",
                "SCO", "SHANGHAI5", "RATS", "SCO_ENERGY_CLUB", "BRIC", "NATO", "NRC", "PJC",
                "EU", "EAP", "OSCE", "UN", "IAEA", "ASEAN", "APT", "ASEAN6", "ARF", "EAS",
                "APEC", "GUAM"]
    assert [o for o in spec_ids if not founded.get(o)] == []


def test_the_required_membership_histories_are_there(reference_store):
    orgs = {o["id"]: o["states_ever"] for o in organizations(reference_store)}
    assert [o for o in REQUIRED_HISTORIES if orgs.get(o, 0) < 3] == []


def test_every_reference_source_has_a_title_publisher_and_url(reference_store):
    s = schema.sources.c
    with reference_store.engine.connect() as conn:
        rows = conn.execute(select(s.id, s.title, s.publisher, s.url)
                            .where(s.kind == "reference")).all()
    assert rows and [r.id for r in rows if not (r.title and r.publisher and r.url)] == []


def test_well_known_facts(reference_store):
    def role(org, state, on):
        return {m.state: m.role for m in members(reference_store, org, on)}.get(state)

    assert role("NATO", "FIN", "2023-04-03") == "applicant"
    assert role("NATO", "FIN", "2023-04-04") == "member"
    assert role("NATO", "SWE", "2024-03-07") == "member"
    assert role("NATO", "SWE", "2024-03-06") != "member"
    assert role("EU", "GBR", "2020-01-30") and role("EU", "GBR", "2020-02-01") is None
    assert role("EAEU", "ARM", "2015-01-02") and not role("EAEU", "ARM", "2014-12-31")
    assert role("SCO", "IND", "2017-06-09") == "member"
    assert role("CIS", "GEO", "2009-08-18") is None and role("CIS", "GEO", "2009-08-17")


def test_a_partly_covered_organization_does_not_say_unlisted_states_are_not_members(reference_store):
    from blocs.queries import why

    # the reference lists only some UN members: for France it says nothing either way
    assert why(reference_store, "FRA", "UN", "2010-01-01")["voices"] == []
    assert why(reference_store, "KAZ", "UN", "2010-01-01")["role"] == "member"
