"""The matrix: states x organizations on a day, with a slider through time."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from ... import queries
from ...dates import parse_day
from ..deps import StoreDep
from ..templating import qs, render
from . import chosen_orgs

router = APIRouter()
FIRST_YEAR = 1990


@router.get("/matrix")
def matrix(request: Request, store: StoreDep, orgs: Annotated[list[str] | None, Query()] = None,
           on: str = "today", all_rows: Annotated[bool, Query(alias="all")] = False):
    day = parse_day(on, "on")
    ids, choices = chosen_orgs(store, orgs)
    cells = queries.matrix(store, ids, day)
    # rows: every state ever in these organizations, so rows stay put as the date moves
    names: dict[str, str] = {}
    for org in ids:
        for s in queries.timeline(store, org):
            names.setdefault(s.state, s.state_name)
    for c in cells:
        names.setdefault(c.state, c.state_name)
    grid = {(c.state, c.org): c for c in cells}
    today = date.today()
    months = (today.year - FIRST_YEAR) * 12 + today.month - 1
    return render(request, "matrix.html", {
        "day": day.isoformat(), "orgs": ids, "choices": choices,
        "rows": sorted(names.items(), key=lambda kv: kv[1]), "grid": grid,
        "first_year": FIRST_YEAR, "months": months, "all_rows": all_rows,
        "filled": {c.state for c in cells if c.role is not None or c.conflicts},
        "month": min(max((day.year - FIRST_YEAR) * 12 + day.month - 1, 0), months),
        "json_url": "/api/v1/matrix" + qs(orgs=",".join(ids), on=day.isoformat())})
