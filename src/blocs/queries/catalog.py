"""What the base knows: organizations, states, and everything about one of them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import func, select

from ..dates import PartialDate
from ..errors import UnknownId
from ..store import Store, schema
from ._asof import resolve_org, resolve_state


def organizations(store: Store) -> list[dict[str, Any]]:
    """Every organization, body and treaty, with how many states its history names."""
    o, s = schema.organizations.c, schema.spells.c
    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(s.org, func.count(func.distinct(s.state)))
                                   .group_by(s.org)).all())
        founded = _founded(conn)
        rows = conn.execute(select(o.id, o.name, o.type, o.parent).order_by(o.id)).all()
    return [{"id": r.id, "name": r.name, "type": r.type, "parent": r.parent,
             "founded": founded.get(r.id), "states_ever": counts.get(r.id, 0)} for r in rows]


def states(store: Store, with_memberships_only: bool = False) -> list[dict[str, Any]]:
    """Every state (or only those with a membership in the base), with its COW number and
    how many organizations its history names."""
    st, s = schema.states.c, schema.spells.c
    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(s.state, func.count(func.distinct(s.org)))
                                   .group_by(s.state)).all())
        rows = conn.execute(select(st.id, st.name, st.cow_ccode, st.historical)
                            .order_by(st.id)).all()
    return [{"id": r.id, "name": r.name, "cow_ccode": r.cow_ccode,
             "historical": bool(r.historical), "organizations_ever": counts.get(r.id, 0)}
            for r in rows if counts.get(r.id) or not with_memberships_only]


def _founded(conn) -> dict[str, str]:
    """Founding dates from the preferred (non-alternative, highest precedence) claims."""
    c, src = schema.claims.c, schema.sources.c
    rows = conn.execute(select(c.subject, c.data, src.precedence)
                        .join(schema.sources, src.id == c.source_id)
                        .where(c.kind == "founding", c.alternative.is_(False),
                               c.status == "accepted")
                        .order_by(src.precedence.desc(), c.date_lo)).all()
    out: dict[str, str] = {}
    for subject, data, _ in rows:
        d = json.loads(data)
        if subject not in out and "date" in d:
            out[subject] = str(PartialDate.parse(d["date"], d.get("date_precision"),
                                                 d.get("date_qualifier")))
    return out


def _claims_about(conn, subject: str | None = None, obj: str | None = None,
                  kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    c, src = schema.claims.c, schema.sources.c
    q = (select(c.id, c.data, c.alternative, src.id.label("sid"), src.title, src.url)
         .join(schema.sources, src.id == c.source_id).where(c.status == "accepted"))
    if subject:
        q = q.where(c.subject == subject)
    if obj:
        q = q.where(c.object == obj)
    if kinds:
        q = q.where(c.kind.in_(kinds))
    out = []
    for r in conn.execute(q.order_by(c.kind, c.date_lo)):
        d = json.loads(r.data)
        d.pop("source", None)
        out.append({**d, "id": r.id, "alternative": bool(r.alternative),
                    "source": {"id": r.sid, "title": r.title, "url": r.url}})
    return out


def show(store: Store, ident: str) -> dict[str, Any]:
    """Everything the base knows about one organization (or body, treaty) or one state."""
    from .membership import members, memberships

    with store.engine.connect() as conn:
        try:
            oid = resolve_org(conn, ident)
        except UnknownId as org_error:
            oid = None
            try:
                sid = resolve_state(conn, ident)
            except UnknownId as state_error:
                raise UnknownId("state or organization", ident,
                                (org_error.suggestions + state_error.suggestions)[:4]) from None
        if oid:
            o = schema.organizations.c
            row = conn.execute(select(o.id, o.name, o.type, o.parent, o.aliases)
                               .where(o.id == oid)).one()
            bodies = [r[0] for r in conn.execute(select(o.id).where(o.parent == oid)
                                                 .order_by(o.id))]
            info = {
                "id": row.id, "name": row.name, "type": row.type, "parent": row.parent,
                "aliases": json.loads(row.aliases), "bodies": bodies,
                "founding": _claims_about(conn, subject=oid, kinds=("founding",)),
                "succession": _claims_about(conn, subject=oid, kinds=("succession",))
                + _claims_about(conn, obj=oid, kinds=("succession",)),
                "functions": _claims_about(conn, subject=oid, kinds=("function",)),
                "contributions": _claims_about(conn, obj=oid, kinds=("contribution",)),
                "agreements": _claims_about(conn, obj=oid, kinds=("agreement",)),
            }
        else:
            st = schema.states.c
            row = conn.execute(select(st.id, st.name, st.official_name, st.cow_ccode,
                                      st.cow_abbr, st.historical).where(st.id == sid)).one()
            info = {"id": row.id, "name": row.name, "official_name": row.official_name,
                    "cow_ccode": row.cow_ccode, "cow_abbr": row.cow_abbr,
                    "historical": bool(row.historical),
                    "agreements": _claims_about(conn, subject=sid, kinds=("agreement",)),
                    "contributions": _claims_about(conn, subject=sid, kinds=("contribution",))}
    today = date.today()
    if oid:
        info["members_today"] = [m.to_dict() for m in members(store, oid, today)]
    else:
        info["memberships_today"] = [m.to_dict() for m in memberships(store, sid, today)]
    info["kind"] = "organization" if oid else "state"
    return info


__all__ = ["organizations", "states", "show"]
