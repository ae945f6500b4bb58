"""Documents: the list (with an upload form), and one document's text with every
claim's span highlighted; a fact elsewhere links here, scrolled to its span."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...queries.documents import claims_between, document as document_query, documents as docs
from ..deps import StoreDep
from ..highlight import segments
from ..templating import render

router = APIRouter()


@router.get("/documents")
def documents(request: Request, store: StoreDep):
    return render(request, "documents.html", {
        "documents": docs(store), "max_mb": request.app.state.settings.max_upload_mb,
        "writable": bool(request.app.state.settings.token), "json_url": "/api/v1/documents"})


@router.get("/documents/{doc}")
def document(request: Request, store: StoreDep, doc: str, claim: str | None = None,
             subject: str | None = None, object: str | None = None):
    d = document_query(store, doc)
    focus = set()
    if claim:
        focus.add(claim)
    if subject or object:
        focus |= set(claims_between(store, d["id"], subject, object))
    return render(request, "document.html", {
        "doc": d, "segments": segments(d["text"], d["claims"], focus), "focus": focus,
        "json_url": f"/api/v1/documents/{d['id']}"})
