"""Plots as files: they exist, are not empty, have the size asked for, and parse."""

import xml.etree.ElementTree as ET

import pytest

from blocs.errors import BadOutput, OutputExists, UnknownId
from blocs.report import plots

DAY = "2010-04-15"


def png_size(path):
    import matplotlib.image as mpimg

    h, w = mpimg.imread(path).shape[:2]
    return w, h


@pytest.mark.parametrize("kind,args,kwargs", [
    ("timeline", ["CSTO"], {"on": DAY}),
    ("timeline", ["RUS"], {}),
    ("upset", [["CIS", "CSTO", "SCO"]], {"on": DAY}),
    ("network", [["CIS", "CSTO", "SCO"]], {"on": DAY}),
    ("shares", ["CORF"], {"on": DAY}),
    ("centrality", [["CSTO", "SCO"], "2005", "2018"], {"highlight": "RUS"}),
])
def test_each_plot_is_a_png_of_the_size_asked_for(mini_store, tmp_path, kind, args, kwargs):
    p = tmp_path / f"{kind}.png"
    plots.plot(kind, mini_store, p, *args, width=640, height=480, **kwargs)
    assert p.stat().st_size > 5000
    assert png_size(p) == (640, 480)


def test_an_svg_parses_as_xml(mini_store, tmp_path):
    p = plots.plot("upset", mini_store, tmp_path / "u.svg", ["CIS", "CSTO", "SCO"], on=DAY)
    root = ET.parse(p).getroot()
    assert root.tag.endswith("svg") and root.get("width", "").startswith("720")


def test_a_pdf_plot_is_a_pdf(mini_store, tmp_path):
    p = plots.plot("network", mini_store, tmp_path / "n.pdf", ["CSTO"], on=DAY)
    assert p.read_bytes().startswith(b"%PDF")


def test_an_svg_is_the_same_every_time(mini_store, tmp_path):
    a = plots.plot("timeline", mini_store, tmp_path / "a.svg", "CSTO", on=DAY)
    b = plots.plot("timeline", mini_store, tmp_path / "b.svg", "CSTO", on=DAY)
    assert a.read_bytes() == b.read_bytes()


def test_an_empty_answer_still_draws_a_figure_that_says_so(mini_store, tmp_path):
    p = plots.plot("shares", mini_store, tmp_path / "s.png", "SCO", width=400, height=300)
    assert png_size(p) == (400, 300)


def test_a_timeline_without_a_height_grows_with_its_rows(mini_store, tmp_path):
    few = plots.plot("timeline", mini_store, tmp_path / "f.png", "SCO", width=500)
    many = plots.plot("timeline", mini_store, tmp_path / "m.png", "CSTO", width=500)
    assert png_size(many)[1] > png_size(few)[1]


def test_bad_paths_and_names_fail_before_anything_is_written(mini_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(BadOutput, match="unknown image type '.gif'"):
        plots.plot("timeline", mini_store, tmp_path / "t.gif", "CSTO")
    with pytest.raises(UnknownId, match="CSTO"):
        plots.plot("timeline", mini_store, tmp_path / "t.png", "CSTOO")
    existing = tmp_path / "e.png"
    existing.write_bytes(b"keep")
    with pytest.raises(OutputExists):
        plots.plot("timeline", mini_store, existing, "CSTO")
    assert existing.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.png"]
