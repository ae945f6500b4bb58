"""What organizations do: a domain named near an organization and a phrase of purpose
("focused on", "aimed at", "seeks to", "covers", "functions of", ...)."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Sentence
from .common import Context, claim, rx

_PURPOSE = rx(r"\b(?:focus(?:es|s|ed|sed|ses|ing)? on|aim(?:s|ed)? (?:at|to)|seeks? to|sought to|"
              r"covers?|covering|address(?:es|ing)|remit|functions? of|centred on|centered on|"
              r"agenda (?:of|includes)|tool for|responsible for|dedicated to|deals? with|"
              r"tasked with|mandate|to facilitate|in order to|specialises in|specializes in|"
              r"administered by|political voice|taken on|taken up)\b")
# "APEC and ARF, dialogue mechanisms": the purpose is a noun phrase naming the organizations
_KIND_OF = rx(r"\b(?:dialogue|security|economic|trade|financial|customs) (?:mechanisms?|"
              r"platforms?|forums?|frameworks?|institutions?|organi[sz]ations?|bodies|alliance)\b")
_DOMAINS = [
    ("nontraditional_security", rx(r"\bnon-?traditional security|\bterroris\w*|\bextremis\w*|"
                                   r"\bseparatis\w*|\bnarcotics?|\bdrug (?:trafficking|smuggling)|"
                                   r"\bnon-?military solutions|\bthree evils|\borgani[sz]ed crime")),
    ("military_security", rx(r"\bmilitary (?:coordination|cooperation|alliance|integration)|"
                             r"\btraditional military|\bcollective (?:defen[cs]e|security)|"
                             r"\bdefen[cs]e cooperation|\bmilitary\b(?! solutions)")),
    ("customs", rx(r"\bcustoms\b")),
    ("energy", rx(r"\benergy\b")),
    ("infrastructure", rx(r"\binfrastructure|\blarge-scale projects")),
    ("cultural_humanitarian", rx(r"\bcultural|\bhumanitarian")),
    ("financial", rx(r"\bfinancial\b|\bfund\b|\bcrisis fund|\bbank\b|\badministered by")),
    ("border_settlement", rx(r"\bborder (?:issues|disputes|settlement|questions)|\bsettlement of border")),
    ("political_dialogue", rx(r"\bdialogue\b|\bpolitical voice|\bdiplomatic\b|\binternational affairs")),
    ("economic", rx(r"\becono\w*|\btrade\b|\bfree movement|\bsingle market|\bcommon market|"
                    r"\bgoods\b|\binvestment")),
]
_CLAUSE = re.compile(r"\s*(?:;|, while |, whereas | while | whereas |, but )\s*")


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    orgs_all = [o for o in s.orgs if vocab.organizations()[o.id].type
                not in ("treaty", "agreement", "proposal")]
    if not orgs_all:
        return out
    seen: set[tuple[str, str]] = set()
    pos = 0
    for part in _CLAUSE.split(s.text):
        start = s.text.find(part, pos)
        pos = start + len(part)
        orgs = [o for o in orgs_all if start <= o.start < start + len(part)]
        if not orgs:
            continue
        for m in _PURPOSE.finditer(part):
            p = start + m.start()
            if m.group().lower() == "administered by":
                subjects = [o for o in orgs if 0 <= o.start - (start + m.end()) <= 10]
                window = "financial"
            else:
                subjects = _subjects_before(s, orgs, p)
                window = s.text[p:p + 110]
            _add(out, doc, s, subjects, window, seen)
        for m in _KIND_OF.finditer(part):
            p = start + m.start()
            near = [o for o in orgs if abs(o.start - p) <= 70]
            _add(out, doc, s, near, m.group(), seen)
    return out


def _subjects_before(s: Sentence, orgs, pos: int):
    """The organization (or list of them) the purpose phrase is about: the nearest before."""
    before = [o for o in orgs if o.end <= pos and pos - o.end <= 70]
    if not before:
        return []
    group = [before[-1]]
    for o in reversed(before[:-1]):
        if re.fullmatch(r"\s*(?:,|and|, and)\s*", s.text[o.end:group[0].start]):
            group.insert(0, o)
        else:
            break
    return group


def _add(out, doc, s, subjects, window: str, seen) -> None:
    for domain, pattern in _DOMAINS:
        if not pattern.search(window):
            continue
        if domain == "military_security" and re.search(r"non-?military", window, re.I) and \
                not re.search(r"traditional military", window, re.I):
            continue
        for o in subjects:
            if (o.id, domain) in seen:
                continue
            seen.add((o.id, domain))
            out.append(claim(doc, s, "function", 0.55, subject=o.id, domain=domain))
