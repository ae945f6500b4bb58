"""A one-page brief on an organization or a state as of a day, every fact footnoted to
its source: `brief()` returns the brief as plain data (sections of facts and tables whose
cells carry the numbers of their references, figure specifications, the numbered
reference list); `formats` renders it as HTML, Markdown or PDF.

Organization: what it is (type, founding, predecessor and successor, functions, bodies),
members and roles, changes in the five years before, bodies and commitments with shares,
overlap with its neighbours. State: its memberships, their changes over time, the overlap
of its organizations, its commitments and flows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..dates import on_day
from ..queries import matrix, members, memberships, show, why
from ..store import Store
from ..vocab import groups, roles
from ..vocab import organizations as vocab_orgs
from .cite import References

RECENT_YEARS = 5
NEIGHBOURS = 6
RELATIONS = {"successor_of": "{a} is the successor of {b}", "merged_with": "{a} merged with {b}",
             "grew_out_of": "{a} grew out of {b}",
             "institutionalizes": "{a} institutionalized {b}"}
EVENT_WORDS = {"join": "joined as {after}", "exit": "left ({before})",
               "suspension": "suspended", "resumption": "resumed as {after}",
               "role_change": "{before} → {after}",
               "freeze": "froze its participation as {before}"}


def cell(text: Any, cites: list[int] | None = None) -> dict[str, Any]:
    return {"text": "" if text is None else str(text), "cites": list(cites or [])}


def table(columns: list[str], rows: list[list[dict]], caption: str | None = None,
          note: str | None = None) -> dict[str, Any]:
    return {"caption": caption, "columns": columns, "rows": rows, "note": note}


def section(title: str, facts: list | None = None, tables: list | None = None,
            notes: list[str] | None = None) -> dict[str, Any]:
    return {"title": title, "facts": facts or [], "tables": tables or [], "notes": notes or []}


def role_label(role: str | None, frozen: bool = False, certain: bool = True) -> str:
    r = roles().get(role or "")
    text = r.label if r else (role or "not a member").replace("_", " ")
    return text + (" (frozen)" if frozen else "") + ("" if certain else " (uncertain date)")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _pct(x: Any) -> str:
    return "" if x is None or x != x else f"{float(x) * 100:.1f}%"


def amount(q: Any, unit: str | None) -> str:
    if q is None or q != q:
        return ""
    if unit == "percent":
        return f"{float(q):g}%"
    n = f"{float(q):,.0f}" if float(q) == int(float(q)) else f"{float(q):,.2f}"
    return f"{n} {unit or ''}".strip()


def brief(store: Store, ident: str, on: str | date | None = None) -> dict[str, Any]:
    """The brief on an organization (by id, name or alias) or a state (ISO3 or name)."""
    d = on_day(on)
    info = show(store, ident)
    refs = References(store)
    body = (_organization(store, info, d, refs) if info["kind"] == "organization"
            else _state(store, info, d, refs))
    return {**body, "kind": info["kind"], "id": info["id"], "on": d.isoformat(),
            "references": refs.entries}


def _member_cites(refs: References, store: Store, state: str, org: str, d: date) -> list[int]:
    w = why(store, state, org, d)
    return refs.claims(c["id"] for c in w["claims"] if c["behind_answer"])


def _membership_rows(store, recs, d, refs, first: str) -> list[list[dict]]:
    rows = []
    for m in recs:
        text = role_label(m.role, m.frozen, m.certain)
        if m.conflicts:
            text += "; disputed: " + "; ".join(f"{c['voice']} says {role_label(c['role'])}"
                                               for c in m.conflicts)
        name = m.state_name if first == "state" else f"{m.org_name} ({m.org})"
        rows.append([cell(name), cell(text, _member_cites(refs, store, m.state, m.org, d)),
                     cell(m.since), cell(m.until)])
    return rows


def _event_rows(events, refs: References, label: str) -> list[list[dict]]:
    rows = []
    for e in events.to_dict("records"):
        words = EVENT_WORDS[e["event"]].format(before=role_label(e["before"]) if e["before"]
                                               else "", after=role_label(e["after"]) if
                                               e["after"] else "")
        if e["dissolution"]:
            words += ": the organization ended"
        cites = refs.about(e["sources"], e["state"], e["org"], near=e["date"])
        rows.append([cell(e["date"]), cell(e[label]), cell(words, cites)])
    return rows


# ------------------------------------------------------------------ organization

def _organization(store: Store, info: dict, d: date, refs: References) -> dict[str, Any]:
    oid = info["id"]
    about, bodies = _what_it_is(info, refs)
    commitments, first_body = _commitments(store, oid, bodies, d, refs)
    neighbours, near = _neighbours(store, oid, d, refs)
    sections = [about, _members(store, oid, d, refs), _recent_changes(store, oid, d, refs),
                commitments, neighbours]
    figures = [_fig("timeline", f"{oid}: memberships by role (dashed line: {d})", oid, on=d)]
    if near:
        figures.append(_fig("upset", f"Members {oid} shares with its neighbours on {d}",
                            [oid, *near[:3]], on=d, height=420))
        figures.append(_fig("network", f"{oid} and its neighbours on {d}", [oid, *near[:5]],
                            on=d, height=560))
    if first_body:
        figures.append(_fig("shares", f"Shares of {first_body} on {d}", first_body, on=d))
    return {"title": f"{info['name']} ({oid})", "sections": sections, "figures": figures}


def _what_it_is(info: dict, refs: References) -> tuple[dict, list[str]]:
    """Type, founding (alternatives too), predecessors and successors, functions, bodies."""
    facts = [{"label": "Type", "value": [cell(info["type"])]}]
    if info["parent"]:
        facts.append({"label": "Part of", "value": [cell(info["parent"])]})
    found = [c for c in info["founding"] if c.get("date")]
    if found:
        value = []
        for c in sorted(found, key=lambda c: c["alternative"]):
            text = c["date"] + (f", on the basis of {c['basis']}" if c.get("basis") else "")
            if c["alternative"]:
                text = f"also dated {c['date']}" + (f" ({c['note']})" if c.get("note") else "")
            value.append(cell(text, refs.claims([c["id"]])))
        facts.append({"label": "Founded", "value": value})
    succ = [cell(RELATIONS.get(c["relation"], "{a} " + c["relation"] + " {b}").format(
        a=c["subject"], b=c["object"]) + (f" ({c['date']})" if c.get("date") else ""),
        refs.claims([c["id"]])) for c in info["succession"] if not c["alternative"]]
    if succ:
        facts.append({"label": "Predecessors and successors", "value": succ})
    funcs = [cell(c["domain"].replace("_", " "), refs.claims([c["id"]]))
             for c in info["functions"] if not c["alternative"]]
    if funcs:
        facts.append({"label": "Functions", "value": funcs})
    kinds = vocab_orgs()
    bodies = [b for b in info["bodies"] if b in kinds and kinds[b].type == "body"]
    if bodies:
        facts.append({"label": "Bodies", "value": [
            cell(", ".join(f"{kinds[b].name} ({b})" for b in bodies))]})
    return section("What it is", facts), bodies


def _members(store: Store, oid: str, d: date, refs: References) -> dict:
    recs = members(store, oid, d)
    counted = sum(1 for m in recs if m.role and roles()[m.role].counts_as_member)
    note = (_count(counted, "member") + "; " + _count(len(recs) - counted, "other role")
            + " (observers, partners, suspended or disputed)." if recs
            else f"No state held a role in {oid} on {d}.")
    return section(f"Members and roles on {d}", tables=[table(
        ["State", "Role", "Since", "Until"], _membership_rows(store, recs, d, refs, "state"))],
        notes=[note])


def _recent_changes(store: Store, oid: str, d: date, refs: References) -> dict:
    from ..analysis import change, scope

    start = scope.same_day(d, d.year - RECENT_YEARS)
    events = change.change_events(store, [oid], start, d)
    if events.empty:
        return section(f"Changes, {start} to {d}",
                       notes=["No joins, exits, suspensions or changes of role."])
    return section(f"Changes, {start} to {d}", tables=[
        table(["Date", "State", "Change"], _event_rows(events, refs, "state_name"))])


def _commitments(store: Store, oid: str, bodies: list[str], d: date,
                 refs: References) -> tuple[dict, str | None]:
    """A share table per body (the organization itself or one of its bodies) with
    contributions on the day; the first such body is drawn."""
    from ..analysis import shares

    tables, first = [], None
    for b in shares.bodies_with_contributions(store, oid):
        df = shares.shares(store, b, d)
        if df.empty:
            continue
        first = first or b
        c = shares.concentration_of(df, b)
        rows = [[cell(r["contributor_name"]),
                 cell(amount(r["quantity"], r["unit"]), refs.claims([r["claim_id"]])),
                 cell(_pct(r["share"])), cell(_pct(r["stated_share"]))]
                for r in df.to_dict("records")]
        tables.append(table(["Contributor", "Commitment", "Share", "Of stated total"], rows,
                            caption=f"{b}, as of {d}",
                            note=f"Herfindahl index {c['hhi']:.3f} (≈ "
                                 f"{c['equivalent_contributors']:g} equal contributors)."))
    notes = [] if tables else [
        f"No commitments to {' or '.join([oid, *bodies])} are recorded up to {d}."]
    return section("Bodies and commitments", tables=tables, notes=notes), first


def _neighbours(store: Store, oid: str, d: date, refs: References) -> tuple[dict, list[str]]:
    """The organizations of its groups that share members with it; each shared count is
    footnoted to the sources of those states' memberships in the neighbour."""
    from ..analysis import overlap

    region = _region(oid)
    note = ("Neighbours: the other organizations of its groups (" + ", ".join(
        n for n, g in groups().items() if oid in g["orgs"]) + ")." if region else
        "Neighbours: every organization and forum in the base.")
    title = f"Overlap with its neighbours on {d}"
    nb = overlap.neighbours(store, oid, d, region).head(NEIGHBOURS)
    if nb.empty:
        return section(title, notes=["No other organization shares members with it.",
                                     note]), []
    cells = {(m.state, m.org): m for m in matrix(store, list(nb["org"]), d)}
    rows = []
    for r in nb.to_dict("records"):
        cites = sorted({n for s in r["shared_states"] if (s, r["org"]) in cells
                        for n in refs.about(cells[(s, r["org"])].sources, s, r["org"])})
        rows.append([cell(r["org"]), cell(r["members"]), cell(r["shared"], cites),
                     cell(f"{r['jaccard']:.2f}"), cell(_pct(r["share_of_ours_in_theirs"]))])
    return section(title, tables=[table(
        ["Organization", "Members", "Shared", "Jaccard", f"Of {oid}'s members"], rows)],
        notes=[note]), list(nb["org"])


