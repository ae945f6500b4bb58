"""The web interface in a real browser (Debian's Chromium, driven by Playwright): the
matrix through time, a fact followed to its passage, review with and without the token,
a document full of markup shown as text. Screenshots go to test-output/."""

import json
import urllib.request

from playwright.sync_api import expect

from .conftest import TOKEN, shot


def api(server, path):
    with urllib.request.urlopen(server["base"] + path) as r:
        return json.load(r)


def test_moving_the_matrix_from_2010_to_2013_changes_uzbekistans_csto_cell(page, server):
    page.goto(page.base + "/matrix?on=2010-04-15")
    table = page.locator("#matrix")
    expect(table).to_have_attribute("data-ready", "1")
    cell = page.locator('tr[data-state="UZB"] td[data-org="CSTO"]')
    expect(cell).to_have_text("member")
    expect(cell).to_have_class("cell role-member")
    uncertain = page.locator('tr[data-state="BLR"] td[data-org="SCO"]')   # "2010": a year
    expect(uncertain).to_have_class("cell role-dialogue-partner uncertain")
    expect(uncertain).to_have_attribute("title", "dialogue partner — uncertain: the day falls "
                                                 "inside an imprecise date")
    shot(page, "matrix-2010")
    slider = page.locator("#slider")
    slider.focus()
    for _ in range(33):                       # April 2010 + 33 months = January 2013
        page.keyboard.press("ArrowRight")
    expect(table).to_have_attribute("data-day", "2013-01-01")
    expect(page.locator("#matrix-day")).to_have_text("2013-01-01")
    expect(cell).to_have_text("suspended")
    expect(cell).to_have_class("cell role-suspended")
    assert page.url.endswith("on=2013-01-01")
    shot(page, "matrix-2013")


def test_the_play_button_moves_through_time_and_pauses(page, server):
    page.goto(page.base + "/matrix?on=2024-01-01")
    expect(page.locator("#matrix")).to_have_attribute("data-ready", "1")
    page.locator("#play").click()
    expect(page.locator("#matrix")).not_to_have_attribute("data-day", "2024-01-01")
    page.locator("#play").click()
    expect(page.locator("#play")).to_have_attribute("aria-label", "Play through time")


def test_a_fact_on_an_organization_page_leads_to_its_passage(page, server):
    page.goto(page.base + "/organizations/CSTO")
    shot(page, "organization-csto")
    link = page.locator(f'svg.gantt a[href^="/documents/{server["report"]}"]').first
    link.click()
    page.wait_for_url(f"**/documents/{server['report']}**")
    mark = page.locator("#doctext mark.focus").first
    expect(mark).to_have_text("Mongolia joined the Collective Security Treaty Organization in 2008.")
    expect(mark).to_be_in_viewport()
    shot(page, "document-passage")


def test_a_contribution_links_to_its_source_and_shares_are_drawn(page, server):
    page.goto(page.base + "/organizations/ACF")
    bars = page.locator("figure.shares rect.share")
    expect(bars).to_have_count(6)
    expect(page.locator("figure.shares").first).to_contain_text("75.0%")
    href = page.locator("figure.shares a").first.get_attribute("href")
    assert href.startswith("http")           # a reference claim cites a web page


def test_a_claim_anchor_in_the_url_scrolls_to_its_span(page, server):
    doc = api(server, f"/api/v1/documents/{server['report']}")
    tkm = next(c for c in doc["claims"] if c["subject"] == "TKM")
    page.goto(page.base + f"/documents/{server['report']}#claim-{tkm['id']}")
    mark = page.locator("#doctext mark.focus")
    expect(mark).to_have_text("Turkmenistan left the Shanghai Cooperation Organization in 2009.")
    expect(mark).to_be_in_viewport()
    assert page.locator("#doctext").text_content() == doc["text"]    # offsets never move


