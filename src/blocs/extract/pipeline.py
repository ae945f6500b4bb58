"""The extraction pipeline: read the document into sentences, run each rule module over
each sentence in order (the context carries what earlier sentences said), read tables
from the original lines, drop duplicates, validate.

Components, in order (`COMPONENTS`, versioned so old output can be reproduced):
membership, founding (with succession), contributions, flows, agreements, events,
functions; then tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..claims import Claim, validate
from .rules import agreements, events, founding, functions, membership, quantities
from .rules.common import Context
from .tables import find_tables, table_claims
from .text import Document, Sentence, read

VERSION = "rules.v1"
Rule = Callable[[Document, Sentence, Context], list[dict[str, Any]]]
COMPONENTS: list[tuple[str, Rule]] = [
    ("membership", membership.rules),
    ("founding", founding.rules),
    ("contributions", quantities.contributions),
    ("flows", quantities.flows),
    ("agreements", agreements.rules),
    ("events", events.rules),
    ("functions", functions.rules),
]
_IDENTITY = ("kind", "subject", "object", "role", "event", "relation", "domain", "action",
             "event_type", "flow", "unit", "quantity", "amount", "date", "valid_from")


def run(text: str, doc: str, doc_date: date | None) -> list[Claim]:
    d = read(text, doc, doc_date)
    found_tables = find_tables(text)
    tables = [r for _, _, r in found_tables]
    ctx = Context()
    found: list[dict[str, Any]] = []
    for s in d.sentences:
        if not s.mentions:
            continue          # every rule needs a state or an organization to speak of
        start, end = d.norm.span(s.start, s.start + len(s.text))
        if any(a <= start < b or a < end <= b for a, b in tables):
            continue
        for name, rule in COMPONENTS:
            for c in rule(d, s, ctx):
                c["extractor"] = f"{VERSION}:{name}"
                found.append(c)
        ctx.update(s)
    prose = {(c["subject"], c["object"]) for c in found if c["kind"] == "membership"}
    table = table_claims(text, doc, doc_date, prose, found_tables)
    for c in table:
        c["extractor"] = f"{VERSION}:tables"
    return [validate(c, doc) for c in _dedupe(found + table)]


def _dedupe(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[tuple, dict[str, Any]] = {}
    for c in claims:
        key = tuple(str(c.get(k)) for k in _IDENTITY) + (c["source"]["start"], c["source"]["end"])
        if key not in best or c.get("confidence", 0) > best[key].get("confidence", 0):
            best[key] = c
    return list(best.values())
