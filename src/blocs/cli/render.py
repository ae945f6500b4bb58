"""Print records as a Rich table, CSV or JSON: the one place output formats live."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "voice" in value and "role" in value:
            return f"{value['voice']}: {value['role'] or 'not a member'}"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def emit(records: Sequence[dict[str, Any]], fmt: Format, columns: list[str] | None = None,
         title: str | None = None, empty: str = "Nothing found.",
         footer: str | None = None) -> None:
    """Write records in the chosen format; JSON is always the full records."""
    if fmt == Format.json:
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    cols = columns or (list(records[0]) if records else [])
    if fmt == Format.csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(cols)
        for r in records:
            w.writerow([_cell(r.get(c)) for c in cols])
        return
    from rich.table import Table

    console = console_for_output()
    if not records:
        console.print(empty)
        return
    table = Table(title=title, title_justify="left", header_style="bold")
    for c in cols:
        table.add_column(c.replace("_", " "), overflow="fold")
    from rich.text import Text

    for r in records:     # Text, not markup: document text like "[bold]" is shown as written
        table.add_row(*[Text(_cell(r.get(c))) for c in cols])
    console.print(table)
    if footer:
        console.print(footer)


def console_for_output():
    """A Rich console; when output is piped, wide enough that tables do not fold words."""
    import os
    import shutil

    from rich.console import Console

    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", 0)) or max(
        shutil.get_terminal_size((160, 24)).columns, 160)
    return Console(width=width, highlight=False)


def emit_object(obj: dict[str, Any], fmt: Format, render_table) -> None:
    """A single object (why, show): JSON as is; a table face drawn by `render_table`."""
    if fmt == Format.json:
        json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        render_table(obj, fmt)
