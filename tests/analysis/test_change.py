"""Joins, exits, suspensions on the tiny test data (see tests/fixtures/reference/mini.yaml)."""

from blocs.analysis import change


def test_every_event_of_the_csto_in_order(mini_store):
    ev = change.change_events(mini_store, ["CSTO"])
    got = [(e["date"], e["state"], e["event"]) for e in ev.to_dict("records")]
    assert got == [("2002-10-07", "ARM", "join"), ("2002-10-07", "RUS", "join"),
                   ("2004", "KAZ", "join"), ("2006-06-23", "UZB", "join"),
                   ("2012-12-19", "UZB", "suspension"), ("2014-01-01", "UZB", "resumption"),
                   ("2015-06-30", "UZB", "exit"), ("2024-02-22", "ARM", "freeze")]
    kaz = ev[ev["state"] == "KAZ"].iloc[0]
    assert not kaz["certain"]                 # joined "2004": a year, not a day
    assert "GEO" not in set(ev["state"])      # only a document, outranked, says it joined


def test_a_change_of_role_names_both_roles(mini_store):
    ev = change.change_events(mini_store, ["CIS"], states=["TKM"])
    rc = ev[ev["event"] == "role_change"].iloc[0]
    assert (rc["date"], rc["before"], rc["after"]) == ("2005-08-26", "founding_member",
                                                       "associate_member")


def test_counts_per_year_between_two_days(mini_store):
    df = change.changes_per_year(mini_store, ["CSTO", "CIS"], "2009", "2015")
    rows = {r["year"]: r for r in df.to_dict("records")}
    assert sorted(rows) == [2009, 2012, 2014, 2015]
    assert rows[2009]["exits"] == 1                       # Georgia leaves the CIS
    assert rows[2012]["suspensions"] == 1 and rows[2014]["resumptions"] == 1
    assert rows[2015]["exits"] == 1 and rows[2015]["joins"] == 0


def test_counts_per_organization(mini_store):
    df = change.changes_per_year(mini_store, ["CSTO", "CIS"], by_org=True)
    first = df.iloc[0]
    assert (first["year"], first["org"], first["joins"]) == (1991, "CIS", 1)


def test_when_every_member_leaves_on_one_day_the_organization_ended(reference_store):
    ev = change.change_events(reference_store, ["CACO"])
    ends = ev[ev["event"] == "exit"]
    assert len(ends) > 1 and ends["dissolution"].all()
    per_year = change.changes_per_year(reference_store, ["CACO"]).set_index("year")
    assert per_year.loc[2006, "exits"] == 0 and per_year.loc[2006, "dissolutions"] == len(ends)


def test_membership_spells_of_a_state_cover_every_organization(mini_store):
    df = change.membership_spells(mini_store, state="RUS")
    assert sorted(set(df["org"])) == ["CSTO", "SCO"]
    uzb = change.membership_spells(mini_store, org="CSTO")
    assert list(uzb[uzb["state"] == "UZB"]["role"]) == ["member", "suspended", "member"]
