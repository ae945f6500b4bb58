"""Many organizations at once: the matrix, overlap and the state–organization network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ... import queries
from ...queries.network import network as network_query
from ..deps import OnQuery, PageDep, StoreDep, org_list, paginate
from ..errors import InvalidParameter
from . import JSON

router = APIRouter(tags=["tables"])
OrgsQuery = Annotated[list[str], Query(description="Organizations, repeated or "
                                        "comma-separated: orgs=CIS,CSTO&orgs=SCO")]


@router.get("/matrix", summary="States x organizations on a day: one record per cell")
async def matrix(store: StoreDep, orgs: OrgsQuery, page: PageDep, on: OnQuery) -> JSON:
    ids = org_list(orgs)
    if not ids:
        raise InvalidParameter("orgs: give at least one organization")
    cells = [c.to_dict() for c in queries.matrix(store, ids, on)]
    return JSON(paginate(cells, page, orgs=ids, on=on.isoformat()))


@router.get("/overlap", summary="Shared members of each pair of organizations on a day")
async def overlap(store: StoreDep, orgs: OrgsQuery, page: PageDep, on: OnQuery) -> JSON:
    ids = org_list(orgs)
    if len(ids) < 2:
        raise InvalidParameter("orgs: give at least two organizations")
    recs = [r.to_dict() for r in queries.overlap(store, ids, on)]
    return JSON(paginate(recs, page, orgs=ids, on=on.isoformat()))


@router.get("/network", summary="The state–organization graph on a day")
async def network(store: StoreDep, orgs: OrgsQuery, on: OnQuery) -> JSON:
    ids = org_list(orgs)
    if not ids:
        raise InvalidParameter("orgs: give at least one organization")
    return JSON(network_query(store, ids, on))
