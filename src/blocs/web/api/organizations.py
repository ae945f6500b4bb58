"""Organizations: the catalogue, one organization, its members, timeline and changes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ... import queries
from ...dates import parse_day
from ..deps import OnQuery, PageDep, StoreDep, paginate, show_one
from . import JSON

router = APIRouter(prefix="/organizations", tags=["organizations"])


@router.get("", summary="Every organization, body and treaty the base knows")
async def organizations(store: StoreDep, page: PageDep) -> JSON:
    return JSON(paginate(queries.organizations(store), page))


@router.get("/{org}", summary="Everything known about one organization (as `blocs show`)")
async def organization(store: StoreDep, org: str) -> JSON:
    info = show_one(store, org, "organization")
    return JSON(info)


@router.get("/{org}/members", summary="Who held a role on a day (as `blocs members`)")
async def members(store: StoreDep, org: str, page: PageDep, on: OnQuery) -> JSON:
    recs = [m.to_dict() for m in queries.members(store, org, on)]
    return JSON(paginate(recs, page, org=org, on=on.isoformat()))


@router.get("/{org}/timeline", summary="Every spell of every state, from every source")
async def timeline(store: StoreDep, org: str, page: PageDep,
             state: Annotated[str | None, Query(description="Only this state.")] = None) -> JSON:
    recs = [r.to_dict() for r in queries.timeline(store, org, state)]
    return JSON(paginate(recs, page, org=org))


@router.get("/{org}/diff", summary="Who joined, left or changed role between two days")
async def diff(store: StoreDep, org: str, page: PageDep,
         date_from: Annotated[str, Query(alias="from", description="First day.")],
         date_to: Annotated[str, Query(alias="to", description="Second day.")]) -> JSON:
    d1, d2 = parse_day(date_from, "from"), parse_day(date_to, "to")
    recs = [c.to_dict() for c in queries.diff(store, org, d1, d2)]
    return JSON(paginate(recs, page, org=org, **{"from": d1.isoformat(), "to": d2.isoformat()}))
