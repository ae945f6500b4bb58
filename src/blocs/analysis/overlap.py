"""Overlap between organizations as DataFrames: pairs on a day, a square matrix, a yearly
series, the exclusive combinations and set sizes an UpSet plot draws, and an
organization's neighbours.

Built on `queries.overlap` and `queries.member_sets` (members are the roles that count as
membership unless `roles_counted` says otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..queries import member_sets, overlap
from ..store import Store
from . import scope

PAIR_COLUMNS = ["a", "b", "size_a", "size_b", "shared", "jaccard", "containment_a_in_b",
                "containment_b_in_a", "shared_states"]
MEASURES = ("jaccard", "shared", "containment")


def overlap_frame(store: Store, orgs: Sequence[str], on: str | date | None = None,
                  roles_counted: set[str] | None = None):
    """Every pair of the organizations (or groups) given, with what they share on a day."""
    import pandas as pd

    ids = scope.organizations(store, orgs)
    rows = [r.to_dict() for r in overlap(store, ids, on, roles_counted)]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def overlap_matrix(store: Store, orgs: Sequence[str], on: str | date | None = None,
                   measure: str = "jaccard", roles_counted: set[str] | None = None):
    """A square organization x organization table of one measure. `containment` reads
    row-wise: the share of the row's members that are also in the column."""
    import pandas as pd

    if measure not in MEASURES:
        from ..errors import BadOutput

        raise BadOutput(f"unknown measure {measure!r}: use {', '.join(MEASURES)}")
    ids = scope.organizations(store, orgs)
    sets = member_sets(store, ids, on, roles_counted)
    table = {}
    for a in ids:
        sa = sets.get(a, set())
        row = {}
        for b in ids:
            sb = sets.get(b, set())
            shared = len(sa & sb)
            if measure == "shared":
                row[b] = shared
            elif measure == "jaccard":
                row[b] = round(shared / len(sa | sb), 4) if sa | sb else 0.0
            else:
                row[b] = round(shared / len(sa), 4) if sa else 0.0
        table[a] = row
    return pd.DataFrame.from_dict(table, orient="index").reindex(index=ids, columns=ids)


def overlap_over_time(store: Store, orgs: Sequence[str], date_from: str | date,
                      date_to: str | date | None = None, roles_counted: set[str] | None = None):
    """The pairs of `overlap_frame` once a year (the day and month of `date_from`)."""
    import pandas as pd

    ids = scope.organizations(store, orgs)
    rows = []
    for d in scope.yearly(date_from, date_to):
        for r in overlap(store, ids, d, roles_counted):
            rows.append({"date": d.isoformat(), "year": d.year, **r.to_dict()})
    return pd.DataFrame(rows, columns=["date", "year", *PAIR_COLUMNS])


def intersections(store: Store, orgs: Sequence[str], on: str | date | None = None,
                  roles_counted: set[str] | None = None):
    """The exclusive combinations of membership (what an UpSet plot draws): one row per set
    of organizations that some states belong to and no others among those given, with a
    True/False column per organization, how many states, and which. Largest first."""
    return upset_data(store, orgs, on, roles_counted)[0]


def set_sizes(store: Store, orgs: Sequence[str], on: str | date | None = None,
              roles_counted: set[str] | None = None):
    """How many members each organization had on a day (a Series, in the order given)."""
    return upset_data(store, orgs, on, roles_counted)[1]


def upset_data(store: Store, orgs: Sequence[str], on: str | date | None = None,
               roles_counted: set[str] | None = None):
    """(`intersections`, `set_sizes`) from one reading of the member sets: an UpSet plot
    draws both."""
    import pandas as pd

    ids = scope.organizations(store, orgs)
    sets = member_sets(store, ids, on, roles_counted)
    sizes = pd.Series({o: len(sets.get(o, set())) for o in ids}, name="members")
    combos: dict[tuple[str, ...], list[str]] = {}
    for state in sorted(set().union(*sets.values()) if sets else set()):
        key = tuple(o for o in ids if state in sets.get(o, set()))
        combos.setdefault(key, []).append(state)
    rows = [{**{o: o in key for o in ids}, "degree": len(key), "count": len(states),
             "states": states} for key, states in combos.items()]
    df = pd.DataFrame(rows, columns=[*ids, "degree", "count", "states"])
    if not df.empty:
        df = df.sort_values(["count", "degree"], ascending=[False, False],
                            kind="stable").reset_index(drop=True)
    return df, sizes


def neighbours(store: Store, org: str, on: str | date | None = None,
               candidates: Sequence[str] | None = None, roles_counted: set[str] | None = None):
    """The organizations sharing members with `org` on a day, most shared first: how many,
    Jaccard, and containment both ways. Candidates default to every organization and forum."""
    import pandas as pd

    oid = scope.organization(store, org)
    pool = [o for o in scope.organizations(store, candidates) if o != oid]
    sets = member_sets(store, [oid, *pool], on, roles_counted)
    mine = sets.get(oid, set())
    rows = []
    for other in pool:
        theirs = sets.get(other, set())
        shared = mine & theirs
        if not shared:
            continue
        rows.append({"org": other, "members": len(theirs), "shared": len(shared),
                     "jaccard": round(len(shared) / len(mine | theirs), 4),
                     "share_of_ours_in_theirs": round(len(shared) / len(mine), 4),
                     "share_of_theirs_in_ours": round(len(shared) / len(theirs), 4),
                     "shared_states": sorted(shared)})
    cols = ["org", "members", "shared", "jaccard", "share_of_ours_in_theirs",
            "share_of_theirs_in_ours", "shared_states"]
    df = pd.DataFrame(rows, columns=cols)
    if df.empty:
        return df
    return df.sort_values(["shared", "jaccard", "org"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
