"""States: the list, and one state's memberships on a day and over time."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ... import queries
from ...dates import parse_day
from ...queries.documents import sources as source_records
from ...queries.state_history import state_timeline
from ..charts import gantt
from ..deps import StoreDep, show_one
from ..templating import render

router = APIRouter()


@router.get("/states")
def states(request: Request, store: StoreDep, all: bool = False):
    recs = queries.states(store, with_memberships_only=not all)
    return render(request, "states.html", {"states": recs, "all": all,
                                           "json_url": "/api/v1/states"})


@router.get("/states/{state}")
def state(request: Request, store: StoreDep, state: str, on: str = "today"):
    day = parse_day(on, "on")
    info = show_one(store, state, "state")
    sid = info["id"]
    held = queries.memberships(store, sid, day)
    spells = [s.to_dict() for s in state_timeline(store, sid)]
    facts = info["agreements"] + info["contributions"]
    ids = ({c["source"]["id"] for c in facts} | {i for m in held for i in m.sources}
           | {i for s in spells for i in s["sources"]})
    sources = source_records(store, ids)
    return render(request, "state.html", {
        "state": info, "day": day.isoformat(), "held": held, "sources": sources,
        "facts": facts,
        "gantt": gantt(spells, "org", sources, lambda k: f"/organizations/{k}"),
        "json_url": f"/api/v1/states/{sid}"})


@router.get("/why/{state}/{org}")
def why(request: Request, store: StoreDep, state: str, org: str, on: str = "today"):
    w = queries.why(store, state, org, on)
    sources = source_records(store, {c["source"]["id"] for c in w["claims"]}
                             | {i for v in w["voices"] for i in v["sources"]})
    return render(request, "why.html", {"w": w, "sources": sources,
                                        "json_url": f"/api/v1/why/{w['state']}/{w['org']}"
                                                    f"?on={w['on']}"})
