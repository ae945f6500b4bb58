"""Plots as files (PNG, SVG or PDF, chosen by the file's suffix) or bytes: each function
asks the analyses for its data and draws it with `draw`. The CLI's `blocs plot ...` and
the briefs call these."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ..dates import on_day
from ..errors import BadOutput, UnknownId
from ..store import Store
from . import draw
from ..outfile import check_free, write_bytes

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
WIDTH, HEIGHT = 1000, 600


def fmt_of(path: str | Path) -> str:
    """The image format a file name asks for."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise BadOutput(f"{path}: unknown image type {suffix or '(none)'!r}; "
                        "use .png, .svg or .pdf")
    return FORMATS[suffix]


def render(fig, fmt: str = "png") -> bytes:
    """A figure as PNG, SVG or PDF bytes (reproducible: no timestamps, fixed SVG ids)."""
    import matplotlib

    buf = io.BytesIO()
    meta = {"Software": None} if fmt == "png" else {"Date": None}
    with matplotlib.rc_context({"svg.hashsalt": "blocs", "svg.fonttype": "path"}):
        fig.savefig(buf, format=fmt, dpi=fig.dpi, metadata=meta)
    return buf.getvalue()


def save(fig, path: str | Path, force: bool = False) -> Path:
    """Write a figure to `path` (type from its suffix), atomically; refuses an existing
    file unless `force`."""
    return write_bytes(path, render(fig, fmt_of(path)), force)


def timeline_figure(store: Store, ident: str, on: str | date | None = None,
                    width: int = WIDTH, height: int | None = None):
    """Membership timeline of an organization (a row per state) or a state (a row per
    organization), coloured by role; `on` is marked with a dashed line."""
    from ..analysis import change, scope

    try:
        oid = scope.organization(store, ident)
        spells, label, who = change.membership_spells(store, org=oid), "state_name", oid
    except UnknownId as org_error:
        try:
            spells = change.membership_spells(store, state=ident)
        except UnknownId as state_error:
            raise UnknownId("state or organization", ident,
                            (org_error.suggestions + state_error.suggestions)[:4]) from None
        label, who = "org", spells["state_name"].iloc[0] if not spells.empty else ident
    rows = spells[label].nunique() if not spells.empty else 1
    fig = draw.figure(width, height or min(140 + 26 * rows, 4000))
    draw.timeline(fig, spells, f"{who}: memberships by role", label,
                  mark=on_day(on) if on is not None else None)
    return fig


def upset_figure(store: Store, orgs: Sequence[str], on: str | date | None = None,
                 width: int = WIDTH, height: int = HEIGHT):
    """UpSet plot of the members the organizations (or groups) share on a day."""
    from ..analysis import overlap

    d = on_day(on)
    fig = draw.figure(width, height)
    combos, sizes = overlap.upset_data(store, orgs, d)
    draw.upset(fig, combos, sizes, f"Overlapping memberships on {d}")
    return fig


def network_figure(store: Store, orgs: Sequence[str] | None = None,
                   on: str | date | None = None, all_roles: bool = False,
                   width: int = WIDTH, height: int = 800):
    """The state–organization network on a day."""
    from ..analysis import network

    d = on_day(on)
    g = network.bipartite_graph(store, orgs, d, all_roles)
    fig = draw.figure(width, height)
    draw.network(fig, g, f"States and organizations on {d}"
                 + (" (every role)" if all_roles else " (members)"))
    return fig


def shares_figure(store: Store, body: str, on: str | date | None = None,
                  unit: str | None = None, width: int = 800, height: int | None = None):
    """Each contributor's share of a body, with the Herfindahl index."""
    from ..analysis import scope, shares

    d = on_day(on)
    bid = scope.organization(store, body)
    df = shares.shares(store, bid, d, unit)
    c = shares.concentration_of(df, bid, unit)
    note = (f"Herfindahl {c['hhi']:.3f} ≈ {c['equivalent_contributors']:g} equal contributors"
            if c["hhi"] is not None else None)
    fig = draw.figure(width, height or 160 + 34 * max(len(df), 1))
    unit_s = f" ({c['unit']})" if c["unit"] else ""
    draw.shares(fig, df, f"{bid}: shares of contributions{unit_s} on {d}", note)
    return fig


def centrality_figure(store: Store, orgs: Sequence[str] | None, date_from: str | date,
                      date_to: str | date | None = None, side: str = "states",
                      measure: str = "betweenness", top: int = 6,
                      highlight: str | None = None, all_roles: bool = False,
                      width: int = WIDTH, height: int = HEIGHT):
    """Centrality of the leading states (or organizations) once a year."""
    from ..analysis import network

    if measure not in ("betweenness", "degree_centrality", "degree"):
        raise BadOutput(f"unknown measure {measure!r}: use betweenness, degree_centrality "
                        "or degree")
    series = network.centrality_over_time(store, orgs, date_from, date_to, side, all_roles)
    fig = draw.figure(width, height)
    scope_s = ", ".join(orgs) if orgs else "all organizations"
    draw.centrality(fig, series, measure, f"{measure.replace('_', ' ').capitalize()} "
                    f"of {side} in {scope_s}", top, highlight)
    return fig


KINDS: dict[str, Callable] = {"timeline": timeline_figure, "upset": upset_figure,
                              "network": network_figure, "shares": shares_figure,
                              "centrality": centrality_figure}


def plot(kind: str, store: Store, path: str | Path, *args, force: bool = False,
         **kwargs) -> Path:
    """Draw one of `KINDS` and write it to `path`; the path is checked before drawing."""
    if kind not in KINDS:
        raise BadOutput(f"unknown plot {kind!r}: use {', '.join(KINDS)}")
    fmt_of(path)
    check_free(path, force=force)
    return save(KINDS[kind](store, *args, **kwargs), path, force)
