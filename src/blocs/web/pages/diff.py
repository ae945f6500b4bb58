"""What changed between two days, for each organization chosen."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ... import queries
from ...dates import parse_day
from ...queries.documents import sources as source_records
from ..deps import StoreDep
from ..templating import qs, render
from . import chosen_orgs

router = APIRouter()


@router.get("/diff")
def diff(request: Request, store: StoreDep, orgs: Annotated[list[str] | None, Query()] = None,
         date_from: Annotated[str, Query(alias="from")] = "2010-01-01",
         date_to: Annotated[str, Query(alias="to")] = "today"):
    d1, d2 = parse_day(date_from, "from"), parse_day(date_to, "to")
    ids, choices = chosen_orgs(store, orgs)
    changes = [(org, queries.diff(store, org, d1, d2)) for org in ids]
    sources = source_records(store, {i for _, recs in changes for r in recs for i in r.sources})
    first = ids[0] if ids else "CSTO"
    return render(request, "diff.html", {
        "orgs": ids, "choices": choices, "d1": d1.isoformat(), "d2": d2.isoformat(),
        "changes": changes, "sources": sources,
        "json_url": f"/api/v1/organizations/{first}/diff" + qs(**{"from": d1.isoformat(),
                                                                  "to": d2.isoformat()})})
