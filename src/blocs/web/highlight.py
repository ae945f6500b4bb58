"""A document's text cut at every claim boundary, so each piece knows which claims cover
it: the page marks those pieces and anchors each claim where its span starts. Pieces are
plain strings; the template escapes them."""

from __future__ import annotations

from typing import Any

_RANK = {"accepted": 3, "proposed": 2, "rejected": 1}


def segments(text: str, claims: list[dict[str, Any]], focus: set[str] = frozenset()
             ) -> list[dict[str, Any]]:
    """[{text, claims (ids covering it), status (the strongest), anchors (ids starting
    here), focus}] in text order; a sweep over the boundaries, so many claims stay cheap."""
    spans = [(max(0, c["span"][0]), min(len(text), c["span"][1]), c) for c in claims
             if c.get("span") and c["span"][0] < c["span"][1]]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    starts: dict[int, list[dict]] = {}
    for a, b, c in spans:
        starts.setdefault(a, []).append((b, c))
    active: list[tuple[int, dict]] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [(end, c) for end, c in active if end > a]
        new = starts.get(a, [])
        active += new
        covering = [c for _, c in active]
        out.append({
            "text": text[a:b], "start": a,
            "claims": [c["id"] for c in covering],
            "status": max((c["status"] for c in covering), key=lambda s: _RANK.get(s, 0),
                          default=None),
            "anchors": [c["id"] for _, c in new],
            "focus": any(c["id"] in focus for c in covering),
        })
    if not out:
        out.append({"text": text, "start": 0, "claims": [], "status": None, "anchors": [],
                    "focus": False})
    return out
