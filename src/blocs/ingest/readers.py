"""Read a document file into its original text: the text every claim's offsets point into.

Text and Markdown are decoded as they are (UTF-8, else a legacy encoding that
charset-normalizer recognises; line endings untouched); a PDF's text is what pypdf
extracts, page after page; an HTML page's is its visible text, a paragraph a block. The
text is decided once, here, and stored: nothing downstream reads the file again, so a
quote stays `text[start:end]` even if a later pypdf would extract differently.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import os
import re
import struct
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from .docdate import find_date
from .htmltext import declared_charset, html_text

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf",
           ".html": "html", ".htm": "html"}
DEFAULT_MAX_MB = 50.0
# Legacy encodings a document of this field comes in: Russian (Windows and KOI8), Western
# European. Letting charset-normalizer choose among every code page reads French latin-1
# as cp1250; cp1252 decodes latin-1 text to the same characters.
_LEGACY = ["cp1251", "koi8_r", "cp1252", "latin_1"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TITLE_MAX = 200


@dataclass(frozen=True)
class RawDocument:
    path: Path
    text: str            # the original text, stored as is
    sha256: str          # of the file's bytes: the document's id
    format: str          # txt | md | pdf | html
    encoding: str | None  # how the bytes were decoded (None for PDF: its fonts decide)
    title: str | None    # as the document states it, if it does
    date: str | None     # a date stated near the top, ISO partial ("2010-04"), if any


def format_of(path: Path) -> str:
    """The reader for a file, by its extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReadError(path, f"unsupported kind of file {path.suffix or '(no extension)'!r} "
                        f"(blocs reads {', '.join(sorted(set(FORMATS)))})")
    return fmt


def max_bytes(max_mb: float | None = None) -> int:
    """The size limit: the argument, else BLOCS_MAX_DOC_MB, else 50 MB."""
    if max_mb is None:
        env = os.environ.get("BLOCS_MAX_DOC_MB")
        try:
            max_mb = float(env) if env else DEFAULT_MAX_MB
        except ValueError:
            raise ReadError("BLOCS_MAX_DOC_MB", f"{env!r} is not a number of megabytes") from None
    return int(max_mb * 1024 * 1024)


def check_size(path: Path, max_mb: float | None = None) -> int:
    """The file's size, refused before it is read when over the limit (or not a file)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as e:
        raise ReadError(path, f"cannot read it: {e.strerror}") from None
    if not path.is_file():
        raise ReadError(path, "not a file")
    limit = max_bytes(max_mb)
    if size > limit:
        raise ReadError(path, f"too large: {_size(size)}, over the {_size(limit)} limit "
                        "(BLOCS_MAX_DOC_MB raises it)")
    return size


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 / 10 else f"{n:,} bytes"


def read_document(path: str | Path, max_mb: float | None = None) -> RawDocument:
    """Read one file (txt, md, pdf, html); ReadError names the file and what is wrong."""
    p = Path(path)
    fmt, data = load(p, max_mb)
    return parse(p, fmt, data, hashlib.sha256(data).hexdigest())


def load(path: Path, max_mb: float | None = None) -> tuple[str, bytes]:
    """(format, bytes) of a file, refused by its kind and size before it is read."""
    fmt = format_of(path)
    check_size(path, max_mb)
    try:
        return fmt, path.read_bytes()
    except OSError as e:
        raise ReadError(path, f"cannot read it: {e.strerror}") from None


def parse(p: Path, fmt: str, data: bytes, sha: str) -> RawDocument:
    """The document in `data`, the bytes `load` read from `p` (`sha` their sha256): a
    caller that needs the hash first (to skip a known file) hashes and reads only once."""
    if fmt == "pdf":
        text, title = _read_pdf(p, data)
        encoding, date = None, find_date(text)
    elif fmt == "html":
        encoding, markup = _decode(p, data, declared_charset(data[:4096]))
        page = html_text(markup)
        text, title, date = page.text, page.title, page.date or find_date(page.text)
    else:
        encoding, text = _decode(p, data)
        title, date = _text_title(text, fmt), find_date(text)
    if not text.strip():
        raise ReadError(p, "it has no text" + (" (a scanned PDF needs OCR first)"
                                               if fmt == "pdf" else ""))
    return RawDocument(p, text, sha, fmt, encoding, title, date)


def _decode(path: Path, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(encoding, text): a BOM, else the declared charset, else UTF-8, else a legacy one."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return enc, _text_only(path, data.decode(enc))
            except UnicodeDecodeError:
                raise ReadError(path, f"starts as {enc} but is not valid {enc}") from None
    if b"\x00" in data:
        raise ReadError(path, "binary data, not text (it contains NUL bytes)")
    for enc in ([declared] if declared else []) + ["utf-8"]:
        try:
            return _norm_name(enc), _text_only(path, data.decode(enc))
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        raise ReadError(path, "not text: neither UTF-8 nor a known legacy encoding "
                        f"({', '.join(_LEGACY)})")
    return _norm_name(best.encoding), _text_only(path, str(best))


def _text_only(path: Path, text: str) -> str:
    """Refuse decoded bytes that are mostly not text (control characters throughout)."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise ReadError(path, "binary data, not text (it is full of control characters)")
    return text


def _norm_name(enc: str) -> str:
    return codecs.lookup(enc).name


def _text_title(text: str, fmt: str) -> str | None:
    """Markdown: the first heading. Plain text: the first line, when short enough to be one."""
    top = text[:4000]
    if fmt == "md":
        m = re.search(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", top, re.M) or \
            re.search(r"^(\S.*)\r?\n(?:=+|-+)[ \t]*$", top, re.M)
        return m.group(1).strip() if m else None
    return _first_line(top)


def _first_line(text: str) -> str | None:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if 0 < len(line) <= _TITLE_MAX else None


# What pypdf raises on a damaged file besides its own errors: it parses whatever bytes it
# is given, so a broken object table surfaces as one of these from deep inside it.
_PDF_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
               RecursionError, OSError, zlib.error, struct.error)


@contextmanager
def _quiet(logger: str):
    """pypdf logs every repair it makes; a file it cannot read is reported once, by us."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _read_pdf(path: Path, data: bytes) -> tuple[str, str | None]:
    """(text, title): the pages' text in the order the PDF writes it, a blank line between
    pages. An encrypted PDF is read only when it opens without a password."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except DependencyError:
                    opened = False
                if not opened:
                    raise ReadError(path, "the PDF is encrypted (it needs a password): "
                                    "save a copy without protection")
            pages = [(page.extract_text() or "").replace("\x00", "").rstrip()
                     for page in reader.pages]
            meta = reader.metadata
            title = str(meta.title).strip() if meta is not None and meta.title else None
        except ReadError:
            raise
        except (PyPdfError, *_PDF_DAMAGE) as e:
            first = (str(e).splitlines() or [""])[0]
            raise ReadError(path, f"not a readable PDF ({type(e).__name__}"
                            + (f": {first}" if first else "") + ")") from None
    text = "\n\n".join(p for p in pages if p.strip())
    return text, (title if title and len(title) <= _TITLE_MAX else None) or _first_line(text)
