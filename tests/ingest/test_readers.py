import hashlib
from pathlib import Path

import pytest

from blocs.errors import ReadError
from blocs.ingest.readers import read_document

from .conftest import write_pdf, write_two_column_pdf

RUSSIAN = ("ОДКБ и ЕврАзЭС\n\n15 апреля 2010 г.\n\nОрганизация Договора о коллективной "
           "безопасности — военно-политическая организация. В неё входят Армения, "
           "Белоруссия, Казахстан, Киргизия, Россия и Таджикистан.\n")
FRENCH = ("Sécurité collective\n\nLe traité de sécurité collective a été signé à Tachkent. "
          "L'Ouzbékistan s'est retiré en 1999 et a réintégré l'organisation en 2006 ; "
          "il l'a quittée à nouveau en 2012, d'après les déclarations du ministère.\n")


def test_a_utf8_text_file_is_its_decoded_content_line_endings_and_all(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes("A report on the CSTO\r\n\r\n15 April 2010\r\nThe CSTO’s members…\r\n"
                  .encode("utf-8"))
    doc = read_document(p)
    assert doc.text == p.read_bytes().decode("utf-8")
    assert (doc.format, doc.encoding) == ("txt", "utf-8")
    assert doc.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert (doc.title, doc.date) == ("A report on the CSTO", "2010-04-15")


def test_a_markdown_file_takes_its_title_from_the_first_heading(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("Draft, April 2010\n\n# The Eurasian Economic Community\n\nText.\n",
                 encoding="utf-8")
    doc = read_document(p)
    assert (doc.format, doc.title, doc.date) == ("md", "The Eurasian Economic Community",
                                                 "2010-04")


def test_a_cp1251_russian_text_is_decoded_right(tmp_path):
    p = tmp_path / "odkb.txt"
    p.write_bytes(RUSSIAN.encode("cp1251"))
    doc = read_document(p)
    assert doc.text == RUSSIAN
    assert doc.encoding == "cp1251"
    assert doc.date == "2010-04-15"


def test_a_latin1_text_is_decoded_right(tmp_path):
    p = tmp_path / "otsc.txt"
    p.write_bytes(FRENCH.encode("latin-1"))
    doc = read_document(p)
    assert doc.text == FRENCH
    assert doc.encoding in ("iso8859-1", "cp1252")   # the same characters for these bytes


def test_a_utf8_file_with_a_bom_loses_the_bom_not_its_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfHello, 2010-01-02")
    assert read_document(p).text == "Hello, 2010-01-02"


def test_a_binary_file_named_txt_is_refused(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ReadError, match=r"photo\.txt: binary data, not text"):
        read_document(p)


def test_control_characters_throughout_are_not_text_even_without_nul_bytes(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 65]) * 100)
    with pytest.raises(ReadError, match="not text"):
        read_document(p)


