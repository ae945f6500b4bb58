"""The organization and state pages list who held what on the day asked, each row linked
to the other side, to why, and to its sources."""

import re


def _table(html: str, table_id: str) -> str:
    return re.search(rf'<table class="data" id="{table_id}">(.*?)</table>', html, re.S).group(1)


def _row(html: str, table_id: str, needle: str) -> str:
    [row] = [r for r in re.findall(r"<tr[ >].*?</tr>", _table(html, table_id), re.S)
             if needle in r]
    return row


def test_an_organization_page_lists_its_members_on_the_day(ref_client):
    html = ref_client.get("/organizations/CSTO?on=2013-01-01").text
    row = _row(html, "members", 'data-state="UZB"')
    assert 'href="/states/UZB"' in row and 'href="/why/UZB/CSTO?on=2013-01-01"' in row
    assert "suspended" in row and 'class="sources"' in row
    members = _table(html, "members")
    assert 'data-state="RUS"' in members and 'data-state="GEO"' not in members


def test_a_state_page_lists_its_memberships_on_the_day(ref_client):
    html = ref_client.get("/states/UZB?on=2010-04-15").text
    row = _row(html, "memberships", 'href="/organizations/CSTO"')
    assert 'href="/why/UZB/CSTO?on=2010-04-15"' in row and "data-state" not in row
    assert "member" in row and "suspended" not in row
    # Uzbekistan left GUAM in 2005: on the page's timeline, not in the day's table
    assert 'href="/organizations/GUAM"' in html
    assert 'href="/organizations/GUAM"' not in _table(html, "memberships")


def test_a_day_before_an_organization_existed_says_it_had_no_members(ref_client):
    html = ref_client.get("/organizations/CSTO?on=1990-01-01").text
    assert "No members on 1990-01-01." in html and 'id="members"' not in html
