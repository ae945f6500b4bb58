"""Figures drawn from the analyses' DataFrames with matplotlib's object API (no pyplot, so
no display and no global state): a membership timeline, an UpSet plot, the bipartite
network, share bars and centrality over time. `plots` saves them; briefs embed them."""

from __future__ import annotations

from datetime import date
from typing import Any

# One colour per role (colour-blind-safe Okabe–Ito hues, darker for full membership).
ROLE_COLOURS = {
    "founding_member": "#0b4f8a", "member": "#2f7fc1", "participant": "#56b4e9",
    "associate_member": "#009e73", "observer": "#e69f00", "dialogue_partner": "#f0e442",
    "partner": "#cc79a7", "applicant": "#999999", "suspended": "#d55e00",
}
ROLE_ORDER = list(ROLE_COLOURS)
INK, FAINT = "#222222", "#d9d9d9"
DPI = 100


def figure(width: int, height: int, dpi: int = DPI):
    """A blank figure `width` x `height` pixels at `dpi`."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")


def _role_legend(ax, roles_seen: set[str], frozen: bool = False, **kw: Any) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=ROLE_COLOURS.get(r, "#777777"), label=r.replace("_", " "))
               for r in ROLE_ORDER + sorted(roles_seen - set(ROLE_ORDER)) if r in roles_seen]
    if frozen:
        handles.append(Patch(facecolor="white", edgecolor=INK, hatch="///", label="frozen"))
    if handles:
        ax.legend(handles=handles, fontsize="small", frameon=False, **kw)


def _nothing(ax, title: str, message: str) -> None:
    """An empty plot that says why it is empty."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    ax.set_title(title, loc="left")


