"""What organizations do: a domain named near an organization and a phrase of purpose
("focused on", "aimed at", "seeks to", "covers", "functions of", ...)."""

from __future__ import annotations

import re
from typing import Any

from ... import vocab
from ..text import Document, Sentence
from .common import Context, claim, rx

_PURPOSE = rx(r"\b(?:focus(?:s|ed|sed|ses|ing)? on|aim(?:s|ed)? (?:at|to)|seeks? to|sought to|"
              r"covers?|covering|address(?:es|ing)|remit|functions?|centred on|centered on|"
              r"agenda|tool for|mechanisms?|platforms?|administered by|responsible for|"
              r"dedicated to|deals? with|develop(?:ment|ing)? of|forming|promot\w+|"
              r"coordinat\w+|cooperation|collaboration|challenge of|to facilitate|"
              r"solidarity|voice)\b")
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
    ("economic", rx(r"\becono\w*|\btrade\b")),
]
_CLAUSE = re.compile(r"\s*(?:;|, while |, whereas | while | whereas |, but )\s*")


def rules(doc: Document, s: Sentence, ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    orgs_all = [o for o in s.orgs if vocab.organizations()[o.id].type != "treaty"
                and vocab.organizations()[o.id].type not in ("agreement", "proposal")]
    if not orgs_all:
        return out
    seen: set[tuple[str, str]] = set()
    pos = 0
    for part in _CLAUSE.split(s.text):
        start = s.text.find(part, pos)
        pos = start + len(part)
        if not _PURPOSE.search(part):
            continue
        orgs = [o for o in orgs_all if start <= o.start < start + len(part)]
        if not orgs:
            continue
        for domain, pattern in _DOMAINS:
            if not pattern.search(part):
                continue
            if domain == "military_security" and re.search(r"non-?military", part, re.I) and \
                    not re.search(r"traditional military", part, re.I):
                continue
            subjects = orgs
            for o in subjects:
                if (o.id, domain) in seen:
                    continue
                seen.add((o.id, domain))
                out.append(claim(doc, s, "function", 0.55, subject=o.id, domain=domain))
    return out
