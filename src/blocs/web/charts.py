"""Geometry for the charts the pages draw as SVG on the server (no script needed to see
them): a Gantt of membership spells and bars of shares. Numbers only; the templates
draw them, and every label passes through the template's escaping."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ..dates import PartialDate
from .templating import role_css, role_label, source_href

LABEL_W = 190        # the row labels' column
PLOT_W = 820         # the time axis
ROW_H = 22           # a row: the shown spell's bar, then a thin bar per other voice
THIN_H = 5


def _day(value: str | None, precision: str | None, end: bool = False) -> date | None:
    if not value:
        return None
    try:
        pd = PartialDate.parse(value, precision)
    except Exception:       # a malformed stored date must not break a page
        return None
    return pd.hi if end else pd.lo


def gantt(spells: list[dict[str, Any]], group: str, sources: dict[str, dict],
          row_href, today: date | None = None) -> dict[str, Any]:
    """Rows keyed by `group` ('state' on an organization's page, 'org' on a state's);
    the preferred voice's spells full height, each other voice's as a thin bar below."""
    today = today or date.today()
    spans = []
    for s in spells:
        a = _day(s["start"], s["start_precision"])
        if a is None:
            continue
        b = _day(s["end"], s["end_precision"]) or today
        if s["end_kind"] == "silent":     # the source stops speaking on the day it speaks from
            said = [(sources.get(i) or {}).get("stated_as_of") for i in s["sources"]]
            b = max((date.fromisoformat(x) for x in said if x), default=a)
        spans.append((s, a, max(a, b)))
    if not spans:
        return {"rows": [], "ticks": [], "width": LABEL_W + PLOT_W, "height": 0}
    lo = date(min(a for _, a, _ in spans).year, 1, 1)
    hi = today
    total = max((hi - lo).days, 1)

    def x(d: date) -> float:
        return round(LABEL_W + PLOT_W * (d - lo).days / total, 1)

    by_row: dict[str, list] = defaultdict(list)
    names: dict[str, str] = {}
    for s, a, b in spans:
        by_row[s[group]].append((s, a, b))
        names[s[group]] = s.get("state_name", s[group]) if group == "state" else s[group]
    rows, y = [], 24
    for key in sorted(by_row, key=lambda k: (min(a for _, a, _ in by_row[k]), k)):
        voices = sorted({s["voice"] for s, _, _ in by_row[key] if not s["preferred"]})
        bars = []
        for s, a, b in by_row[key]:
            lane = 0 if s["preferred"] else 1 + voices.index(s["voice"])
            src = sources.get(s["sources"][0]) if s["sources"] else None
            end_text = s["end"] or (f"{b} (as far as it says)" if s["end_kind"] == "silent"
                                    else "open")
            css = [role_css(s["role"]), "" if s["start_precision"] == "day" else "imprecise",
                   "frozen" if s["frozen"] else "", "" if lane == 0 else "thin"]
            titles = "; ".join((sources.get(i) or {}).get("title", i) for i in s["sources"])
            bars.append({
                "x": x(a), "w": max(round(x(b) - x(a), 1), 4.0),
                "y": y + 3 if lane == 0 else y + 16 + (lane - 1) * (THIN_H + 1),
                "h": 12 if lane == 0 else THIN_H,
                "css": " ".join(c for c in css if c),
                "href": source_href(src, s["state"], s["org"]),
                "title": f"{names[key]} · {role_label(s['role'], s['frozen'])} · {s['start']} → "
                         f"{end_text} · {s['voice']}"
                         + ("" if s["preferred"] else " (not the shown answer)") + f" · {titles}",
            })
        height = ROW_H + (len(voices) * (THIN_H + 1))
        rows.append({"key": key, "label": names[key], "sub": key if group == "state" else "",
                     "href": row_href(key), "y": y, "h": height, "bars": bars})
        y += height
    step = 1 if (hi.year - lo.year) <= 12 else 5 if (hi.year - lo.year) <= 60 else 10
    ticks = [{"x": x(date(yr, 1, 1)), "label": str(yr)}
             for yr in range(lo.year + (-lo.year) % step, hi.year + 1, step)]
    return {"rows": rows, "ticks": ticks, "width": LABEL_W + PLOT_W, "height": y + 6,
            "today_x": x(today), "top": 24, "label_w": LABEL_W}


def share_bars(contributions: list[dict[str, Any]], sources: dict[str, dict]
               ) -> list[dict[str, Any]]:
    """Contribution claims grouped into charts (same unit, total and date): each
    contributor's share of the total the source gives, or of the sum when it gives none."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for c in contributions:
        if c.get("quantity") is None:
            continue
        groups[(c.get("unit") or "", c.get("total"), c.get("date") or "")].append(c)
    charts = []
    for (unit, total, when), cs in sorted(groups.items(), key=lambda kv: (kv[0][2], kv[0][0])):
        whole = total or (sum(c["quantity"] for c in cs) if unit != "percent" else 100)
        bars = []
        for i, c in enumerate(sorted(cs, key=lambda c: -c["quantity"])):
            share = (c["quantity"] / whole) if whole else 0
            src = sources.get(c["source"]["id"], c["source"])
            bars.append({"subject": c["subject"], "quantity": c["quantity"], "share": share,
                         "w": round(max(share, 0) * 100, 2), "y": i * 26,
                         "href": source_href(src, claim=c["id"]),
                         "source": c["source"]["title"], "note": c.get("note"),
                         "alternative": c.get("alternative", False)})
        charts.append({"unit": unit, "total": total, "date": when, "bars": bars,
                       "height": len(bars) * 26})
    return charts
