from blocs.extract import extract

TABLE = """Members of some organizations

CIS CSTO SCO

Armenia X X
Kazakhstan X X X
Turkmenistan (associate member)
India X
Georgia (left 2009)
Source: made up for the tests
"""


def test_a_flattened_table_gives_one_claim_per_mark():
    claims = [dict(c.data) for c in extract(TABLE, "t") if c.get("from_table")]
    got = {(c["subject"], c["object"], c["role"], c["event"]) for c in claims}
    assert ("KAZ", "SCO", "member", "state") in got
    assert ("ARM", "CIS", "member", "state") in got and ("ARM", "CSTO", "member", "state") in got
    assert ("TKM", "CIS", "associate_member", "state") in got
    assert ("GEO", "CIS", "member", "leave") in got
    assert all(TABLE[c["source"]["start"]:c["source"]["end"]] == c["quote"] for c in claims)


def test_a_row_with_fewer_marks_prefers_what_the_prose_says():
    text = "India is a member of the SCO.\n\n" + TABLE
    claims = [dict(c.data) for c in extract(text, "t") if c.get("from_table")]
    assert {c["object"] for c in claims if c["subject"] == "IND"} == {"SCO"}
