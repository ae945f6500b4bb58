"""Contributions (an actor commits a quantity to a body) and flows (money, goods or arms
between two actors)."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Mention, Sentence
from .common import Context, claim, date_at, rx

_CONTRIB = rx(r"\b(?:contribut\w*|suppl(?:y|ying|ies|ied)|provid\w*|pledg\w*|commit\w*|"
              r"allocat\w*|put up|putting up|accounts? for|accounted for)\b")
_OF_WHOLE = rx(r"^\s*of\s+(?:the|a|an|its)?\s*$")
_TOTAL = rx(r"\b(?:of\s+)?(?:a|the)?\s*total(?:\s+of)?\s*$")
_EACH = rx(r"^\s*each\b")
_STAGE = [(rx(r"\b(?:expected|will|plans?|planned|to increase|aims?)\b"), "expected"),
          (rx(r"\b(?:discuss\w*|consider\w*|propos\w*|offer\w*|negotiat\w*|prospective|"
              r"possibility)\b"), "proposed"),
          (rx(r"\b(?:signed|agreed|concluded|contract)\b"), "agreed"),
          (rx(r"\b(?:sold|delivered|received|provided|disbursed|supplied|transferred)\b"),
           "delivered")]
_ARMS = rx(r"\b(?:arms|weapons?|helicopters?|aircraft|fighters?|jets?|tanks?|missiles?|"
           r"submarines?|frigates?|warships?|military (?:equipment|hardware|cooperation)|"
           r"naval forces|defence equipment|Mi-\d+|Su-\d+|MiG-\d+)\b")
_ARMS_DEAL = rx(r"\b(?:arms|weapons?|military)\s+(?:sales?|deals?|contracts?|exports?|supplies|"
                r"purchases?|cooperation)\b|\bcontract\b|\bassistance in develop\w*")
_SALE = rx(r"\b(?:sold|sells?|selling|deliver\w*|export\w*|suppl(?:y|ied|ies)|purchas\w*|"
           r"bought|buy\w*)\b")
_FLOW_OF = {"loan": "loan", "loans": "loan", "credit": "credit", "credits": "credit",
            "aid": "aid", "assistance": "aid", "grant": "aid", "grants": "aid",
            "investment": "investment", "investments": "investment"}


def _actors(s: Sentence) -> list[Mention]:
    return [m for m in s.mentions if m.kind == "state" or
            vocab.organizations()[m.id].type in ("organization", "forum")]


def _stage(text: str) -> str | None:
    for p, stage in _STAGE:
        if p.search(text):
            return stage
    return None


def contributions(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = s.text
    qs = [q for q in s.quantities if q.unit in ("USD", "EUR", "RUB", "percent", "troops", "")]
    if not qs or not _CONTRIB.search(t):
        return out
    unit_default = next((q.unit for q in qs if q.unit), "")
    totals = {id(q) for q in qs if _TOTAL.search(t[max(0, q.start - 20):q.start])}
    # "7,000 of the 15,000 troops": the second figure is the whole
    for a_, b_ in zip(qs, qs[1:]):
        if _OF_WHOLE.match(t[a_.end:b_.start]) and (a_.unit == b_.unit or not a_.unit):
            totals.add(id(b_))
    # a force/fund "of N" named before the first trigger is the whole
    first_trigger = _CONTRIB.search(t)
    whole = [q for q in qs if q.end <= first_trigger.start() and q.unit in ("troops", "USD")]
    total = None
    if whole:
        total = whole[0].value
        totals.add(id(whole[0]))
    explicit_totals = [q for q in qs if id(q) in totals]
    if explicit_totals:
        total = explicit_totals[-1].value
    parts = [q for q in qs if id(q) not in totals]
    if not parts:
        return out
    target = _target(s, ctx, first_trigger.start())
    if not target:
        return out
    actors = [m for m in _actors(s) if m.id != target]
    events = sorted([("m", m.start, m) for m in actors] + [("q", q.start, q) for q in parts],
                    key=lambda e: e[1])
    pending: list[Mention] = []
    for kind, pos, item in events:
        if pos < first_trigger.start() - 60:
            continue
        if kind == "m":
            if pending and not re.fullmatch(r"\s*(,|and|, and)\s*", t[pending[-1].end:item.start]):
                pending = []
            pending.append(item)
            continue
        if not pending:
            continue
        unit = item.unit or unit_default
        if not unit:
            continue
        each = bool(_EACH.match(t[item.end:item.end + 8]))
        whole_total = 100.0 if unit == "percent" else total
        joint = [p.id for p in pending] if len(pending) > 1 and not each else None
        for p in pending:
            out.append(claim(doc, s, "contribution", 0.75, subject=p.id, object=target,
                             quantity=_num(item.value), unit=unit,
                             total=_num(whole_total) if whole_total else None,
                             approximate=True if item.approximate else None,
                             joint_with=[j for j in joint if j != p.id] if joint else None,
                             modality="expected" if re.search(r"\bexpected\b|\bwill\b|\bto be\b", t)
                             else None))
        pending = []
    return out


def _target(s: Sentence, ctx: Context, pos: int) -> str | None:
    """The body receiving contributions: named in the sentence (not as the contributor
    right before the verb), else the one in focus."""
    bodies = [m for m in s.orgs if vocab.organizations()[m.id].type in ("body", "forum",
                                                                        "organization")]
    before = [m for m in bodies if m.end <= pos and not
              re.fullmatch(r"\s*(?:\w+\s+){0,3}", s.text[m.end:pos])]
    if before:
        return before[-1].id
    after = [m for m in bodies if m.start > pos]
    if after:
        return after[-1].id       # "... of the peacekeeping force of the CSTO"
    if ctx.body:
        return ctx.body
    return bodies[0].id if bodies else None


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


_TRADE_WITH = rx(r"\btrade\s+(?:turnover\s+)?with\b")
_TRADE_BETWEEN = rx(r"\btrade\s+(?:turnover\s+)?between\s+")
_GAVE = rx(r"\b(?:provided|gave|granted|extended|offered|lent|allocated)\s+")
_PAIR_TRADE = re.compile(r"([A-Z][\w.]*)-([A-Z][\w.]*)\s+trade\b")


def flows(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not s.states:
        return out       # a flow always has a state on one side
    t = s.text
    money = [q for q in s.quantities if q.unit in ("USD", "EUR", "RUB")]
    by_pos = {m.start: m for m in s.mentions}

    # A's trade with B (and C) ... $X (and $Y respectively)
    for m in _TRADE_WITH.finditer(t):
        owner = [x for x in _actors(s) if x.end <= m.start() and m.start() - x.end <= 40]
        if not owner:
            continue
        partners = []
        for x in _actors(s):
            if x.start >= m.end() and (not partners and x.start - m.end() <= 25 or partners and
                                       re.fullmatch(r"\s*(,|and|, and)\s*", t[partners[-1].end:x.start])):
                partners.append(x)
        nxt = _TRADE_WITH.search(t, m.end())
        stop = nxt.start() if nxt else len(t)
        amounts = [q for q in money if q.start > m.end() and q.start < stop + 200]
        if nxt:
            amounts = [q for q in amounts if q.start < nxt.start()] or amounts
        if "respectively" in t[m.end():] and len(amounts) >= len(partners):
            pairs = list(zip(partners, amounts))
        else:
            pairs = [(p, amounts[0] if amounts else None) for p in partners]
        stage = "expected" if re.search(r"\b(?:increase|plans?|target|by \d{4}|expected)\b",
                                         t[max(0, m.start() - 40):m.end()], re.I) else None
        for p, q in pairs:
            d = date_at(s, q.start if q else m.start(), 200)
            out.append(claim(doc, s, "flow", 0.75, d, subject=owner[-1].id,
                             object=p.id, flow="trade", amount=_num(q.value) if q else None,
                             unit=q.unit if q else None, stage=stage,
                             approximate=True if q and q.approximate else None))

    # "trade between A and B amounted to $X"
    for m in _TRADE_BETWEEN.finditer(t):
        pair = [x for x in _actors(s) if x.start >= m.end()][:2]
        if len(pair) == 2 and re.fullmatch(r"\s+and\s+(?:the\s+)?", t[pair[0].end:pair[1].start]):
            q = next((q for q in money if q.start > pair[1].end), None)
            if q is not None:
                d = date_at(s, q.start, 200)
                out.append(claim(doc, s, "flow", 0.7, d,
                                 subject=pair[0].id, object=pair[1].id, flow="trade",
                                 amount=_num(q.value), unit=q.unit,
                                 approximate=True if q.approximate else None))

    # "Moscow agreed to lend Minsk $3 billion"
    for m in re.finditer(r"\b(?:lend|lends|lent|loaned|loan)\s+", t, re.I):
        giver = [x for x in s.states if x.end <= m.start() and m.start() - x.end <= 30]
        taker = by_pos.get(m.end())
        q = next((q for q in money if taker and 0 <= q.start - taker.end <= 10), None)
        if giver and taker is not None and taker.kind == "state" and q is not None:
            d = date_at(s, q.start, 200)
            out.append(claim(doc, s, "flow", 0.7, d, subject=giver[-1].id,
                             object=taker.id, flow="loan", amount=_num(q.value), unit=q.unit,
                             stage=_stage(t)))

    # "China provided Kyrgyzstan with a $1 billion credit"
    for m in _GAVE.finditer(t):
        giver = [x for x in s.states if x.end <= m.start() and m.start() - x.end <= 30]
        taker = by_pos.get(m.end())
        if not giver or taker is None or taker.kind != "state":
            continue
        tail = t[taker.end:taker.end + 60]
        km = re.match(r"\s+with\s+(?:an?\s+)?(?:\S+\s+){0,4}?(loans?|credits?|aid|assistance|grants?)\b",
                      tail, re.I)
        q = next((q for q in money if taker.end <= q.start <= taker.end + 40), None)
        if km and q is not None:
            d = date_at(s, q.start, 200)
            out.append(claim(doc, s, "flow", 0.7, d, subject=giver[-1].id,
                             object=taker.id, flow=_FLOW_OF[km.group(1).lower()],
                             amount=_num(q.value), unit=q.unit, stage=_stage(t)))

    # "Russian-ASEAN trade was $4.5 billion"
    for m in _PAIR_TRADE.finditer(t):
        a = by_pos.get(m.start(1))
        b = by_pos.get(m.start(2))
        if not a or not b:
            continue
        q = next((q for q in money if q.start > m.end()), None)
        if q is None:
            continue          # "A-B trade" with no figure says nothing checkable
        d = date_at(s, m.start(), 200)
        out.append(claim(doc, s, "flow", 0.7, d, subject=a.id, object=b.id,
                         flow="trade", amount=_num(q.value) if q else None,
                         unit=q.unit if q else None))

    # "$2 billion loan to Kyrgyzstan, $500 million credit to Armenia"
    lender = None
    for q in money:
        kind_word = re.match(r"\s*(?:[\w-]+\s+)?(loans?|credits?|aid|assistance|grants?|investments?)\b",
                             t[q.end:], re.I)
        flow_kind = _FLOW_OF.get(kind_word.group(1).lower()) if kind_word else None
        dest_m = re.match(r"\s*(?:[\w-]+\s+){0,3}?to\s+", t[q.end:])
        if not dest_m:
            continue
        dest = by_pos.get(q.end + dest_m.end())
        if dest is None or dest.kind != "state":
            continue
        if lender is None:
            cands = [x for x in s.states if x.end <= q.start and x.id != dest.id]
            lender = cands[0] if cands else None
        if lender is None:
            continue
        if flow_kind is None:
            flow_kind = out[-1]["flow"] if out and out[-1]["flow"] in ("loan", "credit", "aid") \
                else None
        if flow_kind is None:
            continue
        d = date_at(s, q.start, 200)
        out.append(claim(doc, s, "flow", 0.7, d, subject=lender.id,
                         object=dest.id, flow=flow_kind, amount=_num(q.value), unit=q.unit,
                         stage=_stage(t)))

    # "US military aid to Tbilisi"
    for m in re.finditer(r"\b(aid|assistance)\s+to\s+", t, re.I):
        dest = by_pos.get(m.end())
        giver = [x for x in s.states if x.end <= m.start() and m.start() - x.end <= 25]
        if dest and giver and not any(c["object"] == dest.id and c["flow"] == "aid" for c in out):
            out.append(claim(doc, s, "flow", 0.6, subject=giver[-1].id, object=dest.id,
                             flow="aid", stage=_stage(t) or "delivered"))

    # arms: "sold helicopters to X", "arms sales", "contract" in a military context; a
    # sentence listing several deals is read clause by clause
    pos = 0
    for clause in re.split(r",\s+and\s+|;\s+", t):
        start = t.find(clause, pos)
        pos = start + len(clause)
        out += _arms(doc, s, ctx, start, start + len(clause), money)
    return out


def _arms(doc: Document, s: Sentence, ctx: Context, a: int, b: int, money) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = s.text[:b]
    clause = s.text[a:b]
    money = [q for q in money if a <= q.start < b]
    if _ARMS_DEAL.search(clause) or (_ARMS.search(clause) and _SALE.search(clause)) or (
            ctx.arms_context and re.search(r"\bcontract\b", clause, re.I)):
        states = [x for x in s.states if a <= x.start < b]
        sold = re.search(r"\b(sold|sells|sell|deliver\w*|export\w*|supplied)\b", t, re.I)
        bought = re.search(r"\b(bought|buys|buy|purchased|purchases|acquired|ordered|imported)\b",
                           clause, re.I)
        seller = buyer = None
        if bought and not sold:
            b0 = a + bought.start()
            before = [x for x in states if x.end <= b0]
            source = [x for x in states if x.start > b0 and
                      re.search(r"\bfrom\s+$", s.text[max(0, x.start - 8):x.start])]
            if before and source:
                seller, buyer = source[0], before[-1]
        if sold:
            before = [x for x in states if x.end <= sold.start()]
            after = [x for x in states if x.start > sold.end() and
                     re.search(r"\bto\s+$", t[max(0, x.start - 6):x.start])]
            if before and after:
                seller, buyer = before[-1], after[0]
        ids = list(dict.fromkeys(x.id for x in states))
        if seller is None and len(ids) == 2:
            seller = states[0]         # "the leaders of X and Y", "between X and Y"
            buyer = next(x for x in states if x.id != seller.id)
        if seller and buyer:
            q = next((q for q in money), None)
            d = date_at(s, q.start if q else a, 300)
            out.append(claim(doc, s, "flow", 0.55, d, subject=seller.id,
                             object=buyer.id, flow="arms_sale",
                             amount=_num(q.value) if q else None, unit=q.unit if q else None,
                             stage=_stage(clause)))
    return out
