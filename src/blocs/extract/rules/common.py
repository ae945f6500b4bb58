"""What the rules share: lists of mentions, the organization a sentence is about, dates
near a trigger, and the claim skeleton every rule fills."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ... import vocab
from ...dates import PartialDate
from ..text import Document, Mention, Sentence

_SEP = re.compile(r"^\s*(,|and|or|, and|, or|as well as|&|/|, as well as)\s*(?:the\s+)?$")
_DEMONSTRATIVE = re.compile(r"\b(?:this|that|the latter|the said)\s+(?:organi[sz]ation|grouping|"
                            r"group|bloc|alliance|body|framework|forum|structure|mechanism)\b",
                            re.I)
_ANAPHOR = re.compile(r"\b(it|its|this organi[sz]ation|the organi[sz]ation|the grouping|"
                      r"the group|the bloc|the alliance|the body|the union|the community|"
                      r"the forum|this grouping|this framework|the framework|which)\b", re.I)
ORG_TYPES_FOR_MEMBERSHIP = {"organization", "forum", "body"}


def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def groups(s: Sentence, kinds: tuple[str, ...] = ("state", "org")) -> list[list[Mention]]:
    """Runs of mentions written as a list ("A, B, C and D")."""
    ms = [m for m in s.mentions if m.kind in kinds]
    out: list[list[Mention]] = []
    for m in ms:
        if out and _SEP.match(s.text[out[-1][-1].end:m.start]):
            out[-1].append(m)
        else:
            out.append([m])
    return out


_PREPOSITION = re.compile(r"\b(?:to|with|from|by|of|in|against|towards|toward|for|than|"
                          r"between|on|at)\s+(?:the\s+)?$", re.I)


def group_at(s: Sentence, pos: int, after: bool = True, max_gap: int = 60) -> list[Mention]:
    """The list of states nearest after (or before) position `pos`, within `max_gap` chars.

    Looking back for the subject of a verb, a list behind a preposition ("closer to
    Moscow and joined") is an object, not the subject, and the search goes further back
    (to the sentence's start at most)."""
    best: list[Mention] = []
    fallback: list[Mention] = []
    for g in groups(s):
        states = [m for m in g if m.kind == "state"]
        if not states:
            continue
        if after and g[0].start >= pos and g[0].start - pos <= max_gap:
            return states
        if not after and g[-1].end <= pos:
            object_like = bool(_PREPOSITION.search(s.text[max(0, g[0].start - 16):g[0].start]))
            if pos - g[-1].end <= max_gap:
                if object_like and fallback:
                    best = fallback
                else:
                    best = states
            if not object_like:
                fallback = states
    return best


def is_member_org(m: Mention) -> bool:
    org = vocab.organizations().get(m.id)
    return m.kind == "org" and org is not None and (
        org.type in ORG_TYPES_FOR_MEMBERSHIP or org.has_members)


def org_after(s: Sentence, pos: int, max_gap: int = 80) -> Mention | None:
    for m in s.orgs:
        if m.start >= pos and m.start - pos <= max_gap and is_member_org(m):
            return m
    return None


def org_before(s: Sentence, pos: int) -> Mention | None:
    found = None
    for m in s.orgs:
        if m.end <= pos and is_member_org(m):
            found = m
    return found


@dataclass
class Context:
    """What earlier sentences tell later ones: the organization under discussion."""

    topic: str | None = None
    last_org: str | None = None       # the organization named last ("this organization")
    body: str | None = None          # the last body or fund named (contributions go to it)
    arms_context: bool = False

    def update(self, s: Sentence) -> None:
        bodies = [m for m in s.orgs if vocab.organizations()[m.id].type == "body"]
        if bodies:
            self.body = bodies[-1].id
        self.arms_context = bool(re.search(r"\b(?:arms|weapons|military|helicopters|defen[cs]e)\b",
                                           s.text, re.I))
        orgs = [m for m in s.orgs if is_member_org(m)]
        if orgs:
            self.last_org = orgs[-1].id
            anaphor = _ANAPHOR.search(s.text)
            if anaphor and anaphor.start() < orgs[0].start and self.topic:
                return      # "It ... merged with X": the sentence is still about the topic
            self.topic = orgs[0].id


def resolve_org(s: Sentence, ctx: Context, pos: int, prefer: str = "after") -> tuple[str | None, float]:
    """The organization a relation at `pos` is about, and how sure we are."""
    first = org_after(s, pos) if prefer == "after" else org_before(s, pos)
    if first:
        return first.id, 0.9
    second = org_before(s, pos) if prefer == "after" else org_after(s, pos)
    if second:
        return second.id, 0.8
    if ctx.last_org and _DEMONSTRATIVE.search(s.text):
        return ctx.last_org, 0.65
    if ctx.topic and _ANAPHOR.search(s.text):
        return ctx.topic, 0.65
    if ctx.topic:
        return ctx.topic, 0.5
    return None, 0.0


def date_near(s: Sentence, pos: int, window: int = 120):
    """The date closest to `pos` in the sentence (within `window` characters), or None;
    dates inside a name ("Programme 2005-2015") do not count."""
    best, dist = None, window + 1
    for d in s.dates:
        if any(m.start <= d.start < m.end for m in s.mentions):
            continue
        gap = d.start - pos if d.start >= pos else pos - d.end
        if gap < dist:
            best, dist = d, gap
    return best


def date_at(s: Sentence, pos: int, window: int = 120) -> PartialDate | None:
    """The date of `date_near`, for a rule that needs only the date, not where it is."""
    d = date_near(s, pos, window)
    return d.date if d else None


def claim(doc: Document, s: Sentence, kind: str, confidence: float, date=None,
          span: tuple[int, int] | None = None, **fields: Any) -> dict[str, Any]:
    """A claim dict in the spec's format, its span the sentence (or part of it)."""
    start, end = doc.span(s, *(span or (0, len(s.text))))
    c: dict[str, Any] = {"kind": kind, **{k: v for k, v in fields.items() if v is not None}}
    if date is not None:
        c.update(date.to_dict())
    if doc.doc_date:
        c["stated_as_of"] = doc.doc_date.isoformat()
    c["source"] = {"doc": doc.doc_id, "start": start, "end": end}
    c["quote"] = doc.original[start:end]
    c["confidence"] = round(confidence, 2)
    c["status"] = "proposed"
    return c