def timeline(fig, spells, title: str, label: str = "state_name", until: date | None = None,
             mark: date | None = None) -> None:
    """A Gantt chart: a row per state (or organization), a bar per spell coloured by role,
    hatched while frozen; open spells run to `until` (today); `mark` draws a day."""
    import matplotlib.dates as mdates

    ax = fig.add_subplot()
    until = until or date.today()
    if spells.empty:
        return _nothing(ax, title, "No membership recorded")
    first = spells.groupby(label)["start_day"].min().sort_values(kind="stable")
    rows = list(first.index)
    y = {name: i for i, name in enumerate(rows)}
    seen: set[str] = set()
    any_frozen = False
    for sp in spells.to_dict("records"):
        start = date.fromisoformat(sp["start_day"])
        end = date.fromisoformat(sp["end_day"]) if sp["end_day"] else until
        if end <= start:
            continue
        x0 = mdates.date2num(start)
        ax.broken_barh([(x0, mdates.date2num(end) - x0)], (y[sp[label]] - 0.38, 0.76),
                       facecolors=ROLE_COLOURS.get(sp["role"], "#777777"),
                       edgecolor=INK if sp["frozen"] else "none",
                       hatch="///" if sp["frozen"] else None, linewidth=0.4)
        seen.add(sp["role"])
        any_frozen = any_frozen or bool(sp["frozen"])
    if mark:
        ax.axvline(mdates.date2num(mark), color=INK, linewidth=0.8, linestyle="--")
    ax.set_yticks(range(len(rows)), rows, fontsize="small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", color=FAINT, linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, loc="left")
    _role_legend(ax, seen, any_frozen, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def upset(fig, combos, sizes, title: str) -> None:
    """An UpSet plot: bars of exclusive combinations above a dot matrix of which
    organizations make each, set sizes on the left."""
    orgs = list(sizes.index)
    if combos.empty:
        return _nothing(fig.add_subplot(), title, "No members on that day")
    n = len(combos)
    gs = fig.add_gridspec(2, 2, width_ratios=[1, max(3, n / 2)],
                          height_ratios=[2, max(1, len(orgs) / 3)])
    bars = fig.add_subplot(gs[0, 1])
    dots = fig.add_subplot(gs[1, 1], sharex=bars)
    setbars = fig.add_subplot(gs[1, 0], sharey=dots)
    xs = list(range(n))
    counts = list(combos["count"])
    bars.bar(xs, counts, color=INK, width=0.6)
    for x, c in zip(xs, counts):
        bars.text(x, c, str(c), ha="center", va="bottom", fontsize="small")
    bars.set_ylabel("states")
    bars.set_ylim(0, max(counts) * 1.18)
    bars.tick_params(axis="x", bottom=False, labelbottom=False)
    for ax in (bars, dots):
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for j, org in enumerate(orgs):
        inside = [bool(v) for v in combos[org]]
        dots.scatter([x for x, i in zip(xs, inside) if not i], [j] * inside.count(False),
                     s=60, color=FAINT, zorder=2)
        dots.scatter([x for x, i in zip(xs, inside) if i], [j] * inside.count(True),
                     s=60, color=INK, zorder=3)
    for x, row in zip(xs, combos[orgs].to_dict("records")):
        ys = [j for j, o in enumerate(orgs) if row[o]]
        if len(ys) > 1:
            dots.plot([x, x], [min(ys), max(ys)], color=INK, linewidth=2, zorder=2)
    dots.set_yticks(range(len(orgs)), orgs)
    dots.set_ylim(len(orgs) - 0.5, -0.5)
    dots.set_xlim(-0.6, n - 0.4)
    dots.tick_params(axis="x", bottom=False, labelbottom=False)
    dots.tick_params(axis="y", left=False, labelleft=True)
    for side in ("left", "bottom"):
        dots.spines[side].set_visible(False)
    setbars.barh(range(len(orgs)), list(sizes.values), color="#777777", height=0.5)
    setbars.invert_xaxis()
    setbars.set_xlabel("members")
    setbars.tick_params(axis="y", left=False, labelleft=False)
    for side in ("top", "left"):
        setbars.spines[side].set_visible(False)
    fig.suptitle(title, x=0.02, ha="left")


def network(fig, graph, title: str, seed: int = 7) -> None:
    """The state–organization graph: organizations as dark labels, states as circled ISO3
    codes, edges coloured by role (a fixed seed keeps the layout stable)."""
    import networkx as nx

    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No memberships on that day", ha="center", va="center")
        return
    pos = nx.spring_layout(graph, seed=seed, k=1.6 / max(graph.number_of_nodes(), 1) ** 0.5)
    seen: set[str] = set()
    for a, b, d in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.plot([x1, x2], [y1, y2], color=ROLE_COLOURS.get(d["role"], "#777777"),
                linewidth=1.4 if d["role"] in ("member", "founding_member") else 1.0,
                alpha=0.75, linestyle="--" if d.get("frozen") else "-", zorder=1)
        seen.add(d["role"])
    for n, kind in graph.nodes(data="kind"):
        org = kind == "organization"
        ax.annotate(n, pos[n], ha="center", va="center", zorder=3,
                    fontsize="small" if org else "x-small", fontweight="bold" if org else None,
                    color="white" if org else INK,
                    bbox={"boxstyle": "round,pad=0.35" if org else "circle,pad=0.25",
                          "facecolor": INK if org else "white", "edgecolor": INK,
                          "linewidth": 0.8})
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.12, max(xs) + 0.12)
    ax.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
    _role_legend(ax, seen, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def shares(fig, df, title: str, note: str | None = None) -> None:
    """Horizontal bars: each contributor's share, largest on top, with its value."""
    ax = fig.add_subplot()
    if df.empty:
        return _nothing(ax, title, "No contributions recorded")
    ax.set_title(title, loc="left")
    labels = list(df["contributor_name"])
    values = [float(v) * 100 for v in df["share"]]
    ys = range(len(labels))
    ax.barh(ys, values, color=ROLE_COLOURS["member"], height=0.6)
    for y, v in zip(ys, values):
        ax.text(v, y, f" {v:.1f}%", va="center", fontsize="small")
    ax.set_yticks(list(ys), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(0, max(values) * 1.2 if values else 1)
    ax.set_xlabel("share of what the listed contributors commit (%)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if note:
        ax.text(1.0, 0.02, note, transform=ax.transAxes, ha="right", va="bottom",
                fontsize="small", color="#555555")


def centrality(fig, series, measure: str, title: str, top: int = 6,
               highlight: str | None = None) -> None:
    """Lines over the years for the `top` nodes with the highest mean of `measure`."""
    ax = fig.add_subplot()
    if series.empty:
        return _nothing(ax, title, "No memberships in that period")
    ax.set_title(title, loc="left")
    wide = series.pivot_table(index="year", columns="id", values=measure, aggfunc="first")
    wide = wide.fillna(0.0)
    leaders = list(wide.mean().sort_values(ascending=False, kind="stable").index[:top])
    if highlight and highlight in wide.columns and highlight not in leaders:
        leaders.append(highlight)
    names = dict(zip(series["id"], series["name"]))
    for node in leaders:
        bold = node == highlight
        ax.plot(wide.index, wide[node], marker="o", markersize=3,
                linewidth=2.4 if bold else 1.3, label=f"{names.get(node, node)} ({node})")
    ax.set_xlabel("year")
    ax.set_ylabel(measure.replace("_", " "))
    ax.grid(color=FAINT, linewidth=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
