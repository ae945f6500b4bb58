"""ingest: read document files into the store and propose the claims they state."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, user_errors
from .render import Format, emit

COLUMNS = ["path", "status", "claims", "doc", "error"]


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def ingest(paths: Annotated[list[Path], typer.Argument(
                   help="Files or folders (every .txt, .md, .pdf and .html inside).")],
               date: Annotated[str | None, typer.Option(
                   "--date", help="The day the documents speak from (YYYY-MM-DD; YYYY-MM or "
                                  "YYYY if that is all that is known). Default: the date "
                                  "each document states near its top.")] = None,
               title: Annotated[str | None, typer.Option(
                   "--title", help="Title to record (default: the document's own).")] = None,
               extract: Annotated[bool, typer.Option(
                   "--extract/--no-extract", help="Propose the claims each document "
                                                  "states.")] = True,
               fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Store documents (text, Markdown, PDF, HTML), each a source of its own voice.

        A file already stored (same sha256) is reported unchanged.
        The claims found in a document are stored as proposed: they count once accepted.
        Exit status 2 when any file failed (one line each on stderr); the others are stored.

        Example: blocs ingest reports/ --date 2010-04-15
        """
        from ..ingest.documents import expand
        from ..store import open_store

        store = open_store(db)
        files = expand(paths)
        results = _run(store, files, date, title, extract)
        rows = [r.row() for r in results]
        if fmt == Format.table:     # a table shows the start of an id; JSON and CSV all of it
            rows = [{**r, "doc": r["doc"] and r["doc"][:12]} for r in rows]
        emit(rows, fmt, COLUMNS, title="Ingested", empty="No document files found.")
        failed = [r for r in results if r.status == "failed"]
        for r in failed:
            print(f"error: {r.error}", file=sys.stderr)
        if failed:
            raise typer.Exit(2)


def _ask_date(path: Path) -> str | None:
    """At a terminal, a document with no date of its own gets one from the person."""
    answer = typer.prompt(f"{path.name} states no date. The day it speaks from (YYYY-MM-DD, "
                          "empty to skip it)", default="", show_default=False)
    return answer.strip() or None


def _run(store, files: list[Path], date: str | None, title: str | None, extract: bool):
    """Ingest with a progress bar on stderr when there is more than one file."""
    from ..ingest.documents import ingest

    ask = _ask_date if sys.stdin.isatty() and date is None else None
    if len(files) <= 1 or ask is not None:
        return ingest(store, files, date=date, title=title, extract=extract, ask_date=ask)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Ingesting", total=len(files))
        return ingest(store, files, date=date, title=title, extract=extract,
                      on_result=lambda r: bar.update(task, advance=1,
                                                     description=Path(r.path).name))
