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


def normalize(original: str) -> Normalized:
    out: list[str] = []
    offs = array("l")
    i, n = 0, len(original)
    text = original
    words: set[str] | None = None
    while i < n:
        m = _BROKEN_WORD.match(text, i) if text[i] == "-" else None
        if m:
            if words is None:
                words = {w.lower() for w in _WORD.findall(text)}
            if _keeps_hyphen(text, m, words):
                out.append("-")
                offs.append(i)
            i = m.end()           # drop the line break (and the hyphen unless it is real)
            continue
        ch = text[i]
        if ch == "\u00ad":        # soft hyphen
            i += 1
            continue
        if ch == "\n":
            # a blank line (paragraph) stays one newline; a single newline is a space
            j = i
            while j < n and text[j] in " \t\n":
                j += 1
            newlines = text.count("\n", i, j)
            rep = "\n" if newlines > 1 else " "
            if rep == "\n" and j < n and text[j].islower() and out and out[-1] not in ".!?:":
                rep = " "     # a page or column break inside a sentence
            if out and out[-1] in (" ", "\n"):
                if rep == "\n":
                    out[-1] = "\n"
                i = j
                continue
            out.append(rep)
            offs.append(i)
            i = j
            continue
        if ch in _SPACE_GLYPHS or ch == "\t":
            ch = " "
        if ch == " " and out and out[-1] in (" ", "\n"):
            i += 1
            continue
        rep = _LIGATURES.get(ch) or _QUOTES.get(ch) or ch
        for r in rep:
            out.append(r)
            offs.append(i)
        i += 1
    offs.append(n)
    return Normalized("".join(out), offs)
