"""Review: a person accepts, rejects or edits proposed claims; accepted claims become
facts (the derived spells are recomputed). Every decision is kept, append-only: the claim
as it was, the edit, who decided and when. An edit never overwrites: the original is
marked rejected and the edited claim is a new claim that points back to it.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, update

from .claims import Claim, validate
from .errors import BlocsError, UnknownId
from .queries.documents import resolve_doc
from .store import Store, schema


class ReviewError(BlocsError):
    """A decision that cannot be taken (a claim already decided, an edit that breaks it)."""

    exit_code = 2
    http_status = 409


@dataclass
class Proposed:
    claim: Claim
    id: str
    doc: str
    doc_title: str | None
    context: tuple[str, int, int] | None     # (passage, start, end of the span within it)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "claim": dict(self.claim.data), "doc": self.doc,
                "doc_title": self.doc_title, "conflicts": self.conflicts,
                "passage": self.context[0] if self.context else None,
                "span_in_passage": list(self.context[1:]) if self.context else None}


def reviewer_name() -> str:
    return os.environ.get("BLOCS_REVIEWER") or getpass.getuser()


def _passage(text: str | None, start: int, end: int, margin: int = 240) -> tuple[str, int, int] | None:
    if text is None:
        return None
    a = max(0, text.rfind("\n\n", 0, max(0, start - margin)) + 1, start - margin)
    b = min(len(text), end + margin)
    return text[a:b], start - a, end - a


def proposed(store: Store, doc: str | None = None, min_confidence: float | None = None,
             with_conflicts: bool = True, limit: int | None = None) -> list[Proposed]:
    """Claims waiting for review, highest confidence first, each with its passage."""
    c, src, d = schema.claims.c, schema.sources.c, schema.documents.c
    q = (select(c.id, c.data, c.source_id, src.title)
         .join(schema.sources, src.id == c.source_id).where(c.status == "proposed"))
    if doc:
        q = q.where(c.source_id == resolve_doc(store, doc))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        texts = dict(conn.execute(select(d.id, d.text).where(
            d.id.in_({r.source_id for r in rows}))).all()) if rows else {}
    out = []
    for r in rows:
        claim = Claim(json.loads(r.data))
        conf = claim.get("confidence")
        if min_confidence is not None and (conf is None or conf < min_confidence):
            continue
        span = claim.span
        ctx = _passage(texts.get(r.source_id), *span) if span else None
        out.append(Proposed(claim, r.id, r.source_id, r.title, ctx))
    out.sort(key=lambda p: (-(p.claim.get("confidence") or 0), p.doc,
                            (p.claim.span or (0, 0))[0]))
    if limit:
        out = out[:limit]
    if with_conflicts:
        for p in out:
            p.conflicts = conflicts(store, p.claim)
    return out


def conflicts(store: Store, claim: Claim) -> list[dict[str, Any]]:
    """What the base says about the same state and organization, where it differs."""
    if claim.kind != "membership":
        return []
    from .queries import why
    from .vocab import role_class

    when = claim.date.hi.isoformat() if claim.date else claim.stated_as_of
    if not when:
        return []
    try:
        w = why(store, claim.subject, claim.object, when)
    except BlocsError:
        return []
    said = None if claim.get("event") == "leave" else (
        "suspended" if claim.get("event") == "suspend" else claim.get("role"))
    return [{"voice": v["voice"], "role": v["role"], "on": when, "sources": v["sources"]}
            for v in w["voices"] if role_class(v["role"]) != role_class(said)]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def decide(store: Store, claim_id: str, decision: str, reviewer: str | None = None,
           edits: dict[str, Any] | None = None, note: str | None = None,
           rederive: bool = True) -> str:
    """Accept, reject or edit one proposed claim; returns the id of the claim that now
    stands (the edited one for an edit). One transaction; the spells of the claim's
    pair (and of the edit's) recomputed."""
    from .reference.build import claim_row, rederive as derive

    if decision not in ("accepted", "rejected", "edited"):
        raise ReviewError(f"unknown decision {decision!r}: accepted, rejected or edited")
    c = schema.claims.c
    with store.engine.begin() as conn:
        row = conn.execute(select(c.id, c.data, c.status, c.origin).where(c.id == claim_id)).first()
        if row is None:
            raise UnknownId("claim", claim_id)
        if row.status != "proposed":
            raise ReviewError(f"claim {claim_id} is already {row.status}")
        before = json.loads(row.data)
        changed = [before]
        new_id = None
        if decision == "edited":
            if not edits:
                raise ReviewError("an edit needs at least one changed field")
            data = {**before, **{k: v for k, v in edits.items() if v is not None}}
            for k in [k for k, v in edits.items() if v is None]:
                data.pop(k, None)
            data["status"] = "accepted"
            data["edited_from"] = claim_id
            edited = validate(data, f"edit of {claim_id}")
            if conn.execute(select(c.id).where(c.id == edited.id)).first():
                raise ReviewError(f"the edited claim already exists ({edited.id})")
            conn.execute(schema.claims.insert().values(**claim_row(edited, row.origin, "accepted")))
            new_id = edited.id
            changed.append(dict(edited.data))
            status = "rejected"
        else:
            status = decision
        conn.execute(update(schema.claims).where(c.id == claim_id).values(
            status=status, data=json.dumps({**before, "status": status}, ensure_ascii=False)))
        conn.execute(schema.reviews.insert().values(
            claim_id=claim_id, decision=decision, reviewer=reviewer or reviewer_name(),
            at=_now(), before=row.data, after=json.dumps(edits) if edits else None,
            new_claim_id=new_id, note=note))
        if rederive:
            derive(conn, _pairs(changed))
    return new_id or claim_id


def _pairs(claims: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The (state, organization) pairs whose spells these claims may change."""
    return [(c["subject"], c["object"]) for c in claims if c.get("kind") == "membership"]


def accept_batch(store: Store, doc: str | None = None, min_confidence: float = 0.0,
                 dry_run: bool = False, reviewer: str | None = None) -> list[Proposed]:
    """Accept every proposed claim (of a document) at or above a confidence, in one
    transaction; with `dry_run`, only list them."""
    from .reference.build import rederive as derive

    todo = proposed(store, doc, min_confidence, with_conflicts=False)
    if dry_run or not todo:
        return todo
    who = reviewer or reviewer_name()
    c = schema.claims.c
    with store.engine.begin() as conn:
        for p in todo:
            conn.execute(update(schema.claims).where(c.id == p.id).values(
                status="accepted",
                data=json.dumps({**p.claim.data, "status": "accepted"}, ensure_ascii=False)))
            conn.execute(schema.reviews.insert().values(
                claim_id=p.id, decision="accepted", reviewer=who, at=_now(),
                before=p.claim.to_json(), note=f"batch: confidence >= {min_confidence}"))
        derive(conn, _pairs([p.claim.data for p in todo]))
    return todo


def history(store: Store, claim_id: str) -> list[dict[str, Any]]:
    r = schema.reviews.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.reviews).where(r.claim_id == claim_id)
                            .order_by(r.id)).all()
    return [dict(x._mapping) for x in rows]
