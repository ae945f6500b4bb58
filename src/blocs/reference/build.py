"""`blocs build`: load the shipped reference data into the store, in one transaction.

Everything is read and checked first (YAML, ids, dates, contradictions in the reference
timelines); only then is the store touched, so a bad data file leaves it as it was.
Claims that came from elsewhere (ingested documents, imports) are kept; the derived
`spells` are recomputed from all accepted claims.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.engine import Connection

from .. import vocab
from ..claims import Claim
from ..dates import next_day
from ..errors import DataError
from ..sources import COMPLETE_KINDS
from ..store import Store, dialect, get_meta, schema, set_meta
from ..suggest import closest
from ..timeline import MembershipClaim, derive
from . import loader
from .fingerprint import data_hash

REFERENCE_ORIGIN = "reference:"


def _id_checker(state_ids: set[str], org_ids: set[str]):
    expects = {
        "membership.subject": "state", "membership.object": "org",
        "founding.subject": "org", "founding.founders": "state", "founding.basis": "org",
        "succession.subject": "org", "succession.object": "org",
        "agreement.subject": "state", "agreement.object": "org",
        "function.subject": "org", "contribution.object": "org",
    }

    def known(where: str, value: str) -> str | None:
        want = expects.get(where, "any")
        ok = {"state": value in state_ids, "org": value in org_ids,
              "any": value in state_ids or value in org_ids}[want]
        if ok:
            return None
        pool = {"state": state_ids, "org": org_ids, "any": state_ids | org_ids}[want]
        hint = closest(value, pool)
        name = {"state": "state", "org": "organization", "any": "state or organization"}[want]
        return f"unknown {name} {value!r}" + (f" (did you mean {', '.join(hint)}?)" if hint else "")

    return known


def load_reference(root: Path | None = None):
    """Read and check the reference data; returns what the store will hold."""
    from ..states import load_states

    states = load_states()
    orgs = vocab.organizations()
    loaded = loader.load(root, known=_id_checker({s.id for s in states}, set(orgs)))
    seen: dict[str, str] = {}
    for claim, origin in loaded.claims:
        if claim.id in seen:
            file, _, line = origin.rpartition(":")
            raise DataError(file, int(line), None,
                            f"the same claim is already stated at {seen[claim.id]}")
        seen[claim.id] = origin
    by_id = {s.id: s for s in loaded.sources}
    # the reference timelines must make sense on their own: check before writing
    derive(_membership_claims(loaded.claims, by_id))
    return states, orgs, loaded


def _membership_claims(claims: list[tuple[Claim, str]], sources: dict) -> list[MembershipClaim]:
    out = []
    for claim, origin in claims:
        if claim.kind != "membership":
            continue
        s = sources[claim.doc]
        out.append(MembershipClaim(claim, s.voice, s.precedence, s.kind in COMPLETE_KINDS,
                                   origin, s.stated_as_of))
    return out


def build(store: Store, root: Path | None = None) -> dict:
    """(Re)load the reference data; returns counts of what was loaded."""
    states, orgs, loaded = load_reference(root)
    with store.engine.begin() as conn:
        conn.execute(delete(schema.states))
        conn.execute(schema.states.insert(), [
            {"id": s.id, "name": s.name, "official_name": s.official_name,
             "cow_ccode": s.cow_ccode, "cow_abbr": s.cow_abbr, "regex": s.regex,
             "historical": s.historical} for s in states])
        # the vocabulary's rows are replaced; organizations an import added stay
        conn.execute(delete(schema.organizations).where(
            schema.organizations.c.id.not_in(imported_orgs(conn))))
        conn.execute(schema.organizations.insert(), [
            {"id": o.id, "name": o.name, "type": o.type, "parent": o.parent,
             "aliases": json.dumps(list(o.aliases))} for o in orgs.values()])
        old = [r[0] for r in conn.execute(select(schema.sources.c.id).where(
            schema.sources.c.origin.like(REFERENCE_ORIGIN + "%")))]
        if old:
            dialect.unindex_documents(conn, old)
            conn.execute(delete(schema.claims).where(schema.claims.c.source_id.in_(old)))
            conn.execute(delete(schema.documents).where(schema.documents.c.source_id.in_(old)))
            conn.execute(delete(schema.sources).where(schema.sources.c.id.in_(old)))
        conn.execute(schema.sources.insert(), [
            {**s.row(), "origin": REFERENCE_ORIGIN + (s.origin or "")} for s in loaded.sources])
        for sid, text in loaded.documents.items():
            src = next(s for s in loaded.sources if s.id == sid)
            conn.execute(schema.documents.insert().values(id=sid, source_id=sid,
                                                          sha256=src.sha256, text=text))
            dialect.index_document(conn, sid, text)
        insert_claims(conn, loaded.claims)
        n_spells = rederive(conn)
        set_meta(conn, "built_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
        set_meta(conn, "reference_hash", data_hash(root))
        set_meta(conn, "reference_dir", str(Path(root).resolve()) if root else "")
    return {"states": len(states), "organizations": len(orgs), "sources": len(loaded.sources),
            "claims": len(loaded.claims), "spells": n_spells,
            "documents": len(loaded.documents)}


def claim_row(claim: Claim, origin: str | None, status: str = "accepted") -> dict:
    d = claim.date
    span = claim.span
    return {"id": claim.id, "kind": claim.kind, "subject": claim.subject,
            "object": claim.object, "role": claim.get("role"), "event": claim.get("event"),
            "date_lo": d.lo.isoformat() if d else None, "date_hi": d.hi.isoformat() if d else None,
            "source_id": claim.doc, "span_start": span[0] if span else None,
            "span_end": span[1] if span else None, "status": claim.get("status", status),
            "alternative": claim.alternative, "origin": origin, "data": claim.to_json()}


def insert_claims(conn: Connection, claims: list[tuple[Claim, str | None]]) -> None:
    rows = [claim_row(c, o) for c, o in claims]
    for i in range(0, len(rows), 5000):
        conn.execute(schema.claims.insert(), rows[i:i + 5000])


def rederive(conn: Connection, pairs: Iterable[tuple[str, str]] | None = None) -> int:
    """Recompute `spells` and `complete_voices` from every accepted membership claim; the
    number of spells written.

    With `pairs` (state, organization), only those pairs' spells: what a review changes.
    A pair's spells are made from its own claims alone (`timeline.derive`), so they come
    out as a full rederive makes them; a review touches document claims only, and a
    document never speaks for every state, so the complete voices stay as they are."""
    if pairs is not None:
        return _rederive_pairs(conn, sorted(set(pairs)))
    mcs = []
    complete: dict[tuple[str, str], tuple[int, str | None]] = {}
    partial = {o.id for o in vocab.organizations().values() if o.coverage == "partial"}
    for mc, kind in _accepted_memberships(conn):
        mcs.append(mc)
        claim = mc.claim
        if kind in COMPLETE_KINDS and not claim.alternative and not (
                kind == "reference" and claim.object in partial):
            complete[(mc.voice, claim.object)] = (mc.precedence, speaks_until(mc.stated_as_of))
    spells = derive(mcs)
    conn.execute(delete(schema.spells))
    conn.execute(delete(schema.complete_voices))
    rows = [sp.row() for sp in spells]
    for i in range(0, len(rows), 10000):
        conn.execute(schema.spells.insert(), rows[i:i + 10000])
    if complete:
        conn.execute(schema.complete_voices.insert(), [
            {"voice": v, "org": o, "precedence": p, "speaks_until": u}
            for (v, o), (p, u) in complete.items()])
    return len(rows)


def _accepted_memberships(conn: Connection, where=None):
    """Each accepted membership claim (matching `where`) with what the timeline needs of
    its source, and the source's kind."""
    from ..sources import voice_of

    s, c = schema.sources, schema.claims
    q = (select(c.c.id.label("claim_id"), c.c.data, c.c.origin, s.c.id, s.c.kind, s.c.dataset,
                s.c.precedence, s.c.stated_as_of)
         .join(s, s.c.id == c.c.source_id)
         .where(c.c.kind == "membership", c.c.status == "accepted"))
    if where is not None:
        q = q.where(where)
    for cid, data, origin, sid, kind, dataset, prec, as_of in conn.execute(q):
        yield (MembershipClaim(Claim(json.loads(data)), voice_of(kind, sid, dataset), prec,
                               kind in COMPLETE_KINDS, origin, as_of, cid), kind)


def _rederive_pairs(conn: Connection, pairs: list[tuple[str, str]]) -> int:
    c, sp = schema.claims.c, schema.spells.c
    n = 0
    for i in range(0, len(pairs), 200):        # a bounded statement for a large batch
        part = pairs[i:i + 200]
        spells = derive(mc for mc, _ in _accepted_memberships(conn, or_(*[
            and_(c.subject == state, c.object == org) for state, org in part])))
        conn.execute(delete(schema.spells).where(or_(*[
            and_(sp.state == state, sp.org == org) for state, org in part])))
        rows = [s.row() for s in spells]
        if rows:
            conn.execute(schema.spells.insert(), rows)
        n += len(rows)
    return n


def speaks_until(stated_as_of: str | None) -> str | None:
    """The first day a complete voice no longer speaks: the day after its data ends."""
    return next_day(date.fromisoformat(stated_as_of)).isoformat() if stated_as_of else None


def imported_orgs(conn: Connection) -> list[str]:
    """Organizations an import added (meta `imported_orgs`): a rebuild leaves them alone."""
    value = get_meta(conn, "imported_orgs")
    return json.loads(value) if value is not None else []
