"""The `blocs` command: one Typer app, a module per group of commands."""

from __future__ import annotations

import typer

from . import (catalog_cmds, extract_cmds, history_cmds, ingest_cmds, membership_cmds,
               review_cmds)
from . import serve_cmds
from . import analysis_cmds, report_cmds
from . import interop_cmds

app = typer.Typer(
    name="blocs",
    help="A knowledge base of regional and international organizations: who belonged to "
         "what, when, in what role, and on whose word.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
membership_cmds.register(app)
history_cmds.register(app)
catalog_cmds.register(app)
ingest_cmds.register(app)
extract_cmds.register(app)
review_cmds.register(app)
serve_cmds.register(app)
analysis_cmds.register(app)
report_cmds.register(app)
interop_cmds.register(app)


def main() -> None:
    app()
