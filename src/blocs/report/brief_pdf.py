"""A brief as PDF with fpdf2 (pure Python): A4, the DejaVu fonts that ship with
matplotlib (so every name prints, Cyrillic included), tables, embedded PNG figures, and
the numbered reference list with live links."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

SIZE, SMALL, LINE = 9, 7.5, 4.4


def _fonts() -> dict[str, Path]:
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": ttf / "DejaVuSans.ttf", "B": ttf / "DejaVuSans-Bold.ttf",
            "I": ttf / "DejaVuSans-Oblique.ttf"}


@cache
def _glyphs() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(_fonts()[""])).getBestCmap())


def _safe(text: str) -> str:
    """Text the font can print: characters it has no glyph for (CJK titles) become '?'."""
    have = _glyphs()
    return "".join(ch if ord(ch) in have or ch in "\n\t" else "?" for ch in text)


def _text(c: dict[str, Any]) -> str:
    marks = f" [{', '.join(map(str, c['cites']))}]" if c["cites"] else ""
    return _safe(c["text"]) + marks


def to_pdf(model: dict[str, Any], images: dict[str, bytes] | None = None) -> bytes:
    """The brief as PDF bytes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(True, margin=12)
    for style, path in _fonts().items():
        pdf.add_font("DejaVu", style, str(path))
    pdf.set_title(f"{model['title']}: brief as of {model['on']}")
    pdf.set_creator("blocs")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7, _safe(model["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", SMALL)
    pdf.multi_cell(0, LINE, f"Brief as of {model['on']} · every fact is numbered to its "
                   "source in the references", new_x="LMARGIN", new_y="NEXT")
    for s in model["sections"]:
        _heading(pdf, _safe(s["title"]))
        for f in s["facts"]:
            pdf.set_font("DejaVu", "B", SIZE)
            pdf.write(LINE, _safe(f["label"]) + ": ")
            pdf.set_font("DejaVu", "", SIZE)
            pdf.write(LINE, "; ".join(_text(v) for v in f["value"]))
            pdf.ln(LINE)
        for t in s["tables"]:
            _table(pdf, t)
        for n in s["notes"]:
            pdf.set_font("DejaVu", "I", SMALL)
            pdf.multi_cell(0, LINE, _safe(n), new_x="LMARGIN", new_y="NEXT")
    shown = [f for f in model["figures"] if f["name"] in (images or {})]
    if shown:
        _heading(pdf, "Figures")
        for k in range(0, len(shown), 2):
            _figure_row(pdf, shown[k:k + 2], images)
    _heading(pdf, "References")
    pdf.set_font("DejaVu", "", SMALL)
    for r in model["references"]:
        text = f"{r['n']}. {r['title']}"
        text += f". {r['publisher']}" if r["publisher"] else ""
        text += f", {r['date']}" if r["date"] else ""
        text += "."
        if r["quote"]:
            text += f" “{r['quote']}” (characters {r['span'][0]}–{r['span'][1]})."
        pdf.write(LINE - 0.8, _safe(text) + " ")
        if r["url"]:
            pdf.set_text_color(47, 95, 143)
            pdf.write(LINE - 0.8, _safe(r["url"]), link=r["url"])
            pdf.set_text_color(0, 0, 0)
        pdf.ln(LINE)
    return bytes(pdf.output())


def _png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _figure_row(pdf, figs: list[dict[str, Any]], images: dict[str, bytes]) -> None:
    """Up to two figures side by side, half the text width each, captions below."""
    gap = 4
    w = (pdf.epw - gap) / 2
    sizes = [_png_size(images[f["name"]]) for f in figs]
    h = max(w * ph / pw for pw, ph in sizes)
    if pdf.get_y() + h + 2 * LINE > pdf.h - pdf.b_margin:
        pdf.add_page()
    y = pdf.get_y()
    bottom = y
    pdf.set_font("DejaVu", "I", SMALL - 0.5)
    for i, f in enumerate(figs):
        x = pdf.l_margin + i * (w + gap)
        pw, ph = sizes[i]
        pdf.image(io.BytesIO(images[f["name"]]), x=x, y=y, w=w)
        pdf.set_xy(x, y + w * ph / pw + 0.5)
        pdf.multi_cell(w, LINE - 0.8, _safe(f["caption"]))
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom + 1.5)


def _heading(pdf, title: str) -> None:
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y()
    pdf.set_draw_color(180, 180, 180)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(0.8)


def _table(pdf, t: dict[str, Any]) -> None:
    if t["caption"]:
        pdf.set_font("DejaVu", "B", SIZE)
        pdf.multi_cell(0, LINE, _safe(t["caption"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", SMALL)
    widths = _widths(t)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=LINE - 0.6,
                   first_row_as_headings=True, borders_layout="HORIZONTAL_LINES",
                   padding=0.8) as tab:
        head = tab.row()
        for c in t["columns"]:
            head.cell(_safe(c))
        for row in t["rows"]:
            r = tab.row()
            for c in row:
                r.cell(_text(c))
    if t["note"]:
        pdf.set_font("DejaVu", "I", SMALL)
        pdf.multi_cell(0, LINE, _safe(t["note"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _widths(t: dict[str, Any]) -> tuple[float, ...]:
    """Column widths in proportion to their longest text (within bounds)."""
    longest = [len(c) for c in t["columns"]]
    for row in t["rows"]:
        for i, c in enumerate(row):
            longest[i] = max(longest[i], len(_text(c)))
    return tuple(min(max(n, 6), 60) for n in longest)
