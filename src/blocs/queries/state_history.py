"""Every spell of one state in every organization: a state's whole history on one
timeline (the CLI's `timeline` asks the other way round, one organization at a time)."""

from __future__ import annotations

from sqlalchemy import select

from ..store import Store, schema
from ._asof import resolve_state
from .history import SpellRecord, timeline


def state_timeline(store: Store, state: str) -> list[SpellRecord]:
    """Every spell of `state`, from every voice, grouped by organization (in id order);
    `preferred` marks the voice whose answer is shown, as `timeline` does."""
    s = schema.spells.c
    with store.engine.connect() as conn:
        state = resolve_state(conn, state)
        orgs = [r[0] for r in conn.execute(select(s.org).where(s.state == state)
                                           .distinct().order_by(s.org))]
    return [rec for org in orgs for rec in timeline(store, org, state)]
