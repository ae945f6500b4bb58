"""The network: states and organizations on a day, drawn by a small force layout."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ...dates import parse_day
from ...queries.network import network as network_query
from ..deps import StoreDep
from ..templating import qs, render
from . import chosen_orgs

router = APIRouter()


@router.get("/network")
def network(request: Request, store: StoreDep,
            orgs: Annotated[list[str] | None, Query()] = None, on: str = "today"):
    day = parse_day(on, "on")
    ids, choices = chosen_orgs(store, orgs)
    graph = network_query(store, ids, day)
    return render(request, "network.html", {
        "day": day.isoformat(), "orgs": ids, "choices": choices, "graph": graph,
        "overlaps": sorted(graph["overlaps"], key=lambda o: -o["shared"]),
        "json_url": "/api/v1/network" + qs(orgs=",".join(ids), on=day.isoformat())})
