"""Score extracted claims against gold claims, by the matching rules of the claims spec.

Two claims match when kind, subject, object (for kinds that have one) and the kind's key
field are equal and their spans overlap; dates (where both give one) agree to the coarser
precision; numbers (where both give one) agree within 1%. Each claim matches at most one
on the other side (a maximum bipartite matching).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import vocab
from .claims import Claim

HARD_FACTS = ("membership", "founding", "succession", "contribution", "flow")
_WITH_OBJECT = {k for k, v in vocab.kinds().items() if "object" in v.required}
_DATE_CHARS = {"day": 10, "month": 7, "year": 4, "decade": 3}


def _date_of(c: Claim) -> tuple[str, str] | None:
    for f in ("date", "valid_from"):
        if f in c.data:
            return str(c.data[f]), c.data.get("date_precision") or "day"
    return None


def dates_agree(a: Claim, b: Claim) -> bool:
    da, db = _date_of(a), _date_of(b)
    if da is None or db is None:
        return True
    n = min(_DATE_CHARS.get(da[1], 10), _DATE_CHARS.get(db[1], 10))
    return da[0][:n] == db[0][:n]


def numbers_agree(a: Claim, b: Claim) -> bool:
    for f in ("quantity", "amount", "total"):
        x, y = a.get(f), b.get(f)
        if isinstance(x, (int, float)) and isinstance(y, (int, float)):
            if abs(x - y) > 0.01 * max(abs(x), abs(y)):
                return False
    return True


def spans_overlap(a: Claim, b: Claim) -> bool:
    sa, sb = a.span, b.span
    return sa is not None and sb is not None and sa[0] < sb[1] and sb[0] < sa[1]


def matches(gold: Claim, got: Claim) -> bool:
    if gold.kind != got.kind or gold.subject != got.subject:
        return False
    if gold.kind in _WITH_OBJECT and gold.object != got.object:
        return False
    if any(gold.get(k) != got.get(k) for k in vocab.kinds()[gold.kind].key):
        return False
    return spans_overlap(gold, got) and dates_agree(gold, got) and numbers_agree(gold, got)


def _max_matching(gold: list[Claim], got: list[Claim]) -> list[tuple[int, int]]:
    """Maximum bipartite matching (augmenting paths; the lists are small per kind)."""
    edges = [[j for j, e in enumerate(got) if matches(g, e)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class Score:
    name: str
    gold: int
    extracted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"kind": self.name, "gold": self.gold, "extracted": self.extracted,
                "matched": self.matched, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Evaluation:
    scores: list[Score]
    matched: list[tuple[Claim, Claim]]
    missed: list[Claim]
    spurious: list[Claim]

    def by_name(self) -> dict[str, Score]:
        return {s.name: s for s in self.scores}


def evaluate(gold: Iterable[Claim], got: Iterable[Claim]) -> Evaluation:
    """Per-kind, hard-fact and overall precision, recall and F1."""
    g_by, e_by = defaultdict(list), defaultdict(list)
    for c in gold:
        g_by[c.kind].append(c)
    for c in got:
        e_by[c.kind].append(c)
    scores, pairs, missed, spurious = [], [], [], []
    for kind in vocab.kinds():
        gs, es = g_by.get(kind, []), e_by.get(kind, [])
        m = _max_matching(gs, es)
        scores.append(Score(kind, len(gs), len(es), len(m)))
        pairs += [(gs[i], es[j]) for i, j in m]
        mi, mj = {i for i, _ in m}, {j for _, j in m}
        missed += [g for i, g in enumerate(gs) if i not in mi]
        spurious += [e for j, e in enumerate(es) if j not in mj]
    hard = [s for s in scores if s.name in HARD_FACTS]
    scores.append(Score("hard facts", sum(s.gold for s in hard), sum(s.extracted for s in hard),
                        sum(s.matched for s in hard)))
    kinds_only = scores[:len(vocab.kinds())]
    scores.append(Score("all", sum(s.gold for s in kinds_only),
                        sum(s.extracted for s in kinds_only), sum(s.matched for s in kinds_only)))
    return Evaluation(scores, pairs, missed, spurious)
