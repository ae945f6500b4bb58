"""Every spell of one state in every organization: a state's whole history on one
timeline (the CLI's `timeline` asks the other way round, one organization at a time)."""

from __future__ import annotations

from sqlalchemy import select

from ..store import Store, schema
from ._asof import SPELL_COLUMNS, complete_voices, resolve_state, state_names
from .history import SpellRecord, spell_records


def state_timeline(store: Store, state: str) -> list[SpellRecord]:
    """Every spell of `state`, from every voice, grouped by organization (in id order);
    `preferred` marks the voice whose answer is shown, as `timeline` does. One query for
    every organization (not a `timeline` each: a state may be in dozens)."""
    s = schema.spells.c
    with store.engine.connect() as conn:
        state = resolve_state(conn, state)
        rows = conn.execute(select(*SPELL_COLUMNS).where(s.state == state)
                            .order_by(s.org, s.start_lo, s.precedence.desc())).all()
        if not rows:
            return []
        complete = complete_voices(conn, sorted({r.org for r in rows}))
        names = state_names(conn, {state})
    return spell_records(rows, complete, names)
