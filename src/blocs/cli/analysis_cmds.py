"""groups, neighbours, overlap-trend, network, centrality, shares, flows, changes: the
analyses (blocs.analysis), each a table in the chosen format."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, FromOpt, OnOpt, OrgsArg, open_built, user_errors
from .render import Format, emit

# not in common: an analysis runs to today without --to; compare and export do not
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD or YYYY; "
                                                         "default today).")]
AllRolesOpt = Annotated[bool, typer.Option(
    "--all-roles", help="Count observers, partners and applicants too, not only members.")]


def _records(df) -> list[dict]:
    from ..analysis.scope import frame_records

    return frame_records(df)


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def groups(fmt: FormatOpt = Format.table) -> None:
        """The named groups of organizations the analyses accept in place of a list.

        Example: blocs groups
        """
        from ..analysis.scope import groups as q

        emit([{"group": k, "label": v["label"], "orgs": list(v["orgs"])}
              for k, v in q().items()], fmt, ["group", "label", "orgs"], title="Groups")

    @app.command()
    @user_errors
    def neighbours(org: Annotated[str, typer.Argument(help="Organization id or name.")],
                   among: OrgsArg = None, on: OnOpt = "today", fmt: FormatOpt = Format.table,
                   db: DbOpt = None) -> None:
        """The organizations sharing members with one, most shared first: Jaccard and
        containment both ways.

        Example: blocs neighbours CSTO post-soviet --on 2010-04-15
        """
        from ..analysis.overlap import neighbours as q

        recs = _records(q(open_built(db), org, on, among))
        emit(recs, fmt, ["org", "members", "shared", "jaccard", "share_of_ours_in_theirs",
                         "share_of_theirs_in_ours", "shared_states"],
             title=f"Neighbours of {org.upper()} on {on}", empty="No shared members.")

    @app.command("overlap-trend")
    @user_errors
    def overlap_trend(orgs: Annotated[list[str], typer.Argument(
                          help="Two or more organizations, or a group.")],
                      date_from: Annotated[str, typer.Option("--from", help="First day "
                                                             "(YYYY-MM-DD or YYYY).")],
                      date_to: ToOpt = None, fmt: FormatOpt = Format.table,
                      db: DbOpt = None) -> None:
        """Shared members, Jaccard and containment of each pair, once a year.

        Example: blocs overlap-trend CSTO EURASEC SCO --from 2002 --to 2014
        """
        from ..analysis.overlap import overlap_over_time as q

        recs = _records(q(open_built(db), orgs, date_from, date_to))
        emit(recs, fmt, ["year", "a", "b", "size_a", "size_b", "shared", "jaccard",
                         "containment_a_in_b", "containment_b_in_a"],
             title="Overlap by year")

    @app.command()
    @user_errors
    def network(orgs: OrgsArg = None, on: OnOpt = "today",
                project: Annotated[str | None, typer.Option(
                    "--project", help="'states': states linked by shared organizations; "
                                      "'orgs': organizations linked by shared members.")] = None,
                all_roles: AllRolesOpt = False, fmt: FormatOpt = Format.table,
                db: DbOpt = None) -> None:
        """The state–organization network on a day, as an edge list (or a projection).

        Example: blocs network post-soviet --on 2010-04-15 --project orgs
        """
        from ..analysis.network import network_frame

        if project not in (None, "states", "orgs"):
            raise typer.BadParameter("use --project states or --project orgs")
        recs = _records(network_frame(open_built(db), orgs, on, project, all_roles))
        cols = (["state", "state_name", "org", "role", "frozen", "certain"] if not project
                else ["source", "target", "weight", "via"]
                + (["jaccard"] if project == "orgs" else []))
        emit(recs, fmt, cols, title=f"Network on {on}", empty="No memberships on that day.")

    @app.command()
    @user_errors
    def centrality(orgs: OrgsArg = None,
                   on: Annotated[str | None, typer.Option(
                       "--on", help="The day asked about (default today, unless --from).")] = None,
                   date_from: FromOpt = None, date_to: ToOpt = None,
                   side: Annotated[str, typer.Option(
                       "--side", help="states, orgs or both.")] = "states",
                   top: Annotated[int, typer.Option("--top", help="Rows per day (0: all).")] = 0,
                   all_roles: AllRolesOpt = False, fmt: FormatOpt = Format.table,
                   db: DbOpt = None) -> None:
        """Degree and betweenness centrality in the state–organization network, on a day or
        once a year between --from and --to.

        Example: blocs centrality post-soviet --from 1992 --to 2024 --top 3
        """
        from ..analysis import network as q

        store = open_built(db)
        if date_from is not None:
            df = q.centrality_over_time(store, orgs, date_from, date_to, side, all_roles)
            if top and not df.empty:
                df = df[df["rank"] <= top]
            cols, title = ["year", "rank", "id", "name", "kind", "degree",
                           "degree_centrality", "betweenness"], "Centrality by year"
        else:
            df = q.centrality(store, orgs, on or "today", side, all_roles)
            if top:
                df = df[df["rank"] <= top]
            cols, title = ["rank", "id", "name", "kind", "degree", "degree_centrality",
                           "betweenness"], f"Centrality on {on or 'today'}"
        emit(_records(df), fmt, cols, title=title, empty="No memberships on that day.")

    @app.command()
    @user_errors
    def shares(body: Annotated[str, typer.Argument(help="A body or organization with "
                                                        "commitments (EDB, ACF, CORF).")],
               on: OnOpt = "today",
               unit: Annotated[str | None, typer.Option(
                   "--unit", help="troops, USD, percent… (default: the latest "
                                  "figure's).")] = None,
               claims: Annotated[bool, typer.Option(
                   "--claims", help="List every contribution claim instead.")] = False,
               fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Each contributor's share of a body on a day, and the Herfindahl index.

        Example: blocs shares EDB --on 2023-06-01
        """
        from ..analysis import shares as q

        store = open_built(db)
        if claims:
            emit(_records(q.contributions(store, body)), fmt,
                 ["date", "subject", "subject_name", "quantity", "unit", "total",
                  "joint_with", "source", "note"], title=f"Contributions to {body}",
                 empty=f"No contributions to {body} are recorded.")
            return
        recs = _records(q.shares(store, body, on, unit))
        c = q.concentration(store, body, on, unit)
        footer = (f"Herfindahl index {c['hhi']:.3f} ({c['hhi_points']} points), as concentrated "
                  f"as {c['equivalent_contributors']:g} equal contributors; largest "
                  f"{c['largest']} with {c['largest_share']:.1%}." if c["hhi"] is not None
                  else None)
        known = ", ".join(q.bodies_with_contributions(store))
        emit(recs, fmt, ["contributor", "contributor_name", "quantity", "unit", "date",
                         "total", "share", "stated_share", "source"],
             title=f"Shares of {body} on {on}", footer=footer,
             empty=f"No contributions to {body} are recorded up to {on} (bodies with "
                   f"contributions: {known or 'none'}).")

    @app.command()
    @user_errors
    def flows(partner: Annotated[str, typer.Argument(help="A state or organization.")],
              with_: Annotated[list[str] | None, typer.Option(
                  "--with", help="Counterparts to set side by side (repeat the option).")] = None,
              flow: Annotated[str | None, typer.Option(
                  "--flow", help="trade, loan, credit, arms_sale, aid, investment…")] = None,
              unit: Annotated[str | None, typer.Option("--unit", help="e.g. USD.")] = None,
              fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """A partner's flows (trade, loans, arms…); with --with, one column per counterpart,
        one row a year.

        Example: blocs flows KAZ --with RUS --with CHN --flow trade
        """
        from ..analysis import shares as q

        store = open_built(db)
        if with_:
            df = q.flows_side_by_side(store, partner, with_, flow or "trade", unit)
            emit(_records(df), fmt, list(df.columns), title=f"{partner}: {flow or 'trade'}",
                 empty="No flows with amounts recorded.")
            return
        emit(_records(q.flows(store, partner, flow)), fmt,
             ["date", "counterpart", "counterpart_name", "direction", "flow", "amount", "unit",
              "stage", "item", "source"], title=f"Flows of {partner}",
             empty="No flows recorded.")

    @app.command()
    @user_errors
    def changes(orgs: Annotated[list[str], typer.Argument(
                    help="Organizations or a group (see `blocs groups`).")],
                date_from: FromOpt = None, date_to: ToOpt = None,
                states: Annotated[list[str] | None, typer.Option(
                    "--state", help="Only these states (repeat the option).")] = None,
                events: Annotated[bool, typer.Option(
                    "--events", help="List each event instead of counts per year.")] = False,
                by_org: Annotated[bool, typer.Option(
                    "--by-org", help="Count per year and organization.")] = False,
                fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Joins, exits, suspensions, resumptions and changes of role per year (or each
        event); exits when an organization ended are counted as dissolutions.

        Example: blocs changes CSTO --from 2002 --to 2024 --events
        """
        from ..analysis import change as q

        store = open_built(db)
        if events:
            emit(_records(q.change_events(store, orgs, date_from, date_to, states)), fmt,
                 ["date", "org", "state", "state_name", "event", "before", "after",
                  "dissolution", "sources"], title="Changes", empty="No changes.")
            return
        df = q.changes_per_year(store, orgs, date_from, date_to, states, by_org)
        emit(_records(df), fmt, list(df.columns), title="Changes per year",
             empty="No changes.")