def _region(oid: str) -> list[str] | None:
    """The organizations of every named group `oid` belongs to (None: it is in none)."""
    found = [o for g in groups().values() if oid in g["orgs"] for o in g["orgs"]]
    return list(dict.fromkeys(found)) or None


def _fig(plot: str, caption: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    kwargs = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in kwargs.items()}
    return {"name": plot, "caption": caption, "plot": plot, "args": list(args),
            "kwargs": {"width": 900, **kwargs}}


# ------------------------------------------------------------------ state

def _state(store: Store, info: dict, d: date, refs: References) -> dict[str, Any]:
    from ..analysis import change

    sid = info["id"]
    facts = [{"label": "Name", "value": [cell(info["name"])]}]
    if info.get("official_name"):
        facts.append({"label": "Official name", "value": [cell(info["official_name"])]})
    if info.get("cow_ccode"):
        facts.append({"label": "Correlates of War code",
                      "value": [cell(f"{info['cow_ccode']} ({info['cow_abbr']})")]})
    if info.get("historical"):
        facts.append({"label": "Historical", "value": [cell("no longer exists")]})
    sections = [section("Who it is", facts)]

    recs = memberships(store, sid, d)
    sections.append(section(f"Memberships on {d}", tables=[table(
        ["Organization", "Role", "Since", "Until"],
        _membership_rows(store, recs, d, refs, "org"))] if recs else [],
        notes=[] if recs else [f"{info['name']} held no role in an organization on {d}."]))

    events = change.change_events(store, change.orgs_of_state(store, sid), None, d, [sid])
    sections.append(section(
        f"Memberships over time, up to {d}",
        tables=[table(["Date", "Organization", "Change"], _event_rows(events, refs, "org"))]
        if not events.empty else [], notes=[] if not events.empty else ["No changes."]))

    mine = [m.org for m in recs if m.role and roles()[m.role].counts_as_member]
    if len(mine) >= 2:
        sections.append(_state_overlap(store, mine, d, refs))
    sections.append(_state_commitments(store, sid, d, refs))
    figures = [_fig("timeline", f"{info['name']}: memberships by role (dashed line: {d})",
                    sid, on=d)]
    if len(mine) >= 2:
        figures.append(_fig("upset", f"Overlap of {info['name']}'s organizations on {d}",
                            mine[:6], on=d, height=420))
    return {"title": f"{info['name']} ({sid})", "sections": sections, "figures": figures}


