"""Events: summits, exercises, conflicts, protests, visits, meetings, declarations, each
with its date, place and organization where the sentence gives them."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Sentence
from .common import Context, claim, date_near, is_member_org, rx

_TYPES = [
    ("summit", rx(r"\bsummits?\b")),
    ("exercise", rx(r"\bexercises?\b|\bmanoeuvres\b|\bmaneuvers\b|\bdrills\b")),
    ("conflict", rx(r"\b(?:conflict|war|invasion|intervention|incursion|hostilities)\b")),
    ("protest", rx(r"\b(?:protests?|uprising|demonstrations?|revolution|unrest|riots?)\b")),
    ("visit", rx(r"\b(?:visit(?:ed|s)?|trip)\b")),
    ("meeting", rx(r"\b(?:meetings?|talks|negotiations|consultations|rounds? of talks)\b")),
    ("declaration", rx(r"\b(?:declar(?:ed|ing|ation)|recognition of|recogni[sz]ed the "
                       r"independence|speech|statement)\b")),
]


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = s.text
    for etype, pattern in _TYPES:
        for m in pattern.finditer(t):
            if etype == "meeting" and re.search(r"\bsummit", t, re.I):
                continue
            orgs = [o for o in s.orgs if is_member_org(o) and abs(o.start - m.start()) <= 40]
            d = date_near(s, m.start(), 80)
            place = None
            pm = re.match(r"\s+(?:held\s+)?in\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)", t[m.end():])
            if pm:
                place = pm.group(1)
            visit_to = None
            if etype == "visit":
                vm = [x for x in s.mentions if x.kind == "state" and 0 < x.start - m.end() <= 25]
                visit_to = vm[0].id if vm else None
            participants = None
            if etype in ("visit", "meeting"):
                ids = list(dict.fromkeys(x.id for x in s.states))
                if visit_to and visit_to not in ids:
                    ids.append(visit_to)
                participants = ids or None
            out.append(claim(doc, s, "event", 0.5, d.date if d else None, event_type=etype,
                             object=orgs[0].id if orgs else None, place=place,
                             participants=participants))
            break   # one event of a type per sentence
    return out


__all__ = ["rules", "vocab"]
