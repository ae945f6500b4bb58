"""PDFs made in the tests (fpdf2), so no binary fixture has to be kept in the repository."""

from __future__ import annotations

from pathlib import Path

import pytest


def write_pdf(path: Path, pages: list[str], title: str | None = None,
              user_password: str | None = None, owner_password: str | None = None) -> Path:
    """A PDF with one page per string (an empty string gives a page with no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    if title:
        pdf.set_title(title)
    if user_password or owner_password:
        pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password)
    pdf.output(str(path))
    return path


def write_two_column_pdf(path: Path, heading: str, left: str, right: str) -> Path:
    """A page with a heading across it and two columns of text below."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.cell(text=heading)
    pdf.ln(12)
    with pdf.text_columns(ncols=2) as cols:
        cols.write(left)
        cols.new_column()
        cols.write(right)
    pdf.output(str(path))
    return path


@pytest.fixture
def pdf_path(tmp_path: Path):
    """Make a PDF under tmp_path: pdf_path("name.pdf", ["page one", ...], title=...)."""
    def make(name: str, pages: list[str], **kw) -> Path:
        return write_pdf(tmp_path / name, pages, **kw)
    return make
