"""Briefs: every member shown, every fact numbered to a source, every source listed and
every listed source cited, in HTML, Markdown and PDF."""

import json
import re

import pytest

from blocs.errors import BadOutput, OutputExists, UnknownId
from blocs.report.brief import brief
from blocs.report.formats import write_brief

DAY = "2010-04-15"


def cited(model) -> set[int]:
    out = set()
    for s in model["sections"]:
        for f in s["facts"]:
            out |= {n for v in f["value"] for n in v["cites"]}
        for t in s["tables"]:
            out |= {n for row in t["rows"] for c in row for n in c["cites"]}
    return out


def test_an_organization_brief_footnotes_every_member_to_its_sources(mini_store):
    b = brief(mini_store, "csto", DAY)
    assert (b["kind"], b["id"], b["on"]) == ("organization", "CSTO", DAY)
    members = next(s for s in b["sections"] if s["title"].startswith("Members"))
    rows = {r[0]["text"]: r for r in members["tables"][0]["rows"]}
    assert set(rows) == {"Armenia", "Russia", "Kazakhstan", "Uzbekistan", "Georgia"}
    assert all(r[1]["cites"] for r in rows.values())
    assert "disputed: mini says member" in rows["Georgia"][1]["text"]
    refs = {r["n"]: r for r in b["references"]}
    assert cited(b) == set(refs)                  # every number listed, every entry cited
    georgia = refs[rows["Georgia"][1]["cites"][0]]
    assert georgia["quote"] == "Georgia is a member of the CSTO." and georgia["span"] == [91, 123]


def test_an_organization_brief_has_its_founding_changes_shares_and_neighbours(mini_store):
    b = brief(mini_store, "CSTO", DAY)
    about = {f["label"]: f["value"] for f in b["sections"][0]["facts"]}
    assert about["Founded"][0]["text"] == "2002-10-07"
    assert about["Founded"][1]["text"].startswith("also dated 2003-09-18")
    titles = [s["title"] for s in b["sections"]]
    assert titles[2] == "Changes, 2005-04-15 to 2010-04-15"
    changes = b["sections"][2]["tables"][0]["rows"]
    assert [(r[0]["text"], r[1]["text"]) for r in changes] == [("2006-06-23", "Uzbekistan")]
    shares = next(s for s in b["sections"] if s["title"] == "Bodies and commitments")
    assert shares["tables"][0]["caption"].startswith("CORF")
    assert "Herfindahl index 0.336" in shares["tables"][0]["note"]
    nb = next(s for s in b["sections"] if s["title"].startswith("Overlap"))
    assert nb["tables"][0]["rows"][0][0]["text"] == "SCO"
    assert [f["name"] for f in b["figures"]] == ["timeline", "upset", "network", "shares"]


def test_a_state_brief_lists_its_memberships_and_commitments(mini_store):
    b = brief(mini_store, "Kazakhstan", "2013-01-01")
    assert (b["kind"], b["id"]) == ("state", "KAZ")
    mem = next(s for s in b["sections"] if s["title"].startswith("Memberships on"))
    assert [r[0]["text"] for r in mem["tables"][0]["rows"]] == [
        "Collective Security Treaty Organization (CSTO)"]
    commit = next(s for s in b["sections"] if s["title"] == "Commitments and flows")
    got = {r[2]["text"]: r[3]["text"] for r in commit["tables"][0]["rows"]
           if r[0]["text"] == "CORF"}
    # 6000 of 8000 + 6000 + 2000 + 1000 + 1000 troops; the 2009 pledge was replaced
    assert got == {"30%": "30.0%", "4,000 troops": "(superseded)", "6,000 troops": "33.3%"}
    assert commit["tables"][1]["caption"] == "Flows"
    assert cited(b) == {r["n"] for r in b["references"]}


def test_the_html_brief_is_one_page_with_members_references_and_inline_figures(
        mini_store, tmp_path):
    [p] = write_brief(mini_store, "CSTO", "html", tmp_path / "csto.html", DAY)
    html = p.read_text(encoding="utf-8")
    for name in ("Armenia", "Russia", "Kazakhstan", "Uzbekistan"):
        assert name in html
    listed = set(re.findall(r'<li id="ref-(\d+)"', html))
    linked = set(re.findall(r'href="#ref-(\d+)"', html))
    assert listed == linked and len(listed) == 5
    assert "Test source one" in html and "https://example.org/one" in html
    assert "<q>Georgia is a member of the CSTO.</q>" in html
    assert html.count("data:image/png;base64,") == 4
    assert "http://" not in html.replace("http://www.w3", "")  # nothing fetched from outside


def test_the_markdown_brief_writes_its_figures_beside_it(mini_store, tmp_path):
    files = write_brief(mini_store, "CSTO", "md", tmp_path / "csto.md", DAY)
    md = files[0].read_text(encoding="utf-8")
    assert [f.name for f in files[1:]] == ["csto-timeline.png", "csto-upset.png",
                                           "csto-network.png", "csto-shares.png"]
    assert all(f.stat().st_size > 1000 for f in files[1:])
    assert "![CSTO: memberships by role" in md and "(csto-timeline.png)" in md
    assert "| Armenia | founding member [1, 2] |" in md
    refs = re.findall(r"^(\d+)\. ", md, flags=re.M)
    assert refs == ["1", "2", "3", "4", "5"]
    assert "“Georgia is a member of the CSTO.” (characters 91–123)" in md


def test_the_pdf_brief_is_a_pdf_with_the_brief_in_it(mini_store, tmp_path):
    from pypdf import PdfReader

    [p] = write_brief(mini_store, "CSTO", "pdf", tmp_path / "csto.pdf", DAY)
    assert p.read_bytes().startswith(b"%PDF")
    reader = PdfReader(str(p))
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Collective Security Treaty Organization" in text and "Uzbekistan" in text
    assert "Test source on commitments" in text
    assert sum(len(page.images) for page in reader.pages) == 4


def test_json_and_text_without_a_file(mini_store):
    data = json.loads(write_brief(mini_store, "UZB", "json", on=DAY))
    assert data["id"] == "UZB" and data["references"]
    md = write_brief(mini_store, "UZB", "md", on=DAY)
    assert md.startswith("# Uzbekistan (UZB)") and "written beside the file" in md


def test_bad_requests_are_refused_before_writing(mini_store, tmp_path):
    with pytest.raises(BadOutput, match="needs a file"):
        write_brief(mini_store, "CSTO", "pdf")
    with pytest.raises(BadOutput, match="unknown brief format"):
        write_brief(mini_store, "CSTO", "docx", tmp_path / "x.docx")
    with pytest.raises(UnknownId, match="Did you mean"):
        write_brief(mini_store, "CSTOO", "html", tmp_path / "x.html")
    taken = tmp_path / "taken.html"
    taken.write_text("mine")
    with pytest.raises(OutputExists):
        write_brief(mini_store, "CSTO", "html", taken, DAY)
    assert taken.read_text() == "mine"
    (tmp_path / "b-timeline.png").write_text("mine")
    with pytest.raises(OutputExists, match="b-timeline.png"):
        write_brief(mini_store, "CSTO", "md", tmp_path / "b.md", DAY)
    assert not (tmp_path / "b.md").exists()


def test_a_brief_on_the_shipped_data_cites_the_document_by_its_words(reference_store,
                                                                     tmp_path):
    b = brief(reference_store, "CSTO", DAY)
    quotes = [r["quote"] for r in b["references"] if r["kind"] == "document"]
    assert any("The CSTO is made up of Armenia" in (q or "") for q in quotes)
    assert cited(b) == {r["n"] for r in b["references"]}
