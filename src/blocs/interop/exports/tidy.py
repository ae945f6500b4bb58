"""Long ("tidy") tables of spells and of claims, as CSV or Parquet: one row per spell or
claim, one column per field, lists joined by ';' in CSV and kept as lists in Parquet."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from ...queries._asof import org_names, state_names
from ...store import Store, schema
from .. import voices
from . import Scope

SPELL_COLUMNS = ["state", "state_name", "org", "org_name", "role", "frozen", "start",
                 "start_precision", "end", "end_precision", "end_kind", "voice", "precedence",
                 "stated_as_of", "sources", "claims"]
CLAIM_COLUMNS = ["id", "kind", "subject", "object", "role", "event", "date", "date_precision",
                 "date_qualifier", "stated_as_of", "status", "alternative", "source",
                 "source_title", "voice", "precedence", "origin", "note", "quote", "data"]


def spell_records(store: Store, scope: Scope) -> list[dict]:
    rows = voices.spells(store, scope.source, scope.date_from, scope.date_to, scope.orgs)
    if scope.on is not None:
        rows = voices.covering(rows, scope.on)
    with store.engine.connect() as conn:
        snames = state_names(conn, {r.state for r in rows})
        onames = org_names(conn, {r.org for r in rows})
    out = []
    for r in rows:
        silent = r.end_kind == "silent"
        out.append({"state": r.state, "state_name": snames.get(r.state, r.state), "org": r.org,
                    "org_name": onames.get(r.org, r.org), "role": r.role,
                    "frozen": bool(r.frozen), "start": r.start,
                    "start_precision": r.start_precision,
                    "end": None if silent else r.end,
                    "end_precision": None if silent else r.end_precision,
                    "end_kind": r.end_kind, "voice": r.voice, "precedence": r.precedence,
                    "stated_as_of": r.stated_as_of, "sources": r.sources, "claims": r.claims})
    return out


def claim_records(store: Store, scope: Scope) -> list[dict]:
    c, src = schema.claims.c, schema.sources.c
    q = (select(c.id, c.kind, c.subject, c.object, c.role, c.event, c.date_lo, c.date_hi,
                c.status, c.alternative, c.origin, c.data, src.id.label("sid"), src.title,
                src.kind.label("skind"), src.dataset, src.precedence)
         .join(schema.sources, src.id == c.source_id).where(c.status == "accepted"))
    with store.engine.connect() as conn:
        voice = voices.resolve_voice(conn, scope.source)
        if voice != voices.PREFERRED:
            q = q.where(((src.kind == "document") & (src.id == voice))
                        | ((src.kind != "document") & (src.dataset == voice)))
        if scope.orgs:
            q = q.where(c.object.in_(scope.orgs) | c.subject.in_(scope.orgs))
        if scope.date_to is not None:
            q = q.where(c.date_lo <= scope.date_to.isoformat())
        if scope.date_from is not None:
            q = q.where(c.date_hi >= scope.date_from.isoformat())
        rows = conn.execute(q.order_by(c.kind, c.object, c.subject, c.date_lo, c.id)).all()
    out = []
    for r in rows:
        d = json.loads(r.data)
        out.append({"id": r.id, "kind": r.kind, "subject": r.subject, "object": r.object,
                    "role": r.role, "event": r.event, "date": d.get("date", d.get("valid_from")),
                    "date_precision": d.get("date_precision"),
                    "date_qualifier": d.get("date_qualifier"),
                    "stated_as_of": d.get("stated_as_of"), "status": r.status,
                    "alternative": bool(r.alternative), "source": r.sid,
                    "source_title": r.title,
                    "voice": r.sid if r.skind == "document" else r.dataset,
                    "precedence": r.precedence, "origin": r.origin, "note": d.get("note"),
                    "quote": d.get("quote"), "data": r.data})
    return out


def _csv(records: list[dict], columns: list[str], tmp: Path) -> int:
    import csv

    with tmp.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for r in records:
            w.writerow(["" if r[k] is None else ";".join(r[k]) if isinstance(r[k], list)
                        else str(r[k]).lower() if isinstance(r[k], bool) else r[k]
                        for k in columns])
    return len(records)


def _parquet(records: list[dict], columns: list[str], types: dict, tmp: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema_ = pa.schema([(k, types.get(k, pa.string())) for k in columns])
    table = pa.table({k: [r[k] for r in records] for k in columns}, schema=schema_)
    pq.write_table(table, str(tmp))
    return len(records)


def _spell_types():
    import pyarrow as pa

    return {"frozen": pa.bool_(), "precedence": pa.int32(), "sources": pa.list_(pa.string()),
            "claims": pa.list_(pa.string())}


def _claim_types():
    import pyarrow as pa

    return {"alternative": pa.bool_(), "precedence": pa.int32()}


def spells_csv(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return _csv(spell_records(store, scope), SPELL_COLUMNS, tmp)


def spells_parquet(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return _parquet(spell_records(store, scope), SPELL_COLUMNS, _spell_types(), tmp)


def claims_csv(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return _csv(claim_records(store, scope), CLAIM_COLUMNS, tmp)


def claims_parquet(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    return _parquet(claim_records(store, scope), CLAIM_COLUMNS, _claim_types(), tmp)
