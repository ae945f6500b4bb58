"""Put document files in the store, each a source that speaks in its own voice.

A document's id is the sha256 of its bytes: the same file ingested twice is found and left
alone, and an edited file is a new document (its claims point into its own text). Each
document is written in one transaction — its source, its text, its search-index entry and
the claims extracted from it land together or not at all — and a batch goes on past a
file that fails, reporting it.

Extracted claims are stored `proposed`: they are not facts (and not in the derived
spells, which `rederive` makes from accepted claims only) until someone accepts them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..claims import Claim, validate
from ..dates import PartialDate
from ..errors import BlocsError, ReadError
from ..reference import build as reference_build
from ..sources import Source
from ..store import Store, dialect, schema
from . import readers

ORIGIN = "ingest:"


@dataclass(frozen=True)
class IngestResult:
    path: str
    doc: str | None          # the document id (sha256), when the file could be hashed
    status: str              # added | unchanged | failed
    claims: int = 0          # proposed claims stored with it
    error: str | None = None

    def row(self) -> dict:
        return asdict(self)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """The files to ingest: a file as given (whatever its kind: an unsupported one is then
    reported), a folder as every supported file inside it, recursively and sorted, leaving
    out hidden files and folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found = [f for f in p.rglob("*") if f.is_file()
                 and f.suffix.lower() in readers.FORMATS
                 and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        out.extend(sorted(found))
    return out


def ingest(store: Store, paths: Iterable[str | Path], date: str | None = None,
           title: str | None = None, extract: bool = True,
           on_result: Callable[[IngestResult], None] | None = None,
           max_mb: float | None = None,
           ask_date: Callable[[Path], str | None] | None = None) -> list[IngestResult]:
    """Ingest files and folders; one result per file, in order.

    `date` (YYYY, YYYY-MM or YYYY-MM-DD) is the day the documents speak from when given;
    otherwise each document's own dateline, and a document with neither is refused.
    `ask_date(path)`, when given, is asked for the date of a document that states none
    (the CLI asks the person at the terminal). `title` overrides the title found in each
    document. A bad `date` refuses the batch
    (BadDate); a bad file only fails its own result.
    """
    given = PartialDate.parse(date) if date is not None else None
    results = []
    for path in expand(paths):
        result = ingest_file(store, path, given, title, extract, max_mb, ask_date)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def ingest_file(store: Store, path: Path, when: PartialDate | None = None,
                title: str | None = None, extract: bool = True,
                max_mb: float | None = None,
                ask_date: Callable[[Path], str | None] | None = None) -> IngestResult:
    """One file, in one transaction; never raises for a problem with the file itself."""
    sha = None
    try:
        fmt, data = readers.load(path, max_mb)
        sha = hashlib.sha256(data).hexdigest()
        if _stored(store, sha):
            return IngestResult(str(path), sha, "unchanged")
        doc = readers.parse(path, fmt, data, sha)
        if when is None and doc.date is None and ask_date is not None:
            answer = ask_date(path)
            when = PartialDate.parse(answer) if answer else None
        when = when or _document_date(doc)
        claims = _extracted(doc, when) if extract else []
        _write(store, doc, when, title or doc.title or path.name, claims)
    except BlocsError as e:
        return IngestResult(str(path), sha, "failed", error=str(e))
    except SQLAlchemyError as e:
        if sha and _stored(store, sha):  # another ingest of the same file got there first
            return IngestResult(str(path), sha, "unchanged")
        problem = (str(getattr(e, "orig", None) or e).splitlines() or [""])[0]
        return IngestResult(str(path), sha, "failed",
                            error=str(ReadError(path, f"not stored: {type(e).__name__}: "
                                                      f"{problem}")))
    return IngestResult(str(path), sha, "added", len(claims))


def _stored(store: Store, sha: str) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(select(schema.documents.c.id).where(
            schema.documents.c.sha256 == sha)).first() is not None


def _document_date(doc: readers.RawDocument) -> PartialDate:
    if doc.date is None:
        raise ReadError(doc.path, "no date found in the document: give --date "
                        "(the day it speaks from, YYYY-MM-DD)")
    return PartialDate.parse(doc.date)


def speaks_from(when: PartialDate) -> date:
    """The day a document speaks from: the first day its date can mean, so that a text
    dated "April 2010" is never taken to know what happened later in April."""
    return when.lo


def _extracted(doc: readers.RawDocument, when: PartialDate) -> list[Claim]:
    """The extractor's claims, checked against the spec and marked `proposed` whatever
    the extractor said: ingesting never makes a fact. The same claim twice is kept once."""
    from ..extract import extract

    out: dict[str, Claim] = {}
    for claim in extract(doc.text, doc.sha256, speaks_from(when)):
        data = {**claim.data, "status": "proposed"}
        checked = validate(data, str(doc.path))
        if checked.doc != doc.sha256:
            raise ReadError(doc.path, f"the extractor gave a claim about another document "
                            f"({checked.doc!r})")
        span = checked.span
        if span and span[1] > len(doc.text):
            raise ReadError(doc.path, f"the extractor gave a span {span} past the end of "
                            f"the text ({len(doc.text)} characters)")
        out.setdefault(checked.id, checked)
    return list(out.values())


def _write(store: Store, doc: readers.RawDocument, when: PartialDate, title: str,
           claims: list[Claim]) -> None:
    """Source, text, search index and claims: one transaction, so all or nothing."""
    origin = ORIGIN + doc.path.name
    source = Source(id=doc.sha256, kind="document", dataset=doc.sha256, title=title,
                    date=when.value, sha256=doc.sha256,
                    stated_as_of=speaks_from(when).isoformat(), origin=origin)
    with store.engine.begin() as conn:
        conn.execute(schema.sources.insert().values(**source.row()))
        conn.execute(schema.documents.insert().values(
            id=doc.sha256, source_id=doc.sha256, sha256=doc.sha256, text=doc.text))
        dialect.index_document(conn, doc.sha256, doc.text)
        if claims:
            reference_build.insert_claims(conn, [(c, origin) for c in claims])
