"""The review queue: proposed claims with their passages and conflicts; decisions are
taken through the API (with the token) by the page's script."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ...review import conflicts, proposed
from ..deps import StoreDep
from ..templating import qs, render

router = APIRouter()
PER_PAGE = 25


@router.get("/review")
def review(request: Request, store: StoreDep, doc: str | None = None,
           min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
           offset: Annotated[int, Query(ge=0)] = 0):
    items = proposed(store, doc or None, min_confidence, with_conflicts=False)
    shown = items[offset:offset + PER_PAGE]
    for p in shown:
        p.conflicts = conflicts(store, p.claim)
    return render(request, "review.html", {
        "items": shown, "total": len(items), "offset": offset, "per_page": PER_PAGE,
        "doc": doc or "", "min_confidence": min_confidence,
        "writable": bool(request.app.state.settings.token),
        "json_url": "/api/v1/review" + qs(doc=doc, min_confidence=min_confidence)})
