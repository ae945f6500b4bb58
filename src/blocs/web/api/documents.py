"""Documents: the stored ones, one with its text and claims, full-text search, and
ingest by upload (a write: it needs the token)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile

from ...errors import ReadError
from ...queries.documents import document as document_query, documents as documents_query
from ...search import search_documents, search_names
from ..deps import PageDep, StoreDep, WriterDep, get_settings, paginate
from . import JSON

router = APIRouter(tags=["documents"])


@router.get("/documents", summary="Every stored document, newest first")
async def documents(store: StoreDep, page: PageDep) -> JSON:
    return JSON(paginate(documents_query(store), page))


@router.get("/documents/{doc}", summary="One document: its text and every claim's span in it")
async def document(store: StoreDep, doc: str) -> JSON:
    return JSON(document_query(store, doc))


@router.get("/search", summary="States, organizations and document texts matching words")
async def search(store: StoreDep, q: Annotated[str, Query(description="Words to look for.")],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> JSON:
    names = search_names(store, q, limit)
    return JSON({"query": q, **names, "documents": search_documents(store, q, limit)})


def safe_name(name: str | None) -> str:
    """The uploaded file's own name, without any folder part, for its origin and title."""
    base = Path((name or "").replace("\\", "/")).name.strip().lstrip(".")
    return base[:200] or "upload.txt"


@router.post("/documents", status_code=201,
             summary="Ingest an uploaded document (text, Markdown, PDF, HTML); needs the token")
def upload(store: StoreDep, request: Request, _writer: WriterDep,
           file: Annotated[UploadFile, File(description="The document file.")],
           date: Annotated[str | None, Form(description="The day it speaks from "
                                            "(YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
           title: Annotated[str | None, Form(description="Its title.")] = None,
           extract: Annotated[bool, Form(description="Propose its claims.")] = True) -> JSON:
    """Saved to a temporary folder under its own name, ingested like `blocs ingest`, then
    removed; the claims found are stored as proposed. 201 when added, 200 when the same
    file was stored before, 422 when it cannot be read."""
    from ...ingest.documents import ingest

    max_mb = get_settings(request).max_upload_mb
    name = safe_name(file.filename)
    with tempfile.TemporaryDirectory(prefix="blocs-upload-") as tmp:
        path = Path(tmp) / name
        with path.open("wb") as out:
            shutil.copyfileobj(file.file, out)
        [result] = ingest(store, [path], date=date or None, title=title or None,
                          extract=extract, max_mb=max_mb)
    if result.status == "failed":
        raise ReadError(name, (result.error or "").replace(str(path), name)
                        .removeprefix(name + ": "))
    row = {**result.row(), "path": name,
           "links": {"page": f"/documents/{result.doc}", "api": f"/api/v1/documents/{result.doc}"}}
    return JSON(row, status_code=201 if result.status == "added" else 200)
