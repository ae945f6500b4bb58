"""Repair what PDF extraction leaves, keeping an exact map back to the original text.

The original text is what is stored and what every claim's offsets point into; the
normalized text is what the extractor reads. `Normalized.span()` maps a span of the
normalized text back, so a quote is always `original[start:end]`.

Repairs: glyphs standing for spaces (`■`), ligatures (`ﬁ` → `fi`), words hyphenated
across a line break (`mem-\\nber` → `member`, while `post-\\nSoviet` keeps its hyphen
when the second part is capitalised), soft hyphens, and line breaks inside paragraphs
(one newline becomes a space; a blank line stays a paragraph break unless the sentence
runs on across it, as it does over a page or column break).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

_SPACE_GLYPHS = "■□▪\u00a0\u2002\u2003\u2009\u202f"
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"'}
# a hyphen at the end of a line, between two letters: "mem-\nber", "mem- \n ber"
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z])-[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[A-Za-z])")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: array   # offsets[i]: index in the original of normalized char i; one extra at the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalized text[start:end] (end exclusive)."""
        if start >= end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _keeps_hyphen(text: str, m: re.Match, words: set[str]) -> bool:
    """Is the hyphen at a line break a real one? Capitalised second parts
    ("post-\nSoviet") and pairs the document writes with a hyphen elsewhere keep it."""
    left = re.search(r"[A-Za-z]+$", text[max(0, m.start() - 40):m.start()])
    right = re.match(r"[A-Za-z]+", text[m.end():m.end() + 40])
    if not left or not right:
        return False
    if right.group()[0].isupper():
        return True
    hyphenated = f"{left.group()}-{right.group()}".lower()
    joined = (left.group() + right.group()).lower()
    return hyphenated in words and joined not in words


_SPACES = " \t\n" + _SPACE_GLYPHS
# what normalization changes; everything between two matches is copied as it is
_SPECIAL = re.compile(
    _BROKEN_WORD.pattern
    + rf"|[{re.escape(_SPACES)}]{{2,}}|[{re.escape(_SPACES.replace(' ', ''))}]"
    + rf"|[\u00ad{''.join(_LIGATURES)}{''.join(_QUOTES)}]")


def normalize(original: str) -> Normalized:
    """Work only where something changes: runs between changes are copied whole, so the
    cost is per change, not per character."""
    text = original
    out: list[str] = []
    offs = array("l")
    last = ""                 # the last character written
    words: set[str] | None = None
    pos = 0
    for m in _SPECIAL.finditer(text):
        a, b = m.start(), m.end()
        if a > pos:
            out.append(text[pos:a])
            offs.extend(range(pos, a))
            last = text[a - 1]
        pos = b
        tok = m.group()
        ch = tok[0]
        if ch == "-":                                  # a word broken across a line
            if words is None:
                words = {w.lower() for w in _WORD.findall(text)}
            if _keeps_hyphen(text, m, words):
                out.append("-")
                offs.append(a)
                last = "-"
            continue
        if ch == "\u00ad":                             # soft hyphen
            continue
        if ch in _LIGATURES or ch in _QUOTES:
            rep = _LIGATURES.get(ch) or _QUOTES[ch]
            out.append(rep)
            offs.extend([a] * len(rep))
            last = rep[-1]
            continue
        # whitespace: a blank line stays a paragraph break unless the sentence runs on
        rep = "\n" if tok.count("\n") > 1 else " "
        if rep == "\n" and b < len(text) and text[b].islower() and last not in ".!?:":
            rep = " "
        if last in (" ", "\n"):
            if rep == "\n" and last == " ":
                out[-1] = out[-1][:-1] + "\n"
                last = "\n"
            continue
        out.append(rep)
        offs.append(a)
        last = rep
    if pos < len(text):
        out.append(text[pos:])
        offs.extend(range(pos, len(text)))
    offs.append(len(text))
    return Normalized("".join(out), offs)
