"""COW's events as rows of the `claims` and `spells` tables, made directly.

An import writes tens of thousands of claims and spells; building each through `Claim`
and `timeline.derive` costs more than the rest of the import. These functions give the
very rows those would give (the same claim ids and JSON, the same spells: the tests hold
them to `claim_row` and to a full `rederive`), for COW's simple events only: joins and
leaves at year precision, one per state, IGO and year, the voice complete and speaking
until 31 December of its last year.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

CLAIM_COLUMNS = ["id", "kind", "subject", "object", "role", "event", "date_lo", "date_hi",
                 "source_id", "span_start", "span_end", "status", "alternative", "origin",
                 "data"]
SPELL_COLUMNS = ["state", "org", "role", "frozen", "start", "start_precision",
                 "start_qualifier", "start_lo", "start_hi", "end", "end_precision",
                 "end_qualifier", "end_lo", "end_hi", "end_kind", "voice", "precedence",
                 "stated_as_of", "claim_ids", "source_ids", "run"]
_PLAIN = re.compile(r"^[A-Za-z0-9_.\-]+$")


@lru_cache(maxsize=None)
def _q(text: str) -> str:
    """A JSON string literal (ids and roles are plain; anything else goes through json)."""
    return f'"{text}"' if _PLAIN.match(text) else json.dumps(text, ensure_ascii=False)


def claim_row(subject: str, obj: str, role: str, event: str, year: int, source: str,
              note: str | None, origin: str) -> tuple:
    """The `claims` row of a COW membership claim, as `reference.build.claim_row` makes it:
    {kind, subject, object, role, event, date (year precision), source, from_table, note}."""
    y = str(year)
    content = (f'{{"date":"{y}","date_precision":"year","event":{_q(event)},'
               f'"from_table":true,"kind":"membership","object":{_q(obj)},'
               f'"role":{_q(role)},"source":{{"doc":{_q(source)}}},"subject":{_q(subject)}}}')
    cid = "c" + hashlib.sha256(content.encode()).hexdigest()[:15]
    data = (f'{{"kind": "membership", "subject": {_q(subject)}, "object": {_q(obj)}, '
            f'"role": {_q(role)}, "event": {_q(event)}, "date": "{y}", '
            f'"date_precision": "year", "source": {{"doc": {_q(source)}}}, "from_table": true'
            + (f', "note": {json.dumps(note, ensure_ascii=False)}}}' if note else "}"))
    return (cid, "membership", subject, obj, role, event, f"{y}-01-01", f"{y}-12-31", source,
            None, None, "accepted", False, origin, data)


def spell_rows(claims: list[tuple], voice: str, precedence: int, as_of: str,
               speaks_until: str) -> list[tuple]:
    """The spells `timeline.derive` gives for COW's claim rows, which come grouped by state
    and IGO, in year order: a join opens a spell (closing the one before: a change of role),
    a leave closes it, and what is still open at the end falls silent the day after `as_of`."""
    out: list[tuple] = []
    sources = json.dumps([claims[0][8]]) if claims else "[]"
    current: list | None = None       # [state, org, role, year, [claim ids]]
    pair = None

    def close(end: tuple | None, kind: str, cid: str | None) -> None:
        state, org, role, y, ids = current
        if cid:
            ids.append(cid)
        if end is None:
            end_cols = (speaks_until, "day", None, speaks_until, speaks_until, "silent")
            until = "null"
        else:
            e = str(end)
            end_cols = (e, "year", None, f"{e}-01-01", f"{e}-12-31", kind)
            until = f'["{e}", "year", null]'
        # json.dumps' own spelling of {"since": [...], "until": ...} and of the id list
        run = f'{{"since": ["{y}", "year", null], "until": {until}}}'
        id_list = "[" + ", ".join(f'"{c}"' for c in ids) + "]"
        out.append((state, org, role, False, str(y), "year", None, f"{y}-01-01", f"{y}-12-31",
                    *end_cols, voice, precedence, as_of, id_list, sources, run))

    for cid, _, state, org, role, event, date_lo, *_ in claims:
        year = int(date_lo[:4])
        if (state, org) != pair:
            if current is not None:
                close(None, "silent", None)
            current, pair = None, (state, org)
        if event == "join":
            if current is not None:
                close(year, "change", cid)
            current = [state, org, role, year, [cid]]
        else:
            close(year, "leave", cid)
            current = None
    if current is not None:
        close(None, "silent", None)
    return out
