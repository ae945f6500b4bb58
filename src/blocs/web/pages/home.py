"""The home page: what the base holds, and a way into every page."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...queries import states
from ...queries.documents import documents
from ..deps import StoreDep
from ..templating import render
from . import org_choices

router = APIRouter()


@router.get("/")
def home(request: Request, store: StoreDep):
    docs = documents(store)
    # counted from the per-document counts: proposed() would load every claim and text
    return render(request, "home.html", {
        "orgs": org_choices(store),
        "n_states": len(states(store, with_memberships_only=True)),
        "n_documents": len(docs), "n_proposed": sum(d["claims"]["proposed"] for d in docs),
        "json_url": "/api/v1/organizations"})
