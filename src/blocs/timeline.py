"""From membership claims to spells: who held which role from when to when, per voice.

Each voice (the reference data as a whole, one document, one imported dataset) gets its
own timeline per state and organization; voices are never merged, so a disagreement
stays a disagreement. Events are applied in date order:

- `join` opens a spell in its role (a join in another role while a spell is open is a
  change of role); `leave` closes it; `suspend` turns it into `suspended` until
  `resume`; `freeze` keeps the role but marks it frozen until `resume`;
- `state` (a document says the role holds as of a date) opens a spell at that date
  if none is open;
- a document stops speaking after the date it speaks from: its open spells end
  `silent`, not `leave`. After a `leave` it states an absence (role `none`). So does a
  complete voice whose source speaks as of a day (an imported dataset that ends in 2014).

Claims whose modality is not `actual` (planned, proposed, negated) and alternatives
make no spells; they stay visible to `why`. The reference voice is strict: an event that cannot apply (leaving a body one is not in,
joining twice in one role) is an error naming the data file and line.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from .claims import Claim
from .dates import PartialDate, next_day
from .errors import DataError
from .vocab import role_class

_EVENT_ORDER = {"leave": 0, "suspend": 1, "freeze": 1, "resume": 2, "join": 3, "state": 4}


@dataclass
class MembershipClaim:
    """A membership claim with what the timeline needs of its source."""

    claim: Claim
    voice: str
    precedence: int
    complete: bool
    origin: str | None = None
    stated_as_of: str | None = None
    claim_id: str | None = None      # known when read from the store: no need to hash again

    @cached_property
    def id(self) -> str:
        return self.claim_id or self.claim.id

    @cached_property
    def when(self) -> PartialDate | None:
        d = self.claim.date
        if d is None and self.claim.get("event") == "state":
            as_of = self.claim.stated_as_of or self.stated_as_of
            return PartialDate.parse(as_of, "day") if as_of else None
        return d


@dataclass
class Spell:
    state: str
    org: str
    role: str
    start: PartialDate
    voice: str
    precedence: int
    frozen: bool = False
    end: PartialDate | None = None
    end_kind: str | None = None          # leave | silent | None (ongoing)
    stated_as_of: str | None = None
    claim_ids: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    run_since: PartialDate | None = None     # start of the run of this role class
    run_until: PartialDate | None = None     # its end, where one is known

    def __post_init__(self) -> None:
        self.run_since = self.start

    def add(self, mc: MembershipClaim) -> None:
        if mc.id not in self.claim_ids:
            self.claim_ids.append(mc.id)
        if mc.claim.doc not in self.source_ids:
            self.source_ids.append(mc.claim.doc)

    def row(self) -> dict:
        e = self.end
        return {
            "state": self.state, "org": self.org, "role": self.role, "frozen": self.frozen,
            "start": self.start.value, "start_precision": self.start.precision,
            "start_qualifier": self.start.qualifier,
            "start_lo": self.start.lo.isoformat(), "start_hi": self.start.hi.isoformat(),
            "end": e.value if e else None, "end_precision": e.precision if e else None,
            "end_qualifier": e.qualifier if e else None,
            "end_lo": e.lo.isoformat() if e else None, "end_hi": e.hi.isoformat() if e else None,
            "end_kind": self.end_kind, "voice": self.voice, "precedence": self.precedence,
            "stated_as_of": self.stated_as_of,
            "claim_ids": json.dumps(self.claim_ids), "source_ids": json.dumps(self.source_ids),
            "run": json.dumps({"since": _pd(self.run_since), "until": _pd(self.run_until)}),
        }


def _pd(d: PartialDate | None) -> list | None:
    return [d.value, d.precision, d.qualifier] if d else None


def _contradiction(mc: MembershipClaim, problem: str) -> DataError:
    file, _, line = (mc.origin or "?").rpartition(":")
    return DataError(file or mc.origin or "?", int(line) if line.isdigit() else None,
                     "event", problem)


def _overlap(a: PartialDate, b: PartialDate) -> bool:
    """Two dates that can mean the same day (a source confirming another)."""
    return a.lo <= b.hi and b.lo <= a.hi


def _corroborate(spell: Spell, at: PartialDate, mc: MembershipClaim) -> None:
    """A second source for a spell's start; the more precise date is kept."""
    if (at.hi - at.lo) < (spell.start.hi - spell.start.lo):
        spell.start = at
    spell.add(mc)


