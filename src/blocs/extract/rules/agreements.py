"""Agreement claims: a state signs, ratifies, refuses, accedes to, proposes or adopts a
treaty, an agreement or a proposal."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Mention, Sentence
from .common import Context, claim, date_at, group_at, rx

_ACTIONS = [
    (rx(r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?rati\w*|\bnot\s+(?:yet\s+)?ratified\b|"
        r"\bfailed to ratify\b"), "not_ratified"),
    (rx(r"\brefused to (?:ratify|sign|join)\b|\brejected\b|\bdeclined to (?:sign|ratify)\b"), "refused"),
    (rx(r"\bratif(?:ied|ies|y)\b"), "ratified"),
    (rx(r"\bacceded to\b|\baccession to\b|\bagreed to participate\b|\bjoined\b"), "acceded"),
    (rx(r"\bsigned(?: up to)?\b|\breached an agreement\b|\bconcluded\b|\bsigning of\b"), "signed"),
    (rx(r"\bpropos(?:ed|al|als|es)\b|\bput forward\b|\badvocat\w+\b"), "proposed"),
    (rx(r"\badopted\b|\bintroduced\b|\bapproved\b"), "adopted"),
]
_AGREEMENT_TYPES = {"treaty", "agreement", "proposal"}
_NEG = rx(r"\b(?:not|never|refused to|declined to|failed to|reluctant to|yet to)\s+(?:yet\s+)?$")


def _instruments(s: Sentence) -> list[tuple[Mention, str]]:
    """Treaties and agreements named, with bodies standing for the agreement that creates
    them ("refused to ratify the CORF")."""
    orgs = vocab.organizations()
    creates = {o.establishes: o.id for o in orgs.values() if o.establishes}
    out = []
    for m in s.orgs:
        o = orgs[m.id]
        if o.type in _AGREEMENT_TYPES:
            out.append((m, m.id))
        elif m.id in creates:
            out.append((m, creates[m.id]))
    return out


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not s.states:
        return out       # every claim of this kind has a state as its subject
    t = s.text
    inst = _instruments(s)
    seen: set[tuple[str, str, str]] = set()

    def add(subject: str, obj: str, action: str, date=None, conf: float = 0.7) -> None:
        if (subject, obj, action) in seen:
            return
        seen.add((subject, obj, action))
        out.append(claim(doc, s, "agreement", conf, date, subject=subject, object=obj,
                         action=action))

    for pattern, action in _ACTIONS:
        for m in pattern.finditer(t):
            if action in ("ratified", "signed", "acceded", "adopted") and _NEG.search(
                    t[max(0, m.start() - 25):m.start()]):
                continue
            targets = [(mm, i) for mm, i in inst if 0 <= mm.start - m.end() <= 70]
            if not targets and re.search(r"participate|did so|it\b", m.group() + t[m.end():m.end() + 4]):
                targets = [(mm, i) for mm, i in inst if mm.end <= m.start()][-1:]
            if not targets:
                done = re.search(r"\b(?:was|were|has been|had been)\s+$", t[:m.start()])
                if done:
                    targets = [(mm, i) for mm, i in inst if 0 <= m.start() - mm.end <= 160][-1:]
            if action == "proposed":
                targets += [(mm, i) for mm, i in inst if 0 <= m.start() - mm.end <= 3]
                targets += _proposed_bodies(s, m)
            if not targets:
                continue
            if re.search(r"\b(?:and|but)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|also\s+|then\s+)?$",
                         t[:m.start()]):
                subjects = s.states[:1]     # "X is ... and has signed": X signs
            else:
                subjects = group_at(s, m.start(), after=False, max_gap=60)
            if not subjects:
                subjects = [x for x in s.states if x.end <= m.start()][-1:]
            if not subjects and re.search(r"\b(?:was|were)\s+$", t[:m.start()]):
                subjects = s.states[:1]
            obj = targets[0][1]
            d = date_at(s, m.start(), 80)
            for st in subjects:
                add(st.id if isinstance(st, Mention) else st, obj, action, d)
            if action == "signed" and re.search(r"\bwith\s+$", t[:targets[0][0].start] or "") is None:
                partner = re.search(r"\bagreement with\s+", t[m.start():])
                if partner:
                    others = group_at(s, m.start() + partner.end(), after=True, max_gap=2)
                    for o in others:
                        add(o.id, obj, action, d)

    # "Russia's CFE proposals", "Medvedev's proposals for a European Security Treaty"
    for m in re.finditer(r"'s?\s+(?:(\w+)\s+)?proposals?\b", t):
        owner = [x for x in s.states if x.end == m.start()]
        if not owner:
            continue
        named = [(mm, i) for mm, i in inst if mm.end == m.start(1) + len(m.group(1) or "")
                 or 0 <= mm.start - m.end() <= 20]
        for mm, i in named[:1]:
            add(owner[0].id, i, "proposed")

    # "the 1994 Partnership and Cooperation Agreement" with a party named in the sentence
    for d in s.dates:
        for mm, i in inst:
            if d.prep == "the" and 0 <= mm.start - d.end <= 3 or 0 <= d.start - mm.end <= 60 \
                    and re.fullmatch(r"\s+(?:and\s+[^,.;]{0,40}?\s+)?of\s+", t[mm.end:d.start]):
                parties = [x for x in s.states]
                for p in parties[:1]:
                    add(p.id, i, "signed", d.date, 0.6)
    return out


def _proposed_bodies(s: Sentence, m: re.Match) -> list[tuple[Mention, str]]:
    """`proposed the creation of an ORG`: the organization is what was proposed."""
    tail = s.text[m.end():m.end() + 40]
    if not re.match(r"\s+(?:the\s+)?(?:creation|establishment|formation) of\b", tail, re.I):
        return []
    return [(mm, mm.id) for mm in s.orgs if 0 <= mm.start - m.end() <= 40]
