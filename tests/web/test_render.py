"""What the pages draw: highlighted segments of a text, chart geometry, small formats."""

from datetime import date

from blocs.web.charts import gantt, share_bars
from blocs.web.highlight import segments
from blocs.web.templating import pct, source_href


def claim(id, a, b, status="accepted"):
    return {"id": id, "span": [a, b], "status": status}


def test_segments_cut_the_text_at_every_boundary_and_keep_it_whole():
    text = "0123456789"
    segs = segments(text, [claim("a", 2, 6), claim("b", 4, 8, "proposed")], focus={"b"})
    assert "".join(s["text"] for s in segs) == text
    assert [(s["text"], s["claims"]) for s in segs] == [
        ("01", []), ("23", ["a"]), ("45", ["a", "b"]), ("67", ["b"]), ("89", [])]
    assert [s["anchors"] for s in segs] == [[], ["a"], ["b"], [], []]
    assert [s["focus"] for s in segs] == [False, False, True, True, False]
    assert segs[2]["status"] == "accepted"


def test_segments_of_a_text_without_claims_is_the_text():
    assert [s["text"] for s in segments("abc", [])] == ["abc"]
    assert segments("", []) == [{"text": "", "start": 0, "claims": [], "status": None,
                                 "anchors": [], "focus": False}]


def spell(state, start, end=None, preferred=True, voice="reference", end_kind="leave",
          precision="day", sources=("s1",)):
    return {"state": state, "state_name": state, "org": "CSTO", "role": "member",
            "frozen": False, "start": start, "start_precision": precision, "end": end,
            "end_precision": "day" if end else None, "end_kind": end_kind, "voice": voice,
            "preferred": preferred, "sources": list(sources)}


def test_the_gantt_puts_the_shown_answer_thick_and_other_voices_thin():
    srcs = {"s1": {"id": "s1", "url": "https://example.org/a", "document": False},
            "doc": {"id": "doc", "document": True, "stated_as_of": "2010-04-15"}}
    g = gantt([spell("UZB", "2006-06-23", "2012-12-19"),
               spell("UZB", "2005", None, False, "doc", "silent", "year", ("doc",))],
              "state", srcs, lambda k: f"/states/{k}", today=date(2020, 1, 1))
    [row] = g["rows"]
    thick, thin = row["bars"]
    assert thick["h"] > thin["h"] and "imprecise" in thin["css"] and "thin" in thin["css"]
    assert thick["href"] == "https://example.org/a"
    assert thin["href"] == "/documents/doc?subject=UZB&object=CSTO"
    assert thin["x"] < thick["x"] < thin["x"] + thin["w"] < thick["x"] + thick["w"]
    assert g["ticks"][0]["label"] == "2005"


def test_share_bars_group_by_unit_and_total():
    cs = [{"id": f"c{i}", "subject": s, "quantity": q, "unit": "USD", "total": 100,
           "date": "2009", "source": {"id": "s", "title": "T", "url": None}}
          for i, (s, q) in enumerate([("KAZ", 10), ("RUS", 75)])]
    [chart] = share_bars(cs, {"s": {"id": "s", "document": True}})
    assert [(b["subject"], b["share"]) for b in chart["bars"]] == [("RUS", 0.75), ("KAZ", 0.1)]
    assert chart["bars"][0]["href"] == "/documents/s?claim=c1#claim-c1"


def test_small_formats():
    assert pct(0.75) == "75.0%" and pct(0.0001) == "0.01%" and pct(0) == "0.0%"
    assert source_href(None) is None
    assert source_href({"id": "x", "document": False, "url": None}) is None


def test_only_web_pages_are_linked_as_sources():
    assert source_href({"id": "x", "document": False, "url": "javascript:alert(1)"}) is None
    assert source_href({"id": "x", "document": False, "url": "https://tass.com/a"}) == \
        "https://tass.com/a"


def test_the_legend_names_each_colour_by_its_role_class():
    from blocs.web.templating import role_legend

    legend = dict(role_legend())
    assert legend["role-member"] == "member"          # not "founding member", the first of the class
    assert legend["role-suspended"] == "suspended"
    assert len(legend) == len(set(legend))
