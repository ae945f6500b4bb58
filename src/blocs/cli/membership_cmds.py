"""members, memberships, matrix, overlap: who belonged to what on a day."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, OnOpt, open_built, user_errors
from .render import Format, emit

_MEMBER_COLS = ["state", "state_name", "role", "since", "until", "certain", "sources", "conflicts"]


def _rows(records) -> list[dict]:
    out = []
    for r in records:
        d = r.to_dict()
        if d.get("frozen") and d.get("role"):
            d["role"] = f"{d['role']} (frozen)"
        if d.get("role") is None:
            d["role"] = "— (disputed)"
        out.append(d)
    return out


def _footer(records) -> str | None:
    n = sum(1 for r in records if r.conflicts)
    u = sum(1 for r in records if not r.certain)
    bits = []
    if u:
        bits.append(f"{u} uncertain (the day falls inside an imprecise date)")
    if n:
        bits.append(f"{n} disputed by another source (see `blocs why`)")
    return "; ".join(bits) or None


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def members(org: Annotated[str, typer.Argument(help="Organization id or name.")],
                on: OnOpt = "today", fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Who held a role in an organization on a day, since when, on whose word.

        Example: blocs members CSTO --on 2010-04-15
        """
        from ..queries import members as q

        recs = q(open_built(db), org, on)
        if fmt == Format.json:
            emit([r.to_dict() for r in recs], fmt)
        else:
            emit(_rows(recs), fmt, _MEMBER_COLS, title=f"{org} on {on}",
                 footer=_footer(recs))

    @app.command()
    @user_errors
    def memberships(state: Annotated[str, typer.Argument(help="State (ISO3 id or name).")],
                    on: OnOpt = "today", fmt: FormatOpt = Format.table,
                    db: DbOpt = None) -> None:
        """Every organization a state held a role in on a day.

        Example: blocs memberships UZB --on 2013-01-01
        """
        from ..queries import memberships as q

        recs = q(open_built(db), state, on)
        cols = ["org", "org_name", "role", "since", "until", "certain", "sources", "conflicts"]
        if fmt == Format.json:
            emit([r.to_dict() for r in recs], fmt)
        else:
            emit(_rows(recs), fmt, cols, title=f"{state} on {on}", footer=_footer(recs))

    @app.command()
    @user_errors
    def matrix(orgs: Annotated[list[str], typer.Argument(help="Organizations (columns).")],
               on: OnOpt = "today", fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """States x organizations on a day; a cell is the role ('?' uncertain, '*' disputed).

        Example: blocs matrix CIS CSTO EURASEC SCO --on 2010-04-15
        """
        from ..queries import cell_label, matrix as q

        cells = q(open_built(db), orgs, on)
        if fmt == Format.json:
            emit([c.to_dict() for c in cells], fmt)
            return
        cols = list(dict.fromkeys(c.org for c in cells)) or [o.upper() for o in orgs]
        rows: dict[str, dict] = {}
        for c in cells:
            rows.setdefault(c.state, {"state": c.state, "state_name": c.state_name})
            rows[c.state][c.org] = cell_label(c)
        emit(list(rows.values()), fmt, ["state", "state_name", *cols],
             title=f"Memberships on {on}", footer=_footer(cells))

    @app.command()
    @user_errors
    def overlap(orgs: Annotated[list[str], typer.Argument(help="Two or more organizations.")],
                on: OnOpt = "today", fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Shared members of each pair of organizations on a day, with Jaccard and containment.

        Example: blocs overlap CSTO EURASEC SCO --on 2010-04-15
        """
        from ..queries import overlap as q

        if len(orgs) < 2:
            raise typer.BadParameter("give at least two organizations")
        recs = [r.to_dict() for r in q(open_built(db), orgs, on)]
        emit(recs, fmt, ["a", "b", "size_a", "size_b", "shared", "jaccard",
                         "containment_a_in_b", "containment_b_in_a", "shared_states"],
             title=f"Overlap on {on}")
