"""Shares and dominance: who commits how much to a body (troops, money, capital) and how
concentrated that is (Herfindahl), and a partner's flows with several powers side by side.

Contributions: for each contributor, its latest accepted claim in a unit on or before the
day asked about (a later figure replaces an earlier one: capital redistributed, troops
re-pledged; a figure dated only by year or month counts from the first day it can mean).
`share` is its part of what the listed contributors commit together (the
Herfindahl index is computed on it); `stated_share` is its part of the stated `total`
(for percentages, the percentage itself), where the source gives one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from ..dates import on_day
from ..queries._asof import org_names, resolve_org, resolve_state, state_names
from ..store import Store, schema

CLAIM_COLUMNS = ["claim_id", "subject", "subject_name", "object", "object_name", "quantity",
                 "unit", "total", "date", "date_lo", "joint_with", "modality", "approximate",
                 "source", "source_title", "note"]
SHARE_COLUMNS = ["contributor", "contributor_name", "quantity", "unit", "date", "total",
                 "share", "stated_share", "source", "source_title", "claim_id", "note"]


def _claim_rows(store: Store, kind: str, where) -> list[dict[str, Any]]:
    """Accepted, non-alternative, non-negated claims of one kind, with their source."""
    c, src = schema.claims.c, schema.sources.c
    q = (select(c.id, c.subject, c.object, c.date_lo, c.data, src.id.label("sid"),
                src.title, src.precedence)
         .join(schema.sources, src.id == c.source_id)
         .where(c.kind == kind, c.status == "accepted", c.alternative.is_(False), where)
         .order_by(c.date_lo, c.subject, c.id))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        ids = {r.subject for r in rows} | {r.object for r in rows}
        names = {**state_names(conn, ids), **org_names(conn, ids)}
    out = []
    for r in rows:
        d = json.loads(r.data)
        if d.get("modality") == "negated":
            continue
        out.append({"claim_id": r.id, "subject": r.subject,
                    "subject_name": names.get(r.subject, r.subject), "object": r.object,
                    "object_name": names.get(r.object, r.object), "data": d,
                    "date": d.get("date") or d.get("valid_from"), "date_lo": r.date_lo,
                    "modality": d.get("modality", "actual"), "source": r.sid,
                    "source_title": r.title, "precedence": r.precedence,
                    "note": d.get("note")})
    return out


def contributions(store: Store, body: str | None = None, contributor: str | None = None):
    """Every contribution claim to a body (or by a contributor), oldest first."""
    import pandas as pd

    c = schema.claims.c
    where = c.kind == "contribution"
    with store.engine.connect() as conn:
        if body:
            where = where & (c.object == resolve_org(conn, body))
        if contributor:
            where = where & (c.subject == _actor(conn, contributor))
    rows = []
    for r in _claim_rows(store, "contribution", where):
        d = r.pop("data")
        r.pop("precedence")
        rows.append({**r, "quantity": d.get("quantity"), "unit": d.get("unit"),
                     "total": d.get("total"), "joint_with": d.get("joint_with") or [],
                     "approximate": bool(d.get("approximate"))})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def _actor(conn, value: str) -> str:
    """A state or an organization (ASEAN contributes too)."""
    from ..errors import UnknownId

    try:
        return resolve_state(conn, value)
    except UnknownId:
        return resolve_org(conn, value)


def shares(store: Store, body: str, on: str | date | None = None, unit: str | None = None):
    """Each contributor's share of a body on a day, largest first (see the module's note).

    Without `unit`, the unit of the most recent figure is used. A figure given for several
    contributors together (`joint_with`) counts as one contributor "RUS+KAZ"."""
    import pandas as pd

    d = on_day(on)
    claims = contributions(store, body)
    claims = claims[claims["date_lo"].isna() | (claims["date_lo"] <= d.isoformat())]
    if unit is None and not claims.empty:
        unit = claims.sort_values("date_lo", kind="stable", na_position="first")["unit"].iloc[-1]
    claims = claims[claims["unit"] == unit]
    latest: dict[str, dict] = {}
    for r in claims.to_dict("records"):
        who = "+".join([r["subject"], *r["joint_with"]])
        latest[who] = {**r, "who": who}        # oldest first, so the latest stays
    if not latest:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    together = sum(r["quantity"] for r in latest.values())
    rows = []
    for who, r in latest.items():
        r["total"] = _num(r["total"])
        stated = (r["quantity"] / 100 if unit == "percent"
                  else r["quantity"] / r["total"] if r["total"] else None)
        rows.append({"contributor": who, "contributor_name": r["subject_name"] if who ==
                     r["subject"] else who, "quantity": r["quantity"], "unit": unit,
                     "date": r["date"], "total": r["total"],
                     "share": round(r["quantity"] / together, 6) if together else None,
                     "stated_share": round(stated, 6) if stated is not None else None,
                     "source": r["source"], "source_title": r["source_title"],
                     "claim_id": r["claim_id"], "note": r["note"]})
    df = pd.DataFrame(rows, columns=SHARE_COLUMNS)
    return df.sort_values(["quantity", "contributor"], ascending=[False, True],
                          kind="stable").reset_index(drop=True)


def _num(x: Any) -> float | None:
    """None for a missing number (None or NaN)."""
    return None if x is None or x != x else x


def herfindahl(values: Iterable[float]) -> float:
    """The Herfindahl–Hirschman index of shares (fractions summing to 1): from 1/n (n equal
    contributors) to 1 (one contributor holds everything)."""
    return round(sum(v * v for v in values), 6)


def concentration(store: Store, body: str, on: str | date | None = None,
                  unit: str | None = None) -> dict[str, Any]:
    """How concentrated a body's contributions are on a day: the Herfindahl index (0–1 and
    in points, 0–10,000), its equivalent number of equal contributors, the largest share."""
    return concentration_of(shares(store, body, on, unit), body, unit)


def concentration_of(df, body: str, unit: str | None = None) -> dict[str, Any]:
    """`concentration` of a frame `shares(store, body, on, unit)` already returned (a
    caller that shows the shares too need not compute them twice)."""
    if df.empty:
        return {"body": body, "unit": unit, "contributors": 0, "hhi": None, "hhi_points": None,
                "equivalent_contributors": None, "largest": None, "largest_share": None,
                "together": None, "total": None}
    hhi = herfindahl(df["share"])
    top = df.iloc[0]
    totals = {t for t in map(_num, df["total"]) if t is not None}
    return {"body": body, "unit": df["unit"].iloc[0], "contributors": len(df), "hhi": hhi,
            "hhi_points": round(hhi * 10000), "equivalent_contributors": round(1 / hhi, 2),
            "largest": top["contributor"], "largest_share": float(top["share"]),
            "together": float(df["quantity"].sum()),
            "total": float(max(totals)) if totals else None}


def bodies_with_contributions(store: Store, org: str | None = None) -> list[str]:
    """Bodies (or organizations) with contribution claims: `org` itself and its bodies."""
    c, o = schema.claims.c, schema.organizations.c
    with store.engine.connect() as conn:
        q = select(c.object).where(c.kind == "contribution", c.status == "accepted").distinct()
        found = {r[0] for r in conn.execute(q)}
        if org is None:
            return sorted(found)
        oid = resolve_org(conn, org)
        family = [oid, *[r[0] for r in conn.execute(select(o.id).where(o.parent == oid)
                                                    .order_by(o.id))]]
    return [b for b in family if b in found]


FLOW_COLUMNS = ["counterpart", "counterpart_name", "direction", "flow", "amount", "unit",
                "date", "year", "stage", "item", "source", "source_title", "claim_id", "note"]


def flows(store: Store, partner: str, flow: str | None = None,
          counterparts: Sequence[str] | None = None):
    """Every flow claim with `partner` on either side, oldest first. `direction` is "out"
    when the partner is the claim's subject (the side the text speaks from), "in" when it
    is the object."""
    import pandas as pd

    c = schema.claims.c
    with store.engine.connect() as conn:
        pid = _actor(conn, partner)
        others = [_actor(conn, x) for x in counterparts] if counterparts else None
    rows = []
    for r in _claim_rows(store, "flow", (c.subject == pid) | (c.object == pid)):
        d = r["data"]
        if flow and d.get("flow") != flow:
            continue
        out = r["subject"] == pid
        other = r["object"] if out else r["subject"]
        if others is not None and other not in others:
            continue
        rows.append({"counterpart": other,
                     "counterpart_name": r["object_name"] if out else r["subject_name"],
                     "direction": "out" if out else "in", "flow": d.get("flow"),
                     "amount": d.get("amount"), "unit": d.get("unit"), "date": r["date"],
                     "year": int(r["date_lo"][:4]) if r["date_lo"] else None,
                     "stage": d.get("stage"), "item": d.get("item"), "source": r["source"],
                     "source_title": r["source_title"], "claim_id": r["claim_id"],
                     "note": r["note"], "precedence": r["precedence"]})
    df = pd.DataFrame(rows, columns=[*FLOW_COLUMNS, "precedence"])
    return df


def flows_side_by_side(store: Store, partner: str, counterparts: Sequence[str],
                       flow: str = "trade", unit: str | None = None):
    """A partner's flows with several powers side by side: one row a year, one column per
    counterpart (in the order given). Where sources give several figures for one year, the
    highest-precedence source's latest-dated one is used. Without `unit`, the most common."""
    import pandas as pd

    with store.engine.connect() as conn:
        order = [_actor(conn, x) for x in counterparts]
    df = flows(store, partner, flow, order)
    df = df[df["amount"].notna() & df["year"].notna()]
    if unit is None and not df.empty:
        unit = df["unit"].value_counts().index[0]
    df = df[df["unit"] == unit]
    if df.empty:
        return pd.DataFrame(columns=["year", "unit", *order])
    df = df.sort_values(["precedence", "date"], ascending=[False, False], kind="stable")
    best = df.drop_duplicates(["year", "counterpart"], keep="first")
    wide = best.pivot(index="year", columns="counterpart", values="amount")
    wide = wide.reindex(columns=order).sort_index().reset_index()
    wide.insert(1, "unit", unit)
    wide.columns.name = None
    wide["year"] = wide["year"].astype(int)
    return wide