def test_an_empty_text_file_is_refused(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(ReadError, match="empty.txt: it has no text"):
        read_document(p)


def test_a_file_over_the_size_limit_is_refused_by_its_size(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_text("x" * 5000, encoding="utf-8")
    monkeypatch.setenv("BLOCS_MAX_DOC_MB", "0.001")
    with pytest.raises(ReadError, match=r"big\.txt: too large: 5,000 bytes, over the "
                                        r"1,048 bytes limit \(BLOCS_MAX_DOC_MB"):
        read_document(p)
    assert read_document(p, max_mb=1).text == "x" * 5000    # the argument overrides it


def test_a_200_mb_file_is_refused_without_being_read(tmp_path, monkeypatch):
    p = tmp_path / "huge.pdf"
    with open(p, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)     # sparse: takes no room
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(ReadError, match=r"huge\.pdf: too large: 200\.0 MB, over the 50\.0 MB"):
        read_document(p)


def test_an_unsupported_kind_of_file_or_a_missing_one_is_named(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(ReadError, match=r"a\.docx: unsupported kind of file '\.docx'"):
        read_document(tmp_path / "a.docx")
    with pytest.raises(ReadError, match=r"gone\.txt: no such file"):
        read_document(tmp_path / "gone.txt")


def test_a_pdf_gives_the_text_of_its_pages_and_its_title(pdf_path):
    p = pdf_path("r.pdf", ["Russian Analytical Digest\n15 April 2010\nThe CSTO grew.",
                           "Page two speaks of the SCO."], title="RAD 76")
    doc = read_document(p)
    assert (doc.format, doc.encoding, doc.title, doc.date) == ("pdf", None, "RAD 76",
                                                               "2010-04-15")
    assert doc.text.index("The CSTO grew.") < doc.text.index("Page two speaks of the SCO.")
    assert "\n\nPage two" in doc.text


def test_a_two_column_pdf_page_is_read_column_after_column(tmp_path):
    left = "LEFTSTART " + "the left column speaks of the CSTO " * 30 + "LEFTEND"
    right = "RIGHTSTART " + "the right column speaks of the SCO " * 30 + "RIGHTEND"
    p = write_two_column_pdf(tmp_path / "cols.pdf", "Two columns, May 2011", left, right)
    text = read_document(p).text
    assert text.index("LEFTSTART") < text.index("LEFTEND") < text.index("RIGHTSTART") \
        < text.index("RIGHTEND")
    left_part = text[text.index("LEFTSTART"):text.index("LEFTEND")]
    assert "right column" not in left_part


def test_an_encrypted_pdf_is_refused(tmp_path):
    p = write_pdf(tmp_path / "locked.pdf", ["secret"], user_password="pw")
    with pytest.raises(ReadError, match=r"locked\.pdf: the PDF is encrypted"):
        read_document(p)


def test_a_pdf_protected_only_against_editing_opens_without_a_password(tmp_path):
    p = write_pdf(tmp_path / "owner.pdf", ["Readable by anyone, 1 June 2012"],
                  owner_password="owner")
    assert "Readable by anyone" in read_document(p).text


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n",
                                     b"not a pdf at all", b""])
def test_a_corrupt_pdf_is_refused(tmp_path, content):
    p = tmp_path / "broken.pdf"
    p.write_bytes(content)
    with pytest.raises(ReadError, match=r"broken\.pdf: not a readable PDF"):
        read_document(p)


def test_a_truncated_pdf_is_refused(tmp_path):
    whole = write_pdf(tmp_path / "whole.pdf", ["Some text " * 50])
    p = tmp_path / "cut.pdf"
    p.write_bytes(whole.read_bytes()[:600])
    with pytest.raises(ReadError, match=r"cut\.pdf: not a readable PDF"):
        read_document(p)


def test_a_pdf_with_no_text_is_refused(pdf_path):
    with pytest.raises(ReadError, match=r"blank\.pdf: it has no text .*OCR"):
        read_document(pdf_path("blank.pdf", ["", ""]))


def test_an_html_page_is_its_visible_text_in_paragraphs(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<!doctype html><html><head><title>CSTO  news</title>"
                 "<script>var hidden = 'SCRIPTTEXT';</script><style>p {color: red}</style>"
                 "</head><body><h1>Summit</h1><p>Moscow, 15 April 2010</p><p>The summit   met\n"
                 "on 14 April.</p>"
                 "<script>alert('SCRIPTTEXT')</script><p>Second <b>paragraph</b>.</p>"
                 "</body></html>", encoding="utf-8")
    doc = read_document(p)
    assert doc.text == ("Summit\n\nMoscow, 15 April 2010\n\nThe summit met on 14 April."
                        "\n\nSecond paragraph.")
    assert (doc.format, doc.title, doc.date) == ("html", "CSTO news", "2010-04-15")
    assert "SCRIPTTEXT" not in doc.text and "color" not in doc.text


def test_an_html_page_in_a_declared_legacy_charset_is_decoded_with_it(tmp_path):
    p = tmp_path / "ru.htm"
    p.write_bytes('<html><head><meta charset="windows-1251"><title>ОДКБ</title></head>'
                  '<body><p>Москва, 15 апреля 2010 г.</p></body></html>'.encode("cp1251"))
    doc = read_document(p)
    assert (doc.encoding, doc.title, doc.text) == ("cp1251", "ОДКБ", "Москва, 15 апреля 2010 г.")
