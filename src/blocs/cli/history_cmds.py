"""timeline, diff, why: how memberships changed, and on whose word."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, OnOpt, open_built, user_errors
from .render import Format, emit, emit_object


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def timeline(org: Annotated[str, typer.Argument(help="Organization id or name.")],
                 state: Annotated[str | None, typer.Option(help="Only this state.")] = None,
                 fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Every spell of every state in an organization, from every source.

        Example: blocs timeline CSTO
        """
        from ..queries import timeline as q

        recs = [r.to_dict() for r in q(open_built(db), org, state)]
        emit(recs, fmt, ["state", "state_name", "role", "frozen", "start", "end", "end_kind",
                         "voice", "preferred", "sources"], title=f"{org}: timeline")

    @app.command()
    @user_errors
    def diff(org: Annotated[str, typer.Argument(help="Organization id or name.")],
             date_from: Annotated[str, typer.Option("--from", help="First day (YYYY-MM-DD).")],
             date_to: Annotated[str, typer.Option("--to", help="Second day (YYYY-MM-DD).")],
             fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Who joined, left or changed role between two days.

        Example: blocs diff SCO --from 2016-01-01 --to 2024-12-31
        """
        from ..queries import diff as q

        recs = [r.to_dict() for r in q(open_built(db), org, date_from, date_to)]
        emit(recs, fmt, ["state", "state_name", "change", "before", "after", "date", "sources"],
             title=f"{org}: {date_from} → {date_to}", empty="No changes.")

    @app.command()
    @user_errors
    def why(state: Annotated[str, typer.Argument(help="State (ISO3 id or name).")],
            org: Annotated[str, typer.Argument(help="Organization id or name.")],
            on: OnOpt = "today", fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """The answer for one state in one organization on a day, and every claim behind it.

        Example: blocs why UZB CSTO --on 2008-01-01
        """
        from ..queries import why as q

        emit_object(q(open_built(db), state, org, on), fmt, _why_table)


def _why_table(w: dict, fmt: Format) -> None:
    role = w["role"] or "not a member"
    if w["frozen"]:
        role += " (frozen)"
    head = (f"{w['state_name']} ({w['state']}) in {w['org_name']} ({w['org']}) on {w['on']}: "
            f"{role}" + ("" if w["certain"] else " — uncertain: the day falls inside an "
                         "imprecise date") + (f", since {w['since']}" if w["since"] else "")
            + (f", until {w['until']}" if w["until"] else "")
            + f" [{w['voice'] or 'no source'}]")
    if w["disputed"]:
        head += "\nSources disagree: " + "; ".join(
            f"{v['voice']} says {v['role'] or 'not a member'}" for v in w["voices"])
    if fmt == Format.table:
        from .render import console_for_output

        console_for_output().print(head, markup=False)
    voices = [{**v, "role": v["role"] or "not a member"} for v in w["voices"]]
    emit(voices, fmt, ["voice", "precedence", "role", "certain", "since", "sources"],
         title="What each source says on that day")
    claims = [{"date": c["date"] or (f"as of {c['stated_as_of']}" if c["stated_as_of"] else ""),
               "event": c["event"], "role": c["role"],
               "behind": "yes" if c["behind_answer"] else ("alternative" if c["alternative"] else ""),
               "source": c["source"]["title"] + (f" <{c['source']['url']}>" if c["source"]["url"] else ""),
               "says": c["quote"] or c["note"] or ""} for c in w["claims"]]
    emit(claims, fmt, ["date", "event", "role", "behind", "source", "says"],
         title="Claims", empty="No claims about this pair.")