def pair_spells(events: list[MembershipClaim]) -> list[Spell]:
    """The spells one voice states for one state in one organization."""
    dated = [e for e in events if e.when is not None]
    if not dated:
        return []
    first = dated[0]
    c0 = first.claim
    strict = first.complete
    state, org, voice, prec = c0.subject, c0.object, first.voice, first.precedence
    dated.sort(key=lambda e: (e.when.lo, e.when.hi, _EVENT_ORDER[e.claim.get("event")]))
    spells: list[Spell] = []
    current: Spell | None = None
    before_suspend: tuple[str, bool] | None = None

    def open_(role: str, at: PartialDate, mc: MembershipClaim, frozen: bool = False) -> Spell:
        s = Spell(state, org, role, at, voice, prec, frozen=frozen)
        s.add(mc)
        spells.append(s)
        return s

    def close(at: PartialDate, kind: str, mc: MembershipClaim) -> None:
        current.end, current.end_kind = at, kind
        current.add(mc)

    for mc in dated:
        ev, role, at = mc.claim.get("event"), mc.claim.get("role"), mc.when
        live = current is not None and current.role != "none"
        if ev in ("join", "state"):
            if live and role_class(current.role) == role_class(role):
                if ev == "join" and _overlap(at, current.start):
                    _corroborate(current, at, mc)
                elif ev == "join" and strict:
                    raise _contradiction(mc, f"{state} joins {org} as {role} on {at} but is "
                                         f"already {current.role} since {current.start}")
                else:
                    current.add(mc)
                continue
            if current is not None:
                close(at, "change" if live else "leave", mc)
            current = open_(role, at, mc)
        elif ev == "leave":
            last = spells[-1] if spells else None
            if not live and last and last.end_kind == "leave" and _overlap(at, last.end):
                last.add(mc)      # a second source for the same departure
                continue
            if not live:
                if strict:
                    raise _contradiction(mc, f"{state} leaves {org} on {at} without "
                                         "being in it")
            else:
                close(at, "leave", mc)
            current = None if strict else open_("none", at, mc)
        elif ev == "suspend":
            if live and current.role == "suspended" and _overlap(at, current.start):
                current.add(mc)
                continue
            if not live or current.role == "suspended":
                if strict:
                    raise _contradiction(mc, f"{state} is suspended from {org} on {at} "
                                         "without being in it")
                if current is None:
                    current = open_("suspended", at, mc)
                continue
            before_suspend = (current.role, current.frozen)
            close(at, "change", mc)
            current = open_("suspended", at, mc)
        elif ev == "freeze":
            if not live or current.frozen:
                if strict:
                    raise _contradiction(mc, f"{state} freezes its part in {org} on {at} "
                                         "without an active role")
                continue
            close(at, "change", mc)
            current = open_(current.role, at, mc, frozen=True)
        elif ev == "resume":
            if live and current.role == "suspended" and before_suspend:
                close(at, "change", mc)
                current = open_(before_suspend[0], at, mc, frozen=before_suspend[1])
                before_suspend = None
            elif live and current.frozen:
                close(at, "change", mc)
                current = open_(current.role, at, mc)
            elif strict:
                raise _contradiction(mc, f"{state} resumes in {org} on {at} but was "
                                     "neither suspended nor frozen")
    _link_runs(spells)
    if first.complete and first.stated_as_of:
        # an imported dataset speaks up to the day its data reaches (COW v3: 2014)
        _close_silent(spells, first.stated_as_of, date.fromisoformat(first.stated_as_of))
    elif not first.complete:
        as_of = max((e.claim.stated_as_of or e.stated_as_of or "") for e in dated) or None
        last = max(e.when.hi for e in dated)
        speaks_until = max(date.fromisoformat(as_of), last) if as_of else last
        _close_silent(spells, as_of, speaks_until)
    return spells


def _close_silent(spells: list[Spell], as_of: str, last: date) -> None:
    end = PartialDate(next_day(last).isoformat(), "day")
    for s in spells:
        s.stated_as_of = as_of
        if s.end is None:
            s.end, s.end_kind = end, "silent"


def _link_runs(spells: list[Spell]) -> None:
    """Spells that follow each other in one role class (a freeze, a founding member's
    spell) form one run: `since`/`until` answer for the run, not the piece."""
    for i, sp in enumerate(spells):
        prev = spells[i - 1] if i else None
        if prev is not None and prev.end_kind == "change" and prev.end == sp.start and \
                role_class(prev.role) == role_class(sp.role):
            sp.run_since = prev.run_since
    for i in range(len(spells) - 1, -1, -1):
        sp, nxt = spells[i], spells[i + 1] if i + 1 < len(spells) else None
        if nxt is not None and sp.end_kind == "change" and sp.end == nxt.start and \
                role_class(nxt.role) == role_class(sp.role):
            sp.run_until = nxt.run_until
        elif sp.end is not None and sp.end_kind != "silent":
            sp.run_until = sp.end


def derive(claims: Iterable[MembershipClaim]) -> list[Spell]:
    """Every voice's spells for every pair; alternatives and undated events are skipped."""
    groups: dict[tuple[str, str, str], list[MembershipClaim]] = defaultdict(list)
    for mc in claims:
        if mc.claim.kind != "membership" or mc.claim.alternative:
            continue
        if mc.claim.get("modality", "actual") != "actual":
            continue    # planned, expected, proposed or negated: not a spell
        groups[(mc.voice, mc.claim.subject, mc.claim.object)].append(mc)
    out: list[Spell] = []
    for key in sorted(groups):
        out.extend(pair_spells(groups[key]))
    return out
