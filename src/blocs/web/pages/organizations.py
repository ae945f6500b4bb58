"""Organizations: the list, and one organization's whole story with its sources."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ... import queries
from ...dates import parse_day
from ...queries.documents import sources as source_records
from ..charts import gantt, share_bars
from ..deps import StoreDep, show_one
from ..templating import render

router = APIRouter()


@router.get("/organizations")
def organizations(request: Request, store: StoreDep):
    return render(request, "organizations.html", {
        "orgs": queries.organizations(store), "json_url": "/api/v1/organizations"})


@router.get("/organizations/{org}")
def organization(request: Request, store: StoreDep, org: str, on: str = "today"):
    day = parse_day(on, "on")
    info = show_one(store, org, "organization")
    oid = info["id"]
    members = queries.members(store, oid, day)
    spells = [s.to_dict() for s in queries.timeline(store, oid)]
    facts = [c for k in ("founding", "succession", "functions", "contributions", "agreements")
             for c in info[k]]
    ids = ({c["source"]["id"] for c in facts} | {i for m in members for i in m.sources}
           | {i for s in spells for i in s["sources"]})
    sources = source_records(store, ids)
    return render(request, "organization.html", {
        "org": info, "day": day.isoformat(), "members": members, "sources": sources,
        "gantt": gantt(spells, "state", sources, lambda k: f"/states/{k}"),
        "charts": share_bars(info["contributions"], sources),
        "json_url": f"/api/v1/organizations/{oid}"})
