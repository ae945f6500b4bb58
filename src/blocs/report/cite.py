"""The reference list of a brief: every source behind a fact gets a number the first time
it is cited. A reference source (the curated data, an import) is one entry: title,
publisher, date, URL. A document is cited by the span that states the fact: one entry
per quoted span, with the quote."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from ..dates import PartialDate
from ..store import Store, schema

_C, _S = schema.claims.c, schema.sources.c
_COLUMNS = (_C.id, _C.subject, _C.object, _C.date_lo, _C.date_hi, _C.span_start, _C.span_end,
            _C.data, _S.id.label("sid"), _S.kind, _S.title, _S.publisher, _S.date.label("sdate"),
            _S.url)


class References:
    """Numbers sources in the order a brief first cites them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._numbers: dict[Any, int] = {}
        self.entries: list[dict[str, Any]] = []

    def _number(self, row: Any) -> int:
        doc = row.kind == "document" and row.span_start is not None
        key = (row.sid, row.span_start, row.span_end) if doc else row.sid
        if key not in self._numbers:
            quote = json.loads(row.data).get("quote") if doc else None
            self._numbers[key] = len(self.entries) + 1
            self.entries.append({
                "n": len(self.entries) + 1, "source": row.sid, "kind": row.kind,
                "title": row.title, "publisher": row.publisher, "date": row.sdate,
                "url": row.url, "quote": quote,
                "span": [row.span_start, row.span_end] if doc else None})
        return self._numbers[key]

    def _cite_rows(self, rows: Iterable[Any]) -> list[int]:
        return sorted({self._number(r) for r in rows})

    def claims(self, claim_ids: Iterable[str]) -> list[int]:
        """Numbers for the sources of these claims."""
        ids = sorted(set(claim_ids))
        if not ids:
            return []
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(*_COLUMNS).join(schema.sources, _S.id == _C.source_id)
                                .where(_C.id.in_(ids)).order_by(_C.date_lo, _C.id)).all()
        return self._cite_rows(rows)

    def about(self, source_ids: Iterable[str], subject: str, obj: str | None = None,
              kind: str = "membership", near: str | None = None) -> list[int]:
        """Numbers for what these sources say about `subject` (in `obj`): for a document,
        its claims about the pair (those dated near `near` when there are some)."""
        sids = sorted(set(source_ids))
        if not sids:
            return []
        where = (_C.source_id.in_(sids) & (_C.kind == kind) & (_C.subject == subject)
                 & (_C.status == "accepted"))
        if obj is not None:
            where = where & (_C.object == obj)
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(*_COLUMNS).join(schema.sources, _S.id == _C.source_id)
                                .where(where).order_by(_C.date_lo, _C.id)).all()
        if near:
            when = PartialDate.parse(near)
            lo, hi = when.lo.isoformat(), when.hi.isoformat()
            dated = [r for r in rows if r.date_lo and r.date_lo <= hi and r.date_hi >= lo]
            by_source = {r.sid for r in dated}
            rows = dated + [r for r in rows if r.sid not in by_source]
        found = {r.sid for r in rows}
        cited = self._cite_rows(rows)
        missing = [s for s in sids if s not in found]
        return sorted(set(cited) | set(self.sources(missing)))

    def sources(self, source_ids: Iterable[str]) -> list[int]:
        """Numbers for whole sources (no span), e.g. when no claim of theirs is at hand."""
        sids = sorted(set(source_ids))
        if not sids:
            return []
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(_S.id.label("sid"), _S.kind, _S.title, _S.publisher,
                                       _S.date.label("sdate"), _S.url)
                                .where(_S.id.in_(sids)).order_by(_S.id)).all()
        out = []
        for r in rows:
            if r.sid not in self._numbers:
                self._numbers[r.sid] = len(self.entries) + 1
                self.entries.append({"n": len(self.entries) + 1, "source": r.sid,
                                     "kind": r.kind, "title": r.title,
                                     "publisher": r.publisher, "date": r.sdate, "url": r.url,
                                     "quote": None, "span": None})
            out.append(self._numbers[r.sid])
        return sorted(out)

