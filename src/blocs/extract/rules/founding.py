"""Founding and succession: an organization comes into being (when, by whom, on what
basis), grows out of, merges with, succeeds or institutionalizes another."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Sentence
from .common import Context, claim, date_at, date_near, group_at, rx

_FOUNDED = rx(r"\b(?:was|were|is|has been|had been)?\s*(?:officially\s+|formally\s+)?"
              r"(?:established|founded|created|formed|set up|launched|inaugurated|"
              r"institutionali[sz]ed)\b")
_TO_FOUND = rx(r"\b(?:agreed to|agreement to|decided to|decision to|move to|moved to)\s+"
               r"(?:establish|create|set up|form|found|launch)\b|"
               r"\b(?:creation|establishment|founding|formation) of\b|"
               r"\b(?:creating|establishing|setting up|founding)\b")
_PROPOSED = rx(r"\b(?:propos\w*|suggest\w*|call\w* for|advocat\w*|idea of)\b[^.;]{0,25}$")
_DIRECT = re.compile(r"^\s*(?:the|an?|its|a new|the new|a joint|the joint)?\s*$", re.I)
_FUTURE = rx(r"\b(?:is to be|are to be|will be|to be|would be|planned|plans? to|proposed)\b")
_BY = rx(r"\b(?:by|between|among)\b")
_INVOLVING = rx(r"\bwith the (?:involvement|participation) of\b")
_SUCCESSION = [
    (rx(r"\b(?:grew|grown|developed|evolved|emerged|grow)\s+(?:out of|from)\b"), "grew_out_of"),
    (rx(r"\bmerged? (?:with|into)\b|\babsorbed\b|\bmerger with\b"), "merged_with"),
    (rx(r"\b(?:succeeded|replaced|superseded|successor (?:of|to))\b"), "successor_of"),
    (rx(r"\binstitutionali[sz](?:ing|ed|es|e|ation of)\b"), "institutionalizes"),
]
_PASSIVE = rx(r"\b(?:was|were|been)\s+(?:absorbed|replaced|superseded|succeeded)\b|"
              r"\bmerged into\b|\babsorbed (?:by|into)\b")
_OCCASION = rx(r"\s*(?:annual\s+|extraordinary\s+)?(?:summits?|meetings?|sessions?|exercises?|"
               r"talks|declarations?|agreements?|proposals?|conferences?|forums?)\b")
_GREW_INTO = rx(r"\b(?:grew|developed|evolved|turned|was transformed|transformed)\b[^.;]*?\binto\b")


def _orgs(s: Sentence):
    return [m for m in s.orgs if vocab.organizations()[m.id].type != "proposal"]


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = s.text
    orgs = _orgs(s)
    if not orgs:
        return out
    seen: set[str] = set()

    for m in _FOUNDED.finditer(t):
        before = [o for o in orgs if o.end <= m.start() and m.start() - o.end <= 40]
        if not before or re.match(r"\s+(?:on|upon)\b", t[m.end():]):
            continue
        org = before[-1]
        d = date_near(s, m.end(), 40)
        if d and d.start < org.start:
            d = None
        modality = "planned" if _FUTURE.search(t[max(0, m.start() - 15):m.start()]) else None
        basis = None
        inst = re.search(r"institutionali[sz]", t[m.start():], re.I)
        if inst:
            later = [o for o in orgs if o.start > m.end()]
            basis = later[0].id if later else None
        out.append(claim(doc, s, "founding", 0.85, d.date if d else None, subject=org.id,
                         basis=basis, modality=modality))
        seen.add(org.id)
        founders = []
        by = _BY.search(t, m.end())
        if by and by.start() - m.end() < 120:
            founders = group_at(s, by.end(), after=True, max_gap=5)
        inv = _INVOLVING.search(t, m.end())
        if inv and founders:
            founders = founders + group_at(s, inv.end(), after=True, max_gap=5)
        for f in founders:
            out.append(claim(doc, s, "membership", 0.8, d.date if d else None, subject=f.id,
                             object=org.id, role="founding_member", event="join"))

    for m in _TO_FOUND.finditer(t):
        after = [o for o in orgs if 0 <= o.start - m.end() <= 60 and o.id not in seen]
        if not after or _PROPOSED.search(t[:m.start()]):
            continue
        gap = t[m.end():after[0].start]
        if not _DIRECT.match(gap) and not re.fullmatch(r"\s*(?:the|an?)?\s*(?:[A-Z][\w-]*\s*)*", gap):
            continue
        org = after[0]
        out.append(claim(doc, s, "founding", 0.75, date_at(s, org.end, 80), subject=org.id))
        seen.add(org.id)

    # "the 1992 Collective Security Treaty", "the Permanent Joint Council of 1997"
    for d in s.dates:
        if d.date.precision != "year":
            continue
        nxt = [o for o in orgs if 0 <= o.start - d.end <= 6 and d.prep == "the" and not
               _OCCASION.match(t[o.end:])]
        prev = [o for o in orgs if 0 <= d.start - o.end <= 12 and
                re.fullmatch(r"\s+of\s+", t[o.end:d.start])]
        for o in nxt + prev:
            if o.id not in seen and vocab.organizations()[o.id].type in ("treaty", "body",
                                                                          "organization", "forum"):
                out.append(claim(doc, s, "founding", 0.6, d.date, subject=o.id))
                seen.add(o.id)

    for m in _GREW_INTO.finditer(t):
        targets = [o for o in orgs if o.start >= m.end() - 5]
        chain = [o for o in orgs if o.start > m.start()]
        for o in targets:
            d = date_near(s, o.start, 40)
            if o.id not in seen:
                out.append(claim(doc, s, "founding", 0.6, d.date if d and d.start < o.start else None,
                                 subject=o.id))
                seen.add(o.id)
        chain = [o for i, o in enumerate(chain) if i == 0 or chain[i - 1].id != o.id]
        for a, b in zip(chain, chain[1:]):
            d = date_near(s, b.start, 40)
            out.append(claim(doc, s, "succession", 0.6, d.date if d and d.start < b.start else None,
                             subject=b.id, object=a.id, relation="grew_out_of"))

    for rx_, relation in _SUCCESSION:
        for m in rx_.finditer(t):
            later = [o for o in orgs if o.start >= m.end() and o.start - m.end() <= 60]
            if not later:
                continue
            earlier = [o for o in orgs if o.end <= m.start()]
            subject = earlier[0].id if earlier else ctx.topic
            if not subject or subject == later[0].id:
                continue
            obj = later[0].id
            if _PASSIVE.search(m.group()) or _PASSIVE.search(t[max(0, m.start() - 12):m.end()]):
                subject, obj = obj, subject     # "X was absorbed by Y": Y is the later one
            after = [d for d in s.dates if m.end() <= d.start <= m.end() + 80]
            d = after[0] if after else date_near(s, m.start(), 200)
            out.append(claim(doc, s, "succession", 0.7, d.date if d else None,
                             subject=subject, object=obj, relation=relation))
    return out
