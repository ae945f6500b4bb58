"""States: the catalogue, one state, its memberships on a day and over time, why."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ... import queries
from ...queries.state_history import state_timeline
from ..deps import OnQuery, PageDep, StoreDep, paginate, show_one
from . import JSON

router = APIRouter(tags=["states"])


@router.get("/states", summary="The states the base knows (as `blocs states`)")
async def states(store: StoreDep, page: PageDep,
           all_states: Annotated[bool, Query(alias="all", description="Include states with "
                                             "no memberships in the base.")] = False) -> JSON:
    return JSON(paginate(queries.states(store, with_memberships_only=not all_states), page))


@router.get("/states/{state}", summary="Everything known about one state")
async def state(store: StoreDep, state: str) -> JSON:
    info = show_one(store, state, "state")
    return JSON(info)


@router.get("/states/{state}/memberships", summary="Every organization a state was in on a day")
async def memberships(store: StoreDep, state: str, page: PageDep, on: OnQuery) -> JSON:
    recs = [m.to_dict() for m in queries.memberships(store, state, on)]
    return JSON(paginate(recs, page, state=state, on=on.isoformat()))


@router.get("/states/{state}/timeline", summary="Every spell of a state in every organization")
async def timeline(store: StoreDep, state: str, page: PageDep) -> JSON:
    recs = [r.to_dict() for r in state_timeline(store, state)]
    return JSON(paginate(recs, page, state=state))


@router.get("/why/{state}/{org}", summary="One answer, every voice, every claim behind it")
async def why(store: StoreDep, state: str, org: str, on: OnQuery) -> JSON:
    return JSON(queries.why(store, state, org, on))