def test_review_refuses_without_the_token_and_accepts_with_it(page, server):
    page.goto(page.base + f"/review?doc={server['report']}")
    card = page.locator(".review-card").first
    claim = card.get_attribute("data-claim")
    expect(card).to_contain_text("Turkmenistan left the Shanghai Cooperation Organization")
    card.locator("button.accept").click()
    expect(card.locator(".result")).to_contain_text("Unauthorized")
    page.locator("#token").fill("not-the-token")
    card.locator("button.accept").click()
    expect(card.locator(".result")).to_contain_text("Forbidden")
    assert claim in [p["id"] for p in api(server, "/api/v1/review")["items"]]
    shot(page, "review")
    page.locator("#token").fill(TOKEN)
    card.locator("button.accept").click()
    expect(card.locator(".result")).to_have_text("accepted")
    expect(card).to_have_class("review-card decided accepted")
    assert claim not in [p["id"] for p in api(server, "/api/v1/review")["items"]]
    history = api(server, f"/api/v1/review/{claim}/history")
    assert [h["decision"] for h in history] == ["accepted"]
    assert TOKEN not in server["logs"].text()               # the token is never logged
    assert "POST /api/v1/review/" in server["logs"].text()   # (the log was caught)


def test_a_document_with_markup_is_shown_as_text_and_runs_nothing(page, server):
    page.add_init_script("window.__pwned = 0")
    page.goto(page.base + f"/documents/{server['evil']}")
    text = page.locator("#doctext")
    expect(text).to_contain_text('<script>window.__pwned = 1</script>')
    expect(text).to_contain_text('<img src=x onerror="window.__pwned = 2">')
    assert text.locator("script, img, b").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") == 0
    shot(page, "document-markup")
    assert api(server, f"/api/v1/review?doc={server['evil']}")["total"] >= 1
    page.goto(page.base + f"/review?doc={server['evil']}")
    expect(page.locator(".passage").first).to_contain_text('onerror="window.__pwned = 2"')
    page.goto(page.base + "/search?q=Kyrgyzstan+hosts")     # a snippet of the same text
    expect(page.locator(".hits a", has_text="Field notes")).to_have_count(1)
    assert page.locator("main script, main img, main b").count() == 0
    assert page.evaluate("window.__pwned") == 0


def test_every_main_page_is_reachable_from_home_and_renders(page, server):
    page.goto(page.base + "/")
    shot(page, "home")
    hrefs = page.locator("header.top nav a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    cards = page.locator(".cards a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert set(hrefs) == set(cards) == {"/matrix", "/organizations", "/states", "/network",
                                        "/documents", "/review", "/diff", "/search"}
    for path, name in [("/states/UZB", "state-uzb"), ("/network?on=2010-04-15", "network"),
                       ("/diff?from=2010-01-01&to=2024-12-31", "diff"),
                       ("/search?q=customs+union", "search"), ("/documents", "documents"),
                       ("/why/UZB/CSTO?on=2013-01-01", "why"), ("/organizations", "organizations")]:
        response = page.goto(page.base + path)
        assert response.status == 200, path
        shot(page, name)


def test_the_network_draws_organizations_sized_by_members(page, server):
    page.goto(page.base + "/network?on=2010-04-15&orgs=CIS,CSTO,SCO")
    svg = page.locator("#network")
    expect(svg).to_have_attribute("data-ready", "1")
    orgs = svg.locator("g.node.organization circle")
    expect(orgs).to_have_count(3)
    radius = dict(svg.locator("g.node.organization").evaluate_all(
        "els => els.map(e => [e.querySelector('text.label').textContent,"
        " +e.querySelector('circle').getAttribute('r')])"))
    assert radius["CIS"] > radius["CSTO"]
    assert svg.locator("g.node.state").count() > 10
    svg.locator("g.node.organization", has=page.locator("text.label", has_text="CSTO")).hover()
    expect(svg).to_have_class("network focusing")
    assert svg.locator("line.link.hot").count() == 7


def test_a_document_uploaded_from_the_documents_page_is_stored(page, server, tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes\n\n9 June 2009\n\nArmenia joined the Anti-Crisis Fund in 2009.\n",
                    encoding="utf-8")
    page.goto(page.base + "/documents")
    form = page.locator("#upload")
    form.locator('input[name="file"]').set_input_files(str(path))
    form.locator('input[name="token"]').fill(TOKEN)
    form.locator('button[type="submit"]').click()
    status = page.locator("#upload-status")
    expect(status).to_contain_text("added")
    status.locator("a").click()
    expect(page.locator("#doctext")).to_contain_text("Armenia joined the Anti-Crisis Fund")
