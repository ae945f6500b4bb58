"""import, compare, export: the field's data formats (COW, panels, graphs, linked data)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, FromOpt, open_built, user_errors
from .render import Format, emit

import_app = typer.Typer(
    name="import", no_args_is_help=True,
    help="Bring a dataset into the store as a source of its own voice.\n\n"
         "Example: blocs import cow ../shared/data/cow-igo-v3/igo_year_format3.csv.gz")

ToOpt = Annotated[str | None, typer.Option("--to", help="Last day or year (YYYY-MM-DD or YYYY).")]
EXPORT_FORMATS = ("cow-state-year, cow-igo-year, dyad-year, spells-csv, spells-parquet, "
                  "claims-csv, claims-parquet, graphml, jsonld")


@import_app.command("cow")
@user_errors
def import_cow(file: Annotated[Path, typer.Argument(
                   help="COW IGO v3 IGO-year or state-year file (.csv or .csv.gz).")],
               fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
    """Import the Correlates of War IGO v3 data (all its IGOs) as the source `cow`.

    Claims at year precision from COW's yearly codes; ISO ids for COW's states, this
    project's ids for the IGOs that are ours (EAEC is EURASEC, CAECC is CACO, ...), COW_
    and COW's name for the others. Importing again replaces the earlier COW import; the
    reference data is never changed. A bad file is refused whole, naming line and column.

    Example: blocs import cow ../shared/data/cow-igo-v3/igo_year_format3.csv.gz
    """
    from ..interop.cow import import_cow as do_import

    result = do_import(open_built(db), file)
    emit([result.to_dict()], fmt, ["file", "layout", "igos", "states", "years", "claims",
                                   "spells", "kept_runs", "organizations_added"],
         title="Imported")


def register(app: typer.Typer) -> None:
    app.add_typer(import_app)

    @app.command()
    @user_errors
    def compare(orgs: Annotated[list[str] | None, typer.Argument(
                    help="Organizations (default: every one both sources cover).")] = None,
                source: Annotated[str, typer.Option(
                    "--source", help="One source (a voice: cow, reference, a document id).")] = "cow",
                with_: Annotated[str, typer.Option(
                    "--with", help="The source to compare it with.")] = "reference",
                date_from: FromOpt = None, date_to: ToOpt = None,
                fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Where two sources disagree: per organization, year and state, both answers
        and their sources.

        A year's answer is the role held on 31 December of that year (COW's code for the
        year is read so); both are compared in COW's codes (1 member, 2 associate, 3
        observer, 0 none; a participant counts as 1). Only where both sources speak:
        COW's missing data (-9) says nothing.

        Example: blocs compare --source cow --with reference CIS
        """
        from ..interop.compare import compare as q
        from ..interop.exports import day

        recs = [r.to_dict() for r in q(open_built(db), source, with_, orgs,
                                       day(date_from, "--from"), day(date_to, "--to", True))]
        if fmt != Format.json:
            recs = [{**r, "source_role": r["source_role"] or "not a member",
                     "with_role": r["with_role"] or "not a member"} for r in recs]
        emit(recs, fmt, ["org", "year", "state", "state_name", "source", "source_role",
                         "source_sources", "with", "with_role", "with_sources"],
             title=f"{source} against {with_}", empty="The two sources agree.")

    @app.command()
    @user_errors
    def export(fmt_name: Annotated[str, typer.Argument(
                   metavar="FORMAT", help=f"One of: {EXPORT_FORMATS}.")],
               output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
               source: Annotated[str | None, typer.Option(
                   "--source", help="One voice (reference, cow, a document id); default: "
                                    "the preferred answers.")] = None,
               on: Annotated[str | None, typer.Option(
                   "--on", help="Only what holds on this day (YYYY-MM-DD; a year for panels).")] = None,
               date_from: FromOpt = None, date_to: ToOpt = None,
               orgs: Annotated[list[str] | None, typer.Option(
                   "--org", help="Only this organization (repeat for more).")] = None,
               force: Annotated[bool, typer.Option(
                   "--force", help="Replace the file if it exists.")] = False,
               db: DbOpt = None) -> None:
        """Write the base for statistics and graph tools: COW's own layouts and codes,
        dyad-years, tidy spells and claims (CSV, Parquet), GraphML, JSON-LD.

        A file is written whole or not at all; an existing one is refused without --force.
        A target ending in .gz is compressed (COW layouts).

        Example: blocs export cow-state-year --source cow -o sy.csv
        """
        from ..interop.exports import export as do_export, scope

        store = open_built(db)
        result = do_export(store, fmt_name, output,
                           scope(store, source, on, date_from, date_to, orgs), force)
        print(f"wrote {result.rows} rows of {result.format} ({result.source}) to "
              f"{result.file}", file=sys.stderr)
