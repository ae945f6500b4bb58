"""Search: states and organizations by name, documents by their full text."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...search import search_documents, search_names
from ..deps import StoreDep
from ..templating import qs, render

router = APIRouter()


def marked(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet ('… the [customs] union …') as (text, is_hit) pieces to escape."""
    out, hit = [], False
    for part in snippet.replace("]", "[").split("["):
        if part:
            out.append((part, hit))
        hit = not hit
    return out


@router.get("/search")
def search(request: Request, store: StoreDep, q: str = ""):
    names = search_names(store, q)          # both answer a blank query with nothing
    hits = search_documents(store, q)
    for h in hits:
        h["pieces"] = marked(h.get("snippet") or "")
    return render(request, "search.html", {"q": q, **names, "documents": hits,
                                           "json_url": "/api/v1/search" + qs(q=q)})
