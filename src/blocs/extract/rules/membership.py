"""Membership claims: who is, joins, leaves, suspends, freezes, observes, applies.

Each rule finds a trigger phrase, the list of states it is about (before or after it),
and the organization (named near the trigger, else the one the text is about)."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Sentence
from .common import (_ANAPHOR, Context, claim, date_at, group_at, is_member_org, org_after,
                     org_before, resolve_org, rx)

_ROLE_NOUNS = [
    (rx(r"\bdialogue partners?\b"), "dialogue_partner"),
    (rx(r"\bobservers?(?:[- ]states?| status| countries)?\b"), "observer"),
    (rx(r"\bassociate(?:d)? members?\b"), "associate_member"),
    (rx(r"\bpartners?\b"), "partner"),
    (rx(r"\bcandidates?\b|\bapplicants?\b|\baspirants?\b"), "applicant"),
]
# ORG ... <trigger> LIST  (composition)
_COMPOSED = rx(r"\b(?:is|are|was|were)?\s*(?:made up of|composed of|consists? of|comprises?|"
               r"comprising|includes?|including|refers? to|brings? together|unites|"
               r"members? (?:states? )?(?:are|were|include))\b")
# LIST <verb> ORG
_JOIN = rx(r"\b(?:has |have |had |to |later |only |subsequently |then |also )*"
           r"(?:joined|joins|joining|join|re-?joined|returned to|"
           r"bec(?:ame|ome) (?:a |an |the )?(?:\w+ )?(?:full[- ]?fledged |full )?"
           r"members?(?: states?| countries| nations)?(?: of)?|(?:was|were) admitted(?: to| into)?|"
           r"acceded to|accession to|entered)\b")
_LEAVE = rx(r"\b(?:has |have |had |later |then |subsequently )*(?:left|leaves|withdrew(?: from)?|"
            r"withdraws(?: from)?|quit|quits|pulled out of|exited|dropped out of|"
            r"(?:announced|completed) (?:its|their) withdrawal from|withdrawal from)\b")
_SUSPEND = rx(r"\b(?:suspended|suspends|suspend|suspension of)\s+(?:its|their|her|his)?\s*"
              r"(?:membership|participation)\b|\bsuspended\b")
_FREEZE = rx(r"\b(?:froze|frozen|freezes|freeze|freezing)\s+(?:of\s+)?(?:its|their)?\s*"
             r"(?:membership|participation)\b")
_OBSERVER = rx(r"\b(?:is|are|was|were|be|been)\s+(?:not\s+|no longer\s+|never\s+)?"
               r"(?:an?\s+|the\s+)?(?:official\s+)?"
               r"(observers?(?:[- ]states?)?|dialogue partners?|associate members?|"
               r"founding members?|(?:full )?members?|member[- ]states?|applicants?|candidates?)\b")
_MEMBERS_OF = rx(r"\b(?:the\s+)?(founding\s+|full\s+)?members?(?:[- ]states?| countries)?\s+of\b"
                 r"[^.;]{1,80}?\b(?:are|were|include|included|comprise|are now)\b")
_CHANGED_TO = rx(r"\b(?:downgraded|upgraded|changed|reduced|raised|converted)\s+(?:its|their)\s+"
                 r"[^.;]{0,40}?(?:membership|status|participation)\s+[^.;]{0,30}?\bto\s+(?:an?\s+)?"
                 r"(associate member|observer|full member|member|dialogue partner|partner)")
_STATUS_GRANTED = rx(r"\b(?:granted|received|obtained|given|gained|acquired)\s+"
                     r"(observer|dialogue partner|associate member|partner)(?:ship)?\s+status\b")
_APPLY = rx(r"\b(?:promised? to admit|pledged? to admit|decision to admit|"
            r"(?:promise|pledge) of accession for|interest in joining|(?:applied|application|"
            r"bid|aspirations?|ambitions?) (?:for membership (?:of|in)|to join)|"
            r"applied to join|applied for membership)\b")
_POSSESSIVE = rx(r"'s?\s+(?:full\s+)?(membership|participation)\b")
_PARTICIPATES = rx(r"\b(?:only\s+)?(?:participates?|participated|takes? part|took part)\s+in\b")
_PERIOD = rx(r"\b(from|since|between)\s+")
_ENDED = rx(r"\b(?:ended|ceased|lapsed|was terminated|was suspended|came to an end)\b")
_NEGATION = rx(r"\b(?:not|never|no longer)\b")
_ROLE_WORD = {"observer": "observer", "dialogue partner": "dialogue_partner",
              "associate member": "associate_member", "partner": "partner",
              "member": "member", "applicant": "applicant", "candidate": "applicant"}


def _role_from(word: str) -> str:
    w = word.lower().replace("-", " ")
    for key, role in _ROLE_WORD.items():
        if w.startswith(key):
            return role
    if w.startswith("founding member"):
        return "founding_member"
    return "member"


def _emit(out: list, doc: Document, s: Sentence, states, org: str | None, conf: float,
          role: str, event: str, date=None, modality: str | None = None) -> None:
    if not org:
        return
    for st in states:
        out.append(claim(doc, s, "membership", conf, date if event != "state" else None,
                         subject=st.id, object=org, role=role, event=event,
                         modality=modality))


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not s.states:
        return out       # every claim of this kind has a state as its subject
    t = s.text
    negated = bool(_NEGATION.search(t))

    for m in _COMPOSED.finditer(t):
        states = group_at(s, m.end(), after=True, max_gap=12)
        if not states:
            continue
        org, conf = resolve_org(s, ctx, m.start(), prefer="before")
        between = t[max(0, m.start() - 60):m.start()]
        role = next((r for p, r in _ROLE_NOUNS if p.search(between)), "member")
        _emit(out, doc, s, states, org, conf, role, "state")

    for m in _MEMBERS_OF.finditer(t):
        states = group_at(s, m.end(), after=True, max_gap=12)
        inside = [o for o in s.orgs if m.start() <= o.start < m.end()]
        if states and inside:
            role = "founding_member" if (m.group(1) or "").strip() == "founding" else "member"
            _emit(out, doc, s, states, inside[0].id, 0.9, role, "state")

    for m in _CHANGED_TO.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=30)
        org, conf = _org_for_status(s, ctx, m)
        inside = [o for o in s.orgs if m.start() <= o.start < m.end()]
        if inside:
            org, conf = inside[0].id, 0.85
        d = date_at(s, m.end(), 60)
        _emit(out, doc, s, states, org, conf, _role_from(m.group(1).replace("full ", "")),
              "join", d)

    for m in re.finditer(r"\(([^()]*)\)", t):
        inner = m.group(1)
        if not re.search(r"\bplus\b|\+", inner, re.I):
            continue
        host = [o for o in s.orgs if o.end <= m.start() and m.start() - o.end <= 25]
        if host:
            states = [x for x in s.states if m.start() < x.start < m.end()]
            _emit(out, doc, s, states, host[-1].id, 0.85, "member", "state")

    for m in _JOIN.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=40)
        if not states or _NOT_YET.search(t[max(0, m.start() - 30):m.start()]):
            continue
        if any(_is_instrument(o.id) for o in s.orgs if 0 <= o.start - m.end() <= 40):
            continue      # acceding to a treaty is an agreement, not a membership
        org, conf = resolve_org(s, ctx, m.end(), prefer="after")
        d = date_at(s, m.start())
        _emit(out, doc, s, states, org, conf, _join_role(t, m.end()), "join",
              d, "negated" if negated else None)

    for m in re.finditer(r"\bmembership\b", t, re.I):
        pre = t[max(0, m.start() - 80):m.start()]
        g = re.search(r"(granted|gave|offered)\s+([^,;]*?)\s+$", pre, re.I)
        if not g:
            continue
        states = [x for x in s.states if m.start() - 80 <= x.start < m.start()]
        org, conf = _granting_org(s, ctx, g.start() + max(0, m.start() - 80))
        d = date_at(s, m.start(), 200)
        _emit(out, doc, s, states, org, conf, "member", "join", d)

    for m in _LEAVE.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=40)
        if not states:
            continue
        org, conf = resolve_org(s, ctx, m.end(), prefer="after")
        d = date_at(s, m.start())
        _emit(out, doc, s, states, org, conf, "member", "leave", d)

    for m in _SUSPEND.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=90) or \
            [x for x in s.states if x.end <= m.start()][-1:]
        if not states:
            continue
        org, conf = _org_for_status(s, ctx, m)
        d = date_at(s, m.end(), 60)
        _emit(out, doc, s, states, org, conf, "member", "suspend", d)

    for m in _FREEZE.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=60)
        org, conf = _org_for_status(s, ctx, m)
        d = date_at(s, m.start())
        _emit(out, doc, s, states, org, conf, "member", "freeze", d)

    for m in _OBSERVER.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=10)
        if not states or _JOIN.search(t[m.start():m.end()]):
            continue
        role = _role_from(m.group(1))
        org, conf = _org_for_status(s, ctx, m)
        negated = "negated" if _NEGATION.search(m.group()) else None
        span = _PERIOD.search(t, m.end())
        if not (span and span.start() - m.end() <= 60):
            span = re.match(r"\s*(?:ever\s+)?(since)\s+", t, re.I)   # "Since 2015, X has been ..."
        if span and not negated and (span.start() < m.start() or span.start() - m.end() <= 60):
            # "was a member of X from 2006 to 2012", "an observer since 2004"
            dates = [d for d in s.dates if span.end() <= d.start <= span.end() + 25]
            if dates:
                _emit(out, doc, s, states, org, conf, role, "join", dates[0].date)
                until = [d for d in s.dates if 0 < d.start - dates[0].end <= 12 and re.fullmatch(
                    r"\s*(?:to|until|till|and|-|–)\s*", t[dates[0].end:d.start])]
                if until and span.group(1).lower() in ("from", "between"):
                    _emit(out, doc, s, states, org, conf, role, "leave", until[0].date)
                continue
        _emit(out, doc, s, states, org, conf, role, "state", modality=negated)

    for m in _STATUS_GRANTED.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=40)
        org, conf = _org_for_status(s, ctx, m)
        d = date_at(s, m.start())
        _emit(out, doc, s, states, org, conf, _role_from(m.group(1)), "join", d)

    for m in _APPLY.finditer(t):
        states = group_at(s, m.end(), after=True, max_gap=15) or \
            group_at(s, m.start(), after=False, max_gap=25)
        org, conf = resolve_org(s, ctx, m.end(), prefer="after")
        if "admit" in m.group().lower() or "accession for" in m.group().lower():
            org, conf = resolve_org(s, ctx, m.start(), prefer="before")
        _emit(out, doc, s, states, org, conf, "applicant", "state")

    for m in _POSSESSIVE.finditer(t):
        states = [x for x in s.states if x.end <= m.start() and t[x.end:m.start()] in ("'", "")]
        if not states:
            continue
        org, conf = resolve_org(s, ctx, m.end(), prefer="after")
        ended = _ENDED.search(t, m.end(), min(len(t), m.end() + 50))
        if ended:
            d = date_at(s, ended.end(), 40)
            _emit(out, doc, s, states, org, conf, "member",
                  "suspend" if "suspend" in ended.group().lower() else "leave", d)
            continue
        _emit(out, doc, s, states, org, conf, "member", "state")

    for m in _PARTICIPATES.finditer(t):
        states = group_at(s, m.start(), after=False, max_gap=25)
        if not states:
            continue
        orgs = [o for o in s.orgs if o.start > m.end()]
        for o in orgs:
            _emit(out, doc, s, states, o.id, 0.7, "member", "state")
    return out


_NOT_YET = rx(r"\b(?:interest in|aspirations? to|bid to|wants? to|wish(?:es)? to|plans? to|"
               r"seeks? to|intends? to|hopes? to|desire to|application to|promised? to|"
               r"refused to|declined to|reluctan\w+ to|would|could|might|may)\s+$")


def _is_instrument(oid: str) -> bool:
    o = vocab.organizations()[oid]
    return o.type in ("treaty", "agreement", "proposal") and not o.has_members


def _granting_org(s: Sentence, ctx: Context, pos: int) -> tuple[str | None, float]:
    """Who grants membership: an organization before the verb, else the one the text is
    about (when the subject is "it"), else one after."""
    before = org_before(s, pos)
    if before:
        return before.id, 0.85
    if ctx.topic and _ANAPHOR.search(s.text[:pos]):
        return ctx.topic, 0.7
    after = org_after(s, pos)
    return (after.id, 0.6) if after else (ctx.topic, 0.5)


def _join_role(t: str, pos: int) -> str:
    tail = t[pos:pos + 60].lower()
    m = re.search(r"\bas (?:an? )?(observer|dialogue partner|associate member|partner|full member|member)", tail)
    return _role_from(m.group(1).replace("full ", "")) if m else "member"


def _org_for_status(s: Sentence, ctx: Context, m: re.Match) -> tuple[str | None, float]:
    """`in/of ORG` right after the phrase, else the first organization of the sentence,
    else the one under discussion."""
    after = [o for o in s.orgs if 0 <= o.start - m.end() <= 12]
    if after:
        return after[0].id, 0.9
    first = [o for o in s.orgs if is_member_org(o)]
    if first:
        return first[0].id, 0.75
    return (ctx.topic, 0.55) if ctx.topic else (None, 0.0)
