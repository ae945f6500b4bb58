"""What every command shares: the store option, the format option, error handling."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import BlocsError
from .render import Format

DbOpt = Annotated[str | None, typer.Option("--db", envvar="BLOCS_DB",
                                           help="SQLite file or database URL.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OnOpt = Annotated[str, typer.Option("--on", help="The day asked about (YYYY-MM-DD or 'today').")]
FromOpt = Annotated[str | None, typer.Option("--from",
                                             help="First day or year (YYYY-MM-DD or YYYY).")]
OrgsArg = Annotated[list[str] | None, typer.Argument(
    help="Organizations (ids, names) or groups (see `blocs groups`); default: every "
         "organization and forum.")]


def open_built(db: str | None):
    """The store, built from the reference data first if it is empty or out of date."""
    from ..reference import ensure_built
    from ..store import open_store

    store = open_store(db)
    if store.is_empty():
        print("Building the store from the reference data…", file=sys.stderr)
    ensure_built(store)
    return store


def fail(e: BlocsError) -> "typer.Exit":
    """A user error: one line on stderr, the error's exit code, no traceback."""
    print(f"error: {e}", file=sys.stderr)
    return typer.Exit(e.exit_code)


def user_errors(fn):
    """Turn the library's errors into one-line messages and exit codes."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BlocsError as e:
            raise fail(e) from None

    return wrapper
