"""Each claim kind from sentences written for these tests (never the corpus's)."""

from datetime import date

import pytest

from blocs.extract import extract

ON = date(2011, 6, 1)


def run(text: str) -> list[dict]:
    claims = extract(text, "t", ON)
    for c in claims:      # the quote is always exactly the text at the offsets
        s = c.data["source"]
        assert text[s["start"]:s["end"]] == c.data["quote"]
    return [dict(c.data) for c in claims]


def facts(text: str, kind: str, *keys: str) -> set[tuple]:
    return {tuple(c.get(k) for k in keys) for c in run(text) if c["kind"] == kind}


def test_a_list_of_members_gives_one_claim_per_state():
    got = facts("The Eurasian Economic Union consists of Armenia, Belarus, Kazakhstan, "
                "Kyrgyzstan and Russia.", "membership", "subject", "object", "role", "event")
    assert got == {(s, "EAEU", "member", "state") for s in ["ARM", "BLR", "KAZ", "KGZ", "RUS"]}


def test_joining_with_a_date_and_a_capital_standing_for_its_state():
    got = facts("Yerevan joined the Eurasian Economic Union in January 2015.", "membership",
                "subject", "object", "event", "date")
    assert got == {("ARM", "EAEU", "join", "2015-01")}


def test_leaving_and_suspending():
    assert ("GEO", "CIS", "leave", "2009") in facts(
        "Georgia withdrew from the CIS in 2009.", "membership", "subject", "object", "event", "date")
    got = facts("In 2012 Uzbekistan suspended its membership in the CSTO.", "membership",
                "subject", "object", "event", "date")
    assert ("UZB", "CSTO", "suspend", "2012") in got


def test_observers_and_a_demonstrative_pointing_back():
    text = ("The SCO held its summit in Astana. Mongolia and Iran are observers in this "
            "organization.")
    got = facts(text, "membership", "subject", "object", "role")
    assert {("MNG", "SCO", "observer"), ("IRN", "SCO", "observer")} <= got


def test_interest_in_joining_is_not_a_join():
    got = facts("Moldovan interest in joining the European Union grew.", "membership",
                "subject", "event", "role")
    assert ("MDA", "join", "member") not in got
    assert ("MDA", "state", "applicant") in got


def test_founding_with_founders_and_a_partial_date():
    text = "The GUAM group was founded in the late 1990s by Georgia, Ukraine, Azerbaijan and Moldova."
    assert facts(text, "founding", "subject", "date", "date_precision") == {("GUAM", "1990", "decade")}
    founders = facts(text, "membership", "subject", "role", "event")
    assert founders == {(s, "founding_member", "join") for s in ["GEO", "UKR", "AZE", "MDA"]}


def test_succession_by_merger():
    got = facts("In 2006 the Eurasian Economic Community absorbed the Central Asian Cooperation "
                "Organization.", "succession", "subject", "object", "relation")
    assert got == {("EURASEC", "CACO", "merged_with")}


def test_contributions_with_each_and_a_total():
    text = ("The Collective Operational Reaction Force will number 20,000 troops, with "
            "Kazakhstan supplying 5,000 and Armenia and Belarus 2,000 each.")
    got = facts(text, "contribution", "subject", "object", "quantity", "unit", "total")
    assert got == {("KAZ", "CORF", 5000, "troops", 20000), ("ARM", "CORF", 2000, "troops", 20000),
                   ("BLR", "CORF", 2000, "troops", 20000)}


def test_money_of_a_total():
    text = "The Anti-Crisis Fund was set up in 2009. Kazakhstan will contribute $1 billion of a total $8.5 billion."
    got = facts(text, "contribution", "subject", "object", "quantity", "unit", "total")
    assert ("KAZ", "ACF", 1_000_000_000, "USD", 8_500_000_000) in got


def test_trade_figures_respectively_and_a_loan():
    text = ("In 2009, China's trade with Kazakhstan and Kyrgyzstan was $14 billion and $5 billion "
            "respectively.")
    got = facts(text, "flow", "subject", "object", "flow", "amount", "date")
    assert got == {("CHN", "KAZ", "trade", 14_000_000_000, "2009"),
                   ("CHN", "KGZ", "trade", 5_000_000_000, "2009")}
    loan = facts("Moscow offered a $300 million loan to Tajikistan.", "flow",
                 "subject", "object", "flow", "amount", "stage")
    assert loan == {("RUS", "TJK", "loan", 300_000_000, "proposed")}


def test_an_arms_sale():
    got = facts("In March 2011 Russia sold six fighter jets to Malaysia.", "flow",
                "subject", "object", "flow", "stage", "date")
    assert got == {("RUS", "MYS", "arms_sale", "delivered", "2011-03")}


@pytest.mark.parametrize("text,action", [
    ("Kazakhstan ratified the Treaty on Conventional Armed Forces in Europe.", "ratified"),
    ("Kazakhstan has not ratified the Treaty on Conventional Armed Forces in Europe.", "not_ratified"),
    ("Kazakhstan refused to ratify the Treaty on Conventional Armed Forces in Europe.", "refused"),
    ("Kazakhstan acceded to the Treaty of Amity and Cooperation in 2004.", "acceded"),
])
def test_agreement_actions(text, action):
    got = facts(text, "agreement", "subject", "action")
    assert got == {("KAZ", action)}


def test_an_event_with_place_and_date():
    got = facts("The SCO summit in Bishkek in August 2007 adopted a declaration.", "event",
                "event_type", "object", "place", "date")
    assert ("summit", "SCO", "Bishkek", "2007-08") in got


