"""Events: summits, exercises, conflicts, protests, visits, meetings, declarations, each
with its date, place and organization where the sentence gives them."""

from __future__ import annotations

import re
from typing import Any

from ..text import Document, Sentence
from .common import Context, claim, date_at, is_member_org, rx

_TYPES = [
    ("summit", rx(r"\bsummits?\b")),
    ("exercise", rx(r"\bexercises?\b|\bmanoeuvres\b|\bmaneuvers\b|\bdrills\b")),
    ("conflict", rx(r"\b(?:conflict|(?<!cold )(?<!cold-)war|invasion|intervention|incursion|"
                    r"hostilities)\b")),
    ("protest", rx(r"\b(?:protests?|uprising|demonstrations?|revolution|unrest|riots?)\b")),
    ("visit", rx(r"\b(?:visit(?:ed|s)?|trip)\b")),
    ("meeting", rx(r"\b(?:meetings?|met|meets|talks|negotiations|consultations|rounds? of talks)\b")),
    ("declaration", rx(r"\b(?:declar(?:ed|ing|ation)|recognition of|recogni[sz]ed the "
                       r"independence|speech|statement|reassured|announced)\b")),
]


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = s.text
    for etype, pattern in _TYPES:
        for m in pattern.finditer(t):
            if etype == "meeting" and re.search(r"\bsummit", t, re.I):
                continue
            orgs = [o for o in s.orgs if is_member_org(o) and abs(o.start - m.start()) <= 40]
            d = date_at(s, m.start(), 80)
            place = None
            pm = re.match(r"\s+(?:(?:was\s+)?held\s+|took place\s+|convened\s+)?in\s+"
                          r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)", t[m.end():])
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
            if d is None and not orgs and not place and len(participants or []) < 2 and \
                    etype not in ("declaration", "visit"):
                continue   # a passing mention ("sobered by the conflict"), not an event stated
            objects = _org_list(s, orgs[0]) if orgs else [None]
            for o in objects:
                out.append(claim(doc, s, "event", 0.5, d, event_type=etype,
                                 object=o, place=place, participants=participants))
            break   # one event of a type per sentence
    return out


def _org_list(s: Sentence, first) -> list[str]:
    """The organizations listed together with `first` ("the CSTO, EurAsEC and SCO")."""
    from .common import groups

    for g in groups(s, ("org",)):
        if first in g:
            return list(dict.fromkeys(o.id for o in g if is_member_org(o)))
    return [first.id]

