"""Review through the API: the queue (read) and decisions (writes: they need the token)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ...review import accept_batch, conflicts, decide, history, proposed
from ..deps import PageDep, StoreDep, WriterDep, paginate
from . import JSON

router = APIRouter(prefix="/review", tags=["review"])


class Decision(BaseModel):
    decision: Literal["accepted", "rejected", "edited"]
    edits: dict[str, Any] | None = Field(None, description="For an edit: the fields that "
                                         "change (null removes one).")
    note: str | None = None
    reviewer: str | None = Field(None, description="Who decides (default: 'web').")


class Batch(BaseModel):
    doc: str | None = Field(None, description="Only this document (id, sha256 prefix, name).")
    min_confidence: float = Field(0.9, ge=0, le=1)
    dry_run: bool = False
    reviewer: str | None = None


@router.get("", summary="Proposed claims, highest confidence first, with passage and conflicts")
async def queue(store: StoreDep, page: PageDep,
          doc: Annotated[str | None, Query(description="Only this document.")] = None,
          min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None) -> JSON:
    items = proposed(store, doc, min_confidence, with_conflicts=False)
    out = paginate(items, page)
    for p in out["items"]:             # conflicts only for the page asked for
        p.conflicts = conflicts(store, p.claim)
    out["items"] = [p.to_dict() for p in out["items"]]
    return JSON(out)


@router.get("/{claim_id}/history", summary="Every decision taken on a claim")
async def claim_history(store: StoreDep, claim_id: str) -> JSON:
    return JSON(history(store, claim_id))


@router.post("/accept", summary="Accept proposed claims in a batch (dry run to look first)")
def batch(store: StoreDep, body: Batch, writer: WriterDep) -> JSON:
    done = accept_batch(store, body.doc, body.min_confidence, body.dry_run,
                        reviewer=body.reviewer or writer)
    return JSON({"dry_run": body.dry_run, "total": len(done),
                 "items": [p.to_dict() for p in done]})


@router.post("/{claim_id}", summary="Accept, reject or edit one proposed claim")
def decide_one(store: StoreDep, claim_id: str, body: Decision, writer: WriterDep) -> JSON:
    stands = decide(store, claim_id, body.decision, reviewer=body.reviewer or writer,
                    edits=body.edits, note=body.note)
    return JSON({"claim": claim_id, "decision": body.decision, "stands": stands})