def test_relative_dates_resolve_against_the_document_date():
    got = facts("On 3-4th May, protests in Kyrgyzstan turned violent.", "event", "event_type", "date")
    assert got == {("protest", "2011-05-03")}


def test_a_function_from_a_purpose_phrase():
    got = facts("The Shanghai Cooperation Organization focuses on fighting terrorism and "
                "drug trafficking.", "function", "subject", "domain")
    assert got == {("SCO", "nontraditional_security")}


def test_a_sentence_without_entities_gives_nothing():
    assert run("The weather was fine and the meeting room was large.") == []


def test_a_leader_stands_for_a_state_only_while_in_office():
    from blocs.extract.text import mentions_in

    assert [m.id for m in mentions_in("Yeltsin visited Astana.", 1997)] == ["RUS", "KAZ"]
    assert [m.id for m in mentions_in("Yeltsin visited Astana.", 2011)] == ["KAZ"]


@pytest.mark.parametrize("text,kind,keys,expected", [
    ("Members of the CSTO are Armenia, Belarus and Russia.", "membership",
     ("subject", "object", "event"), {("ARM", "CSTO", "state"), ("BLR", "CSTO", "state"),
                                      ("RUS", "CSTO", "state")}),
    ("Turkmenistan downgraded its CIS membership to associate member status in August 2005.",
     "membership", ("subject", "object", "role", "event", "date"),
     {("TKM", "CIS", "associate_member", "join", "2005-08")}),
    ("In 2024 Belarus became the tenth member state of the SCO.", "membership",
     ("subject", "object", "event", "date"), {("BLR", "SCO", "join", "2024")}),
    ("Uzbekistan rejoined the CSTO in 2006.", "membership", ("subject", "event", "date"),
     {("UZB", "join", "2006")}),
    ("Belarus and Kazakhstan are founding members of the Eurasian Economic Union.",
     "membership", ("subject", "role"), {("BLR", "founding_member"), ("KAZ", "founding_member")}),
    ("Azerbaijan withdrew from the Collective Security Treaty in 1999.", "membership",
     ("subject", "object", "event"), {("AZE", "CST", "leave")}),
    ("Mongolia is not a member of the SCO.", "membership", ("subject", "object", "modality"),
     {("MNG", "SCO", "negated")}),
    ("ASEAN was founded in 1967 by Indonesia, Malaysia, the Philippines, Singapore and Thailand.",
     "membership", ("subject",), {("IDN",), ("MYS",), ("PHL",), ("SGP",), ("THA",)}),
    ("China provided Kyrgyzstan with a $1 billion credit in 2013.", "flow",
     ("subject", "object", "flow", "amount"), {("CHN", "KGZ", "credit", 1_000_000_000)}),
    ("Trade between Russia and Kazakhstan amounted to $20 billion in 2019.", "flow",
     ("subject", "object", "flow", "date"), {("RUS", "KAZ", "trade", "2019")}),
    ("The SCO summit took place in Samarkand in September 2022.", "event",
     ("event_type", "object", "place", "date"), {("summit", "SCO", "Samarkand", "2022-09")}),
])
def test_more_phrasings(text, kind, keys, expected):
    assert facts(text, kind, *keys) == expected


@pytest.mark.parametrize("text,keys,expected", [
    ("Uzbekistan was a member of the CSTO from 2006 to 2012.", ("event", "date"),
     {("join", "2006"), ("leave", "2012")}),
    ("Mongolia has been an observer in the SCO since 2004.", ("role", "event", "date"),
     {("observer", "join", "2004")}),
    ("Tashkent's membership in GUAM ended in 2005.", ("subject", "object", "event", "date"),
     {("UZB", "GUAM", "leave", "2005")}),
    ("In the mid-2000s Uzbekistan moved closer to Moscow and joined EurAsEC.",
     ("subject", "object", "event"), {("UZB", "EURASEC", "join")}),
])
def test_periods_endings_and_subjects_behind_prepositions(text, keys, expected):
    assert facts(text, "membership", *keys) == expected


def test_a_passive_absorption_points_from_the_later_organization():
    got = facts("The Customs Union, established in 2010, was absorbed by the EAEU in 2015.",
                "succession", "subject", "object", "relation", "date")
    assert got == {("EAEU", "CU", "merged_with", "2015")}


@pytest.mark.parametrize("text,kind,keys,expected", [
    ("Moscow agreed to lend Minsk $3 billion in 2011.", "flow",
     ("subject", "object", "flow", "amount", "date"), {("RUS", "BLR", "loan", 3_000_000_000, "2011")}),
    ("Russia accounts for 70 percent of the CSTO budget.", "contribution",
     ("subject", "object", "quantity", "unit"), {("RUS", "CSTO", 70, "percent")}),
    ("Russia is expected to provide 7,000 of the 15,000 troops of the peacekeeping force of "
     "the CSTO.", "contribution", ("subject", "quantity", "total"), {("RUS", 7000, 15000)}),
    ("Vietnam bought six Kilo-class submarines from Russia in 2009.", "flow",
     ("subject", "object", "flow"), {("RUS", "VNM", "arms_sale")}),
    ("Lukashenko met Putin in Sochi in February 2021.", "event", ("event_type", "date"),
     {("meeting", "2021-02")}),
])
def test_quantities_and_meetings_in_other_words(text, kind, keys, expected):
    assert facts(text, kind, *keys) == expected


def test_since_at_the_start_of_a_sentence_dates_the_membership():
    got = facts("Since 1 January 2015, Belarus and Russia have been members of the Eurasian "
                "Economic Union.", "membership", "subject", "event", "date")
    assert got == {("BLR", "join", "2015-01-01"), ("RUS", "join", "2015-01-01")}
