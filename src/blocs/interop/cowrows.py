"""COW's events as rows of the `claims` and `spells` tables, made directly.

An import writes tens of thousands of claims and spells; building each through `Claim`
and `timeline.derive` costs more than the rest of the import. These functions give the
very rows those would give (the same claim ids and JSON, the same spells: the tests hold
them to `claim_row` and to a full `rederive`), for COW's simple events only: joins and
leaves at year precision, one per state, IGO and year, the voice complete and speaking
until 31 December of its last year. The claims are bound as few columns as vary; the
spells are derived by the database from the claims just written.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from hashlib import sha256

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..store import dialect
from ..store.dialect import is_sqlite

# A COW claim row: the columns that vary; the others are the same for every COW claim
# (CONSTANT), written into the statement once rather than bound on every row.
CLAIM_COLUMNS = ["id", "subject", "object", "role", "event", "date_lo", "date_hi", "origin",
                 "data"]
CONSTANT = {"kind": "membership", "span_start": None, "span_end": None,
            "status": "accepted", "alternative": False}
_PLAIN = re.compile(r"^[A-Za-z0-9_.\-]+$")


@lru_cache(maxsize=None)
def _q(text: str) -> str:
    """A JSON string literal (ids and roles are plain; anything else goes through json)."""
    return f'"{text}"' if _PLAIN.match(text) else json.dumps(text, ensure_ascii=False)


def claim_rows(subjects: list[str], objects: list[str], roles: list[str], joins: list[bool],
               years: list[int], notes: list[str | None], origins: list[str],
               source: str) -> list[tuple]:
    """The `claims` rows of COW membership claims, as `reference.build.claim_row` makes
    them: {kind, subject, object, role, event, date (year precision), source, from_table,
    note}; the id is the hash of the canonical JSON without the note (spec/claims.md)."""
    src = _q(source)
    quoted = {n: f', "note": {json.dumps(n, ensure_ascii=False)}}}' for n in set(notes) if n}
    out = []
    for subject, obj, role, join, year, note, origin in zip(subjects, objects, roles, joins,
                                                             years, notes, origins):
        y, event = str(year), "join" if join else "leave"
        s_, o_, r_ = _q(subject), _q(obj), _q(role)
        content = (f'{{"date":"{y}","date_precision":"year","event":"{event}",'
                   f'"from_table":true,"kind":"membership","object":{o_},'
                   f'"role":{r_},"source":{{"doc":{src}}},"subject":{s_}}}')
        data = (f'{{"kind": "membership", "subject": {s_}, "object": {o_}, "role": {r_}, '
                f'"event": "{event}", "date": "{y}", "date_precision": "year", '
                f'"source": {{"doc": {src}}}, "from_table": true'
                + (quoted[note] if note else "}"))
        out.append(("c" + sha256(content.encode()).hexdigest()[:15], subject, obj, role, event,
                    f"{y}-01-01", f"{y}-12-31", origin, data))
    return out


def insert_claims(conn: Connection, rows: list[tuple], source: str) -> None:
    """Append claim rows (CLAIM_COLUMNS) of `source`. SQLite binds only the columns that
    vary (a quarter less time for an import's tens of thousands); PostgreSQL copies them."""
    fixed = {**CONSTANT, "source_id": source}
    if not is_sqlite(conn):
        dialect.insert_many(conn, "claims", [*CLAIM_COLUMNS, *fixed],
                            [(*r, *fixed.values()) for r in rows])
        return
    columns = ", ".join([*CLAIM_COLUMNS, *fixed])
    values = ", ".join(["?"] * len(CLAIM_COLUMNS) + [_literal(v) for v in fixed.values()])
    conn.exec_driver_sql(f"INSERT INTO claims ({columns}) VALUES ({values})", rows)


def _literal(value: str | bool | None) -> str:
    """An SQLite literal for one of the constants above (ours, never a user's text)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


# The spells `timeline.derive` gives for COW's claims, derived in the database: per state
# and IGO in year order, a join opens a spell that the pair's next claim closes (a join: a
# change of role; a leave), and one still open falls silent on the day the voice stops
# speaking. JSON is spelled as json.dumps spells it; the tests hold every row to a rederive.
_SPELLS_SQL = """
INSERT INTO spells (state, org, role, frozen, start, start_precision, start_qualifier,
                    start_lo, start_hi, "end", end_precision, end_qualifier, end_lo, end_hi,
                    end_kind, voice, precedence, stated_as_of, claim_ids, source_ids, run)
SELECT subject, object, role, :frozen, substr(date_lo, 1, 4), 'year', NULL, date_lo, date_hi,
       CASE WHEN nid IS NULL THEN :until ELSE substr(nlo, 1, 4) END,
       CASE WHEN nid IS NULL THEN 'day' ELSE 'year' END,
       NULL,
       CASE WHEN nid IS NULL THEN :until ELSE nlo END,
       CASE WHEN nid IS NULL THEN :until ELSE nhi END,
       CASE WHEN nid IS NULL THEN 'silent' WHEN nev = 'join' THEN 'change' ELSE 'leave' END,
       :voice, :precedence, :as_of,
       CASE WHEN nid IS NULL THEN '["' || id || '"]'
            ELSE '["' || id || '", "' || nid || '"]' END,
       :sources,
       '{"since": ["' || substr(date_lo, 1, 4) || '", "year", null], "until": '
         || CASE WHEN nid IS NULL THEN 'null'
                 ELSE '["' || substr(nlo, 1, 4) || '", "year", null]' END || '}'
FROM (%s) AS t
"""
# Each join with the pair's next claim (nid, nev, nlo, nhi). PostgreSQL: a window. SQLite's
# windows cost four times the rest of the statement; there the next claim is the next row,
# as `claim_rows` come grouped by state and IGO in year order and one transaction appends
# them with consecutive rowids.
_NEXT = """
SELECT * FROM (SELECT id, subject, object, role, event, date_lo, date_hi,
                      LEAD(id) OVER w AS nid, LEAD(event) OVER w AS nev,
                      LEAD(date_lo) OVER w AS nlo, LEAD(date_hi) OVER w AS nhi
               FROM claims WHERE source_id = :source
               WINDOW w AS (PARTITION BY subject, object ORDER BY date_lo)) AS c
WHERE event = 'join'
"""
_NEXT_SQLITE = """
SELECT c.id, c.subject, c.object, c.role, c.date_lo, c.date_hi,
       n.id AS nid, n.event AS nev, n.date_lo AS nlo, n.date_hi AS nhi
FROM claims AS c LEFT JOIN claims AS n
  ON n.rowid = c.rowid + 1 AND n.source_id = c.source_id
     AND n.subject = c.subject AND n.object = c.object
WHERE c.source_id = :source AND c.event = 'join'
"""


def insert_spells(conn: Connection, source: str, voice: str, precedence: int, as_of: str,
                  speaks_until: str) -> int:
    """Derive and insert the spells of a COW import's claims, just inserted in the same
    transaction (`claim_rows`' order); the number of spells."""
    sql = _SPELLS_SQL % (_NEXT_SQLITE if is_sqlite(conn) else _NEXT)
    result = conn.execute(text(sql), {
        "frozen": False, "until": speaks_until, "voice": voice, "precedence": precedence,
        "as_of": as_of, "sources": json.dumps([source]), "source": source})
    return result.rowcount
