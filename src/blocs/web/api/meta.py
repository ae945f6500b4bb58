"""Health and vocabularies: what a client checks first."""

from __future__ import annotations

from fastapi import APIRouter

from ...vocab import roles
from . import JSON

router = APIRouter(tags=["meta"])


@router.get("/health", summary="The server is up (the load benchmark's baseline)")
async def health() -> JSON:
    return JSON({"status": "ok"})


@router.get("/roles", summary="The roles a state can hold, in display order")
async def role_list() -> JSON:
    return JSON([{"id": r.id, "label": r.label, "class": r.role_class,
                  "counts_as_member": r.counts_as_member} for r in roles().values()])
