"""Stored documents and the claims that point into them: what a reader needs to see the
passage behind a fact (the web's document page, the API's document records).

Offsets never move: a claim's span is `text[start:end]` of the stored original text, so
the passage shown is exactly what the claim quotes.
"""

from __future__ import annotations

import json
import os
from typing import Any

from sqlalchemy import func, select

from ..errors import UnknownId
from ..store import Store, schema
from ..suggest import closest

# the fields that say what a claim states, in the order a summary shows them
_WHAT = ("role", "event", "relation", "domain", "action", "event_type", "flow", "unit")


def documents(store: Store) -> list[dict[str, Any]]:
    """Every stored document (ingested or cited by the reference data), newest first,
    with its length and how many of its claims are proposed, accepted and rejected."""
    d, s, c = schema.documents.c, schema.sources.c, schema.claims.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(d.id, s.title, s.publisher, s.date, s.stated_as_of, s.origin,
                                   func.length(d.text).label("chars"))
                            .join(schema.sources, s.id == d.source_id)).all()
        counts: dict[str, dict[str, int]] = {}
        for sid, status, n in conn.execute(select(c.source_id, c.status, func.count())
                                           .where(c.source_id.in_([r.id for r in rows]))
                                           .group_by(c.source_id, c.status)):
            counts.setdefault(sid, {})[status] = n
    out = [{"id": r.id, "title": r.title, "publisher": r.publisher, "date": r.date,
            "stated_as_of": r.stated_as_of, "origin": r.origin, "characters": r.chars,
            "claims": {k: counts.get(r.id, {}).get(k, 0)
                       for k in ("proposed", "accepted", "rejected")}} for r in rows]
    return sorted(out, key=lambda r: (r["date"] or "", r["id"]), reverse=True)


def resolve_doc(store: Store, value: str) -> str:
    """A document's id from its id, a prefix of its sha256 (6+ characters), or its file name."""
    s = schema.sources.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.id, s.origin, s.title).where(s.kind == "document")).all()
    for r in rows:
        if r.id == value:
            return r.id
    hits = [r.id for r in rows if len(value) >= 6 and r.id.startswith(value)]
    hits += [r.id for r in rows if r.origin and os.path.splitext(
        r.origin.split("|")[-1].split(":")[-1])[0] == value]
    if len(set(hits)) == 1:
        return hits[0]
    raise UnknownId("document", value, closest(value, [r.id for r in rows]))


def document(store: Store, ident: str) -> dict[str, Any]:
    """One document: its source record, its stored text and every claim with a span in it
    (all statuses), in text order. `ident` is an id, a sha256 prefix or a file name."""
    doc_id = resolve_doc(store, ident)
    d, s, c = schema.documents.c, schema.sources.c, schema.claims.c
    with store.engine.connect() as conn:
        row = conn.execute(select(d.id, d.text, s.title, s.publisher, s.author, s.date,
                                  s.stated_as_of, s.url, s.origin, s.sha256)
                           .join(schema.sources, s.id == d.source_id)
                           .where(d.id == doc_id)).first()
        if row is None:     # a source of kind document whose text is not on disk
            raise UnknownId("stored document text", ident)
        claims = conn.execute(select(c.id, c.kind, c.status, c.alternative, c.span_start,
                                     c.span_end, c.data)
                              .where(c.source_id == doc_id, c.span_start.is_not(None))
                              .order_by(c.span_start, c.span_end, c.id)).all()
    return {"id": row.id, "title": row.title, "publisher": row.publisher, "author": row.author,
            "date": row.date, "stated_as_of": row.stated_as_of, "url": row.url,
            "origin": row.origin, "sha256": row.sha256, "text": row.text,
            "claims": [_claim_record(r) for r in claims]}


def _claim_record(r: Any) -> dict[str, Any]:
    data = json.loads(r.data)
    return {"id": r.id, "kind": r.kind, "status": r.status, "alternative": bool(r.alternative),
            "span": [r.span_start, r.span_end], "subject": data.get("subject"),
            "object": data.get("object"), "summary": summary(data),
            "confidence": data.get("confidence"), "quote": data.get("quote")}


def summary(c: dict[str, Any]) -> str:
    """A claim in a few words: `membership UZB join (member) CSTO (2006-06-23)`."""
    what = next((str(c[k]) for k in _WHAT if c.get(k)), "")
    if c.get("kind") == "membership":
        what = f"{c.get('event')} ({c.get('role')})"
    bits = [c.get("kind") or "", c.get("subject") or "", what, c.get("object") or ""]
    for k in ("quantity", "amount"):
        if k in c:
            bits.append(f"{k}={c[k]}")
    if c.get("date"):
        q = c.get("date_qualifier")
        bits.append(f"({q + ' ' if q else ''}{c['date']})")
    return " ".join(str(b) for b in bits if b)


def claims_between(store: Store, doc: str, subject: str | None = None,
                   obj: str | None = None) -> list[str]:
    """Ids of a document's claims about a subject and/or object: a fact shown elsewhere
    (a member, a spell) names its source and pair, and this finds the passage."""
    c = schema.claims.c
    q = select(c.id).where(c.source_id == doc, c.span_start.is_not(None))
    if subject:
        q = q.where(c.subject == subject)
    if obj:
        q = q.where(c.object == obj)
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(q.order_by(c.span_start))]


def sources(store: Store, ids: set[str] | list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Source records by id (all when `ids` is None); `document` says whether its text is
    stored, so a face can link to the passage instead of the web page."""
    s, d = schema.sources.c, schema.documents.c
    q = (select(s.id, s.kind, s.dataset, s.title, s.publisher, s.date, s.url, s.stated_as_of,
                d.id.label("doc"))
         .select_from(schema.sources.outerjoin(schema.documents, d.source_id == s.id)))
    if ids is not None:
        if not ids:
            return {}
        q = q.where(s.id.in_(sorted(set(ids))))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    return {r.id: {"id": r.id, "kind": r.kind, "voice": r.dataset, "title": r.title,
                   "publisher": r.publisher, "date": r.date, "url": r.url,
                   "stated_as_of": r.stated_as_of, "document": r.doc is not None} for r in rows}
