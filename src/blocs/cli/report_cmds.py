"""plot, brief: pictures (PNG, SVG, PDF) and one-page briefs (HTML, Markdown, PDF)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOpt, OnOpt, OrgsArg, open_built, user_errors

OutOpt = Annotated[Path, typer.Option("--output", "-o", help="The file to write (.png, .svg "
                                                             "or .pdf).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")]
WidthOpt = Annotated[int, typer.Option("--width", min=100, max=8000, help="Width in pixels.")]
HeightOpt = Annotated[int | None, typer.Option("--height", min=100, max=8000,
                                               help="Height in pixels (default: to fit).")]

plot_app = typer.Typer(
    name="plot", no_args_is_help=True,
    help="Draw a plot to a PNG, SVG or PDF file (the type follows the file's suffix).\n\n"
         "Example: blocs plot timeline CSTO -o csto.png")


def _done(path: Path) -> None:
    print(f"wrote {path}", file=sys.stderr)


@plot_app.command("timeline")
@user_errors
def plot_timeline(ident: Annotated[str, typer.Argument(help="Organization or state.")],
                  output: OutOpt, on: Annotated[str | None, typer.Option(
                      "--on", help="A day to mark with a dashed line.")] = None,
                  width: WidthOpt = 1000, height: HeightOpt = None, force: ForceOpt = False,
                  db: DbOpt = None) -> None:
    """Membership timeline: a row per state (or organization), bars coloured by role.

    Example: blocs plot timeline CSTO -o csto.png
    """
    from ..report.plots import plot

    _done(plot("timeline", open_built(db), output, ident, on=on, width=width,
               height=height, force=force))


@plot_app.command("upset")
@user_errors
def plot_upset(orgs: Annotated[list[str], typer.Argument(help="Organizations or a group.")],
               output: OutOpt, on: OnOpt = "today", width: WidthOpt = 1000,
               height: HeightOpt = None, force: ForceOpt = False, db: DbOpt = None) -> None:
    """UpSet plot of overlapping memberships on a day.

    Example: blocs plot upset CIS CSTO EURASEC SCO --on 2010-04-15 -o overlap.svg
    """
    from ..report.plots import plot

    _done(plot("upset", open_built(db), output, orgs, on=on, width=width,
               height=height or 600, force=force))


@plot_app.command("network")
@user_errors
def plot_network(output: OutOpt, orgs: OrgsArg = None, on: OnOpt = "today",
                 all_roles: Annotated[bool, typer.Option(
                     "--all-roles", help="Draw observers, partners and applicants too.")] = False,
                 width: WidthOpt = 1000, height: HeightOpt = None, force: ForceOpt = False,
                 db: DbOpt = None) -> None:
    """The state–organization network on a day.

    Example: blocs plot network eurasia --on 2010-04-15 -o web.png
    """
    from ..report.plots import plot

    _done(plot("network", open_built(db), output, orgs, on=on, all_roles=all_roles,
               width=width, height=height or 800, force=force))


@plot_app.command("shares")
@user_errors
def plot_shares(body: Annotated[str, typer.Argument(help="A body with commitments.")],
                output: OutOpt, on: OnOpt = "today",
                unit: Annotated[str | None, typer.Option("--unit", help="troops, USD, "
                                                                        "percent…")] = None,
                width: WidthOpt = 800, height: HeightOpt = None, force: ForceOpt = False,
                db: DbOpt = None) -> None:
    """Each contributor's share of a body, with the Herfindahl index.

    Example: blocs plot shares EDB --on 2023-06-01 -o edb.png
    """
    from ..report.plots import plot

    _done(plot("shares", open_built(db), output, body, on=on, unit=unit, width=width,
               height=height, force=force))


@plot_app.command("centrality")
@user_errors
def plot_centrality(output: OutOpt, orgs: OrgsArg = None,
                    date_from: Annotated[str, typer.Option("--from", help="First year "
                                                           "(YYYY or YYYY-MM-DD).")] = "1992",
                    date_to: Annotated[str | None, typer.Option("--to", help="Last year.")] = None,
                    side: Annotated[str, typer.Option(
                        "--side", help="states or orgs.")] = "states",
                    measure: Annotated[str, typer.Option(
                        "--measure",
                        help="betweenness, degree_centrality or degree.")] = "betweenness",
                    top: Annotated[int, typer.Option("--top", help="Lines drawn.")] = 6,
                    highlight: Annotated[str | None, typer.Option(
                        "--highlight", help="A node to draw bold (e.g. RUS).")] = None,
                    width: WidthOpt = 1000, height: HeightOpt = None, force: ForceOpt = False,
                    db: DbOpt = None) -> None:
    """Centrality of the leading states (or organizations) once a year.

    Example: blocs plot centrality post-soviet --from 1992 --to 2024 --highlight RUS -o c.png
    """
    from ..report.plots import plot

    _done(plot("centrality", open_built(db), output, orgs, date_from, date_to, side=side,
               measure=measure, top=top, highlight=highlight, width=width,
               height=height or 600, force=force))


def register(app: typer.Typer) -> None:
    app.add_typer(plot_app)

    @app.command()
    @user_errors
    def brief(ident: Annotated[str, typer.Argument(help="Organization or state.")],
              on: OnOpt = "today",
              fmt: Annotated[str, typer.Option(
                  "--format", "-f", help="html, md, pdf or json.")] = "html",
              output: Annotated[Path | None, typer.Option(
                  "--output", "-o", help="The file to write (a PDF needs one; HTML, Markdown "
                                         "and JSON go to the screen without).")] = None,
              force: ForceOpt = False, db: DbOpt = None) -> None:
        """A one-page brief on an organization or a state as of a day, every fact
        footnoted to its source; Markdown figures are written beside the file.

        Example: blocs brief CSTO --on 2010-04-15 --format html -o csto.html
        """
        from ..report.formats import write_brief

        out = write_brief(open_built(db), ident, fmt, output, on, force)
        if isinstance(out, str):
            sys.stdout.write(out)
        else:
            for p in out:
                _done(p)