def _state_overlap(store: Store, orgs: list[str], d: date, refs: References) -> dict:
    """The most overlapping pairs of a state's organizations, each shared count footnoted
    to the sources of the shared states' memberships in both."""
    from ..analysis import overlap

    pairs = overlap.overlap_frame(store, orgs, d).sort_values(
        ["jaccard", "shared"], ascending=False, kind="stable").head(NEIGHBOURS)
    cells = {(m.state, m.org): m for m in matrix(store, orgs, d)}
    rows = []
    for r in pairs.to_dict("records"):
        cites = sorted({n for s in r["shared_states"] for o in (r["a"], r["b"])
                        if (s, o) in cells for n in refs.about(cells[(s, o)].sources, s, o)})
        rows.append([cell(f"{r['a']} and {r['b']}"), cell(r["shared"], cites),
                     cell(f"{r['jaccard']:.2f}")])
    return section(f"Overlap of its organizations on {d}", tables=[
        table(["Pair", "Shared members", "Jaccard"], rows)])


def _state_commitments(store: Store, sid: str, d: date, refs: References) -> dict:
    """Its contributions (with its share of each body on the day) and its flows."""
    from ..analysis import shares

    tables = []
    contrib = shares.contributions(store, contributor=sid)
    contrib = contrib[contrib["date_lo"].isna() | (contrib["date_lo"] <= d.isoformat())]
    if not contrib.empty:
        rows = []
        parts: dict[tuple, Any] = {}        # a body's shares, once per unit
        for r in contrib.to_dict("records"):
            key = (r["object"], r["unit"])
            if key not in parts:
                parts[key] = shares.shares(store, r["object"], d, r["unit"])
            part = parts[key]
            now = part[part["claim_id"] == r["claim_id"]]
            rows.append([cell(r["object"]), cell(r["date"]),
                         cell(amount(r["quantity"], r["unit"]), refs.claims([r["claim_id"]])),
                         cell(_pct(now["share"].iloc[0]) if not now.empty else "(superseded)")])
        tables.append(table(["Body", "Date", "Commitment", f"Share on {d}"], rows,
                            caption="Commitments"))
    fl = shares.flows(store, sid)
    fl = fl[fl["year"].isna() | (fl["year"] <= d.year)]
    if not fl.empty:
        rows = [[cell(r["date"]), cell(f"{r['counterpart_name']} ({r['direction']})"),
                 cell(r["flow"]), cell(amount(r["amount"], r["unit"]),
                                       refs.claims([r["claim_id"]])), cell(r["stage"])]
                for r in fl.to_dict("records")]
        tables.append(table(["Date", "With", "Flow", "Amount", "Stage"], rows, caption="Flows"))
    return section("Commitments and flows", tables=tables,
                   notes=[] if tables else [f"None recorded up to {d}."])
