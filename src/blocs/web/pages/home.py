"""The home page: what the base holds, and a way into every page."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...queries import organizations, states
from ...queries.documents import documents
from ...review import proposed
from ..deps import StoreDep
from ..templating import render

router = APIRouter()


@router.get("/")
def home(request: Request, store: StoreDep):
    orgs = [o for o in organizations(store) if o["states_ever"]]
    docs = documents(store)
    return render(request, "home.html", {
        "orgs": orgs, "n_states": sum(1 for s in states(store) if s["organizations_ever"]),
        "n_documents": len(docs), "n_proposed": len(proposed(store, with_conflicts=False)),
        "json_url": "/api/v1/organizations"})
