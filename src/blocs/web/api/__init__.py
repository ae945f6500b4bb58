"""The JSON API, /api/v1/...: every query the CLI has, the same record shapes as the
CLI's JSON, lists paginated (`limit`, `offset`, `total`), one error shape.

Reads are `async def` and call the library directly: a query takes a millisecond or two
of CPU, less than a hop through the thread pool costs. Writes (review, upload) stay plain
`def`, run in the thread pool, since they can take seconds."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse


class JSON(JSONResponse):
    """Plain json.dumps (no per-field encoder pass: the records are plain already)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          default=str).encode("utf-8")


def router() -> APIRouter:
    from . import documents, meta, organizations, review, states, tables

    api = APIRouter(prefix="/api/v1", default_response_class=JSON)
    for module in (meta, organizations, states, tables, documents, review):
        api.include_router(module.router)
    return api
