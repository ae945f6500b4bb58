"""extract and eval: claims from a document, and how good they are against gold."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadOutput, DataError
from .common import user_errors
from .render import Format, emit

_STREAM_OVER = 8 << 20     # bytes: plain text larger than this is read block by block


def _day(value: str | None):
    from ..dates import PartialDate

    if value is None:
        return None
    pd = PartialDate.parse(value)
    return pd.lo


class _Counted:
    """A text file that reports how much of it has been read."""

    def __init__(self, fh, seen) -> None:
        self.fh, self.seen = fh, seen

    def read(self, n: int = -1) -> str:
        chunk = self.fh.read(n)
        self.seen(len(chunk))
        return chunk


@contextmanager
def _progress(path: Path):
    """A progress bar on stderr for a long run at a terminal (output stays clean JSONL)."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"Extracting {path.name}", total=path.stat().st_size)
        yield lambda n: bar.update(task, advance=n)


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def extract(path: Annotated[Path, typer.Argument(help="A document (txt, md, pdf, html).")],
                date: Annotated[str | None, typer.Option(
                    "--date", help="The day the document speaks from (YYYY-MM-DD).")] = None,
                doc_id: Annotated[str | None, typer.Option(
                    "--doc-id", help="Id for the claims' source (default: the file's sha256).")] = None,
                fmt: Annotated[str, typer.Option("--format", "-f",
                                                 help="jsonl, or table")] = "jsonl") -> None:
        """Extract claims from a document and print them (no store needed).

        Example: blocs extract report.pdf --date 2010-04-15 --format jsonl > claims.jsonl
        """
        from ..extract import extract as run, extract_stream
        from ..ingest.readers import format_of, read_document
        from ..sources import sha256_file

        if fmt not in ("jsonl", "table"):
            raise BadOutput(f"unknown format {fmt!r}: use jsonl or table")
        when = _day(date)
        if not path.is_file():
            raise DataError(str(path), None, None, "no such file")
        fmt_of = format_of(path)
        if fmt_of in ("txt", "md") and path.stat().st_size > _STREAM_OVER:
            doc = doc_id or sha256_file(path)
            with path.open(encoding="utf-8", errors="strict") as fh, _progress(path) as seen:
                try:
                    for c in extract_stream(_Counted(fh, seen), doc, when):
                        sys.stdout.write(c.to_json() + "\n")
                except UnicodeDecodeError:
                    raise DataError(str(path), None, None, "not UTF-8 text") from None
            return
        raw = read_document(path)
        if when is None and raw.date:
            when = _day(raw.date)
        claims = run(raw.text, doc_id or raw.sha256, when)
        if fmt == "jsonl":
            for c in claims:
                sys.stdout.write(c.to_json() + "\n")
        else:
            emit([{"kind": c.kind, "subject": c.subject, "object": c.object,
                   "what": c.get("role") or c.get("relation") or c.get("domain") or
                   c.get("action") or c.get("event_type") or c.get("flow") or c.get("unit"),
                   "date": str(c.date) if c.date else None, "confidence": c.get("confidence"),
                   "quote": " ".join(c.get("quote", "").split())} for c in claims],
                 Format.table, title=f"{len(claims)} claims from {path.name}")

    @app.command("eval")
    @user_errors
    def evaluate_cmd(gold: Annotated[Path, typer.Argument(help="Gold claims (JSONL).")],
                     doc: Annotated[Path, typer.Option("--doc", help="The document the gold "
                                                       "claims are about.")],
                     claims: Annotated[Path | None, typer.Option(
                         help="Score these claims instead of extracting.")] = None,
                     date: Annotated[str | None, typer.Option(
                         "--date", help="The day the document speaks from.")] = None,
                     fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
                     show: Annotated[bool, typer.Option(
                         help="Also list missed and spurious claims.")] = False) -> None:
        """Precision, recall and F1 per claim kind against gold claims (the spec's rules).

        Example: blocs eval ../shared/gold/rad76.claims.jsonl --doc ../shared/corpus/rad76.txt
        """
        from ..claims import read_jsonl
        from ..evaluate import evaluate
        from ..extract import extract as run
        from ..ingest.readers import read_document

        gold_claims = list(read_jsonl(gold))
        if not gold_claims:
            raise DataError(str(gold), None, None, "no gold claims in the file")
        doc_id = gold_claims[0].doc
        as_of = date or next((c.stated_as_of for c in gold_claims if c.stated_as_of), None)
        if claims is not None:
            got = list(read_jsonl(claims))
        else:
            raw = read_document(doc)
            got = run(raw.text, doc_id, _day(as_of) if as_of else None)
        result = evaluate(gold_claims, got)
        emit([s.to_dict() for s in result.scores], fmt,
             ["kind", "gold", "extracted", "matched", "precision", "recall", "f1"],
             title=f"{len(got)} claims extracted from {doc.name}, scored against {gold.name}")
        if show and fmt != Format.json:
            for label, items in (("missed", result.missed), ("spurious", result.spurious)):
                emit([{"kind": c.kind, "subject": c.subject, "object": c.object,
                       "quote": " ".join(c.get("quote", "").split())[:100]} for c in items],
                     fmt, title=label.capitalize(), empty=f"Nothing {label}.")
