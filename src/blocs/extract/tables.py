"""Membership tables flattened into lines by a PDF extractor:

    <header: organization names>
    <state> X X X
    <state> (associate member)
    <state> X X X
    (have suspended their membership)
    X

A row's marks fill columns; where a row has fewer marks than columns, the columns for
which the document's own prose states that state's membership come first, then the
rest from the left. A note in brackets applies to the mark before it (or to the first
column when the row has no marks). Every claim spans its row in the original text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .text import mentions_in

_MARK = re.compile(r"(?<![\w(])(?:[Xx✓✔•■+])(?![\w)])")


@dataclass
class Row:
    state: str
    start: int
    end: int
    cells: list[tuple[str, str | None]] = field(default_factory=list)   # ("mark"|"note", text)


def _state_of(label: str) -> str | None:
    ms = [m for m in mentions_in(label) if m.kind == "state"]
    if ms and ms[0].start == 0:
        return ms[0].id
    word = label.split()[0] if label.split() else ""
    if len(word) < 4:
        return None
    from rapidfuzz import fuzz, process

    from .gazetteer import gazetteer

    names = {k: v.id for k, v in gazetteer().names.items() if v.kind == "state" and v.how == "name"}
    hit = process.extractOne(word, list(names), scorer=fuzz.ratio, score_cutoff=88)
    return names[hit[0]] if hit else None


def _lines(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _header(line: str) -> list[str] | None:
    from .gazetteer import gazetteer

    stripped = line.strip()
    if not stripped or len(stripped) > 160 or not gazetteer().pattern.match(stripped):
        return None             # a header starts with a name and is short
    ms = mentions_in(line)
    rest = line
    for m in reversed(ms):
        rest = rest[:m.start] + rest[m.end:]
    orgs = [m.id for m in ms if m.kind == "org"]
    if len(orgs) >= 2 and not rest.strip() and len(orgs) == len(ms):
        return orgs
    return None


def find_tables(text: str) -> list[tuple[list[str], list[Row], tuple[int, int]]]:
    tables = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        cols = _header(lines[i][1])
        if not cols:
            i += 1
            continue
        rows: list[Row] = []
        j = i + 1
        pending_note: tuple[int, str] | None = None
        while j < len(lines):
            pos, line = lines[j]
            s = line.strip()
            if not s:
                j += 1
                continue
            body = s
            state = None
            if pending_note is None and not s.startswith("(") and not _MARK.fullmatch(s.split()[0]):
                label = re.split(r"\s+(?=[Xx✓✔•+](?:\s|$))|\s*\(", s, maxsplit=1)[0]
                state = _state_of(label)
                if state is None:
                    break
                body = s[len(label):]
            if state is not None:
                rows.append(Row(state, pos + line.index(s), pos + len(line.rstrip())))
            elif not rows:
                break
            row = rows[-1]
            row.end = max(row.end, pos + len(line.rstrip()))
            if pending_note is not None:
                body = pending_note[1] + " " + body
                pending_note = None
            if body.count("(") > body.count(")"):
                pending_note = (pos, body)
                j += 1
                continue
            for tok in re.finditer(r"\([^()]*\)|[Xx✓✔•+](?=\s|$)", body):
                if tok.group().startswith("("):
                    row.cells.append(("note", " ".join(tok.group()[1:-1].split())))
                else:
                    row.cells.append(("mark", None))
            j += 1
        if len(rows) >= 2:
            tables.append((cols, rows, (lines[i][0], rows[-1].end)))
        i = j if j > i + 1 else i + 1
    return tables


def _note_role(note: str) -> tuple[str, str, str | None]:
    n = note.lower()
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", n)
    if re.search(r"withdr|left|leav|exit|quit", n):
        return "member", "leave", year.group(1) if year else None
    if "suspend" in n:
        return "suspended", "state", None
    if "associate" in n:
        return "associate_member", "state", None
    if "observer" in n:
        return "observer", "state", None
    if "partner" in n:
        return "dialogue_partner" if "dialogue" in n else "partner", "state", None
    return "member", "state", None


def table_claims(text: str, doc_id: str, doc_date: date | None, prose: set[tuple[str, str]],
                 tables: list[tuple[list[str], list[Row], tuple[int, int]]]
                 ) -> list[dict[str, Any]]:
    """Claims from the membership `tables` found in `text` (by `find_tables`)."""
    out: list[dict[str, Any]] = []
    for cols, rows, _ in tables:
        for row in rows:
            marks = [k for k, _ in row.cells if k == "mark"]
            n = len(marks)
            if n >= len(cols):
                chosen = list(cols)
            else:
                known = [c for c in cols if (row.state, c) in prose]
                rest = [c for c in cols if c not in known]
                chosen = sorted((known + rest)[:n], key=cols.index) if n else []
            assigned: list[tuple[str, str | None]] = []
            k = 0
            for kind, note in row.cells:
                if kind == "mark":
                    if k < len(chosen):
                        assigned.append((chosen[k], None))
                    k += 1
                elif assigned:
                    assigned[-1] = (assigned[-1][0], note)
                else:
                    assigned.append((cols[0], note))
            for org, note in assigned:
                role, event, year = _note_role(note) if note else ("member", "state", None)
                c: dict[str, Any] = {"kind": "membership", "subject": row.state, "object": org,
                                     "role": role, "event": event}
                if year:
                    c.update({"date": year, "date_precision": "year"})
                if doc_date:
                    c["stated_as_of"] = doc_date.isoformat()
                c["source"] = {"doc": doc_id, "start": row.start, "end": row.end}
                c["quote"] = text[row.start:row.end]
                c["confidence"] = 0.7
                c["status"] = "proposed"
                c["from_table"] = True
                out.append(c)
    return out

