"""build, orgs, states, show, search: what the base knows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, open_built, user_errors
from .render import Format, emit, emit_object


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def build(db: DbOpt = None,
              data_dir: Annotated[Path | None, typer.Option(
                  "--data-dir", help="Reference data folder (default: the shipped data).",
                  exists=True, file_okay=False)] = None) -> None:
        """(Re)build the store from the reference data, in one transaction.

        Example: blocs build --db blocs.db
        """
        from ..reference.build import build as do_build
        from ..store import open_store

        store = open_store(db)
        counts = do_build(store, data_dir)
        print(f"Built {store.url}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
              file=sys.stderr)

    @app.command()
    @user_errors
    def orgs(fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Every organization, body and treaty the base knows.

        Example: blocs orgs --format csv
        """
        from ..queries import organizations

        emit(organizations(open_built(db)), fmt,
             ["id", "name", "type", "parent", "founded", "states_ever"], title="Organizations")

    @app.command()
    @user_errors
    def states(fmt: FormatOpt = Format.table, db: DbOpt = None,
               all_states: Annotated[bool, typer.Option("--all", help="Include states with no "
                                                         "memberships in the base.")] = False) -> None:
        """The states the base knows, with COW numbers.

        Example: blocs states --all --format json
        """
        from ..queries import states as q

        recs = q(open_built(db), with_memberships_only=not all_states)
        emit(recs, fmt, ["id", "name", "cow_ccode", "historical", "organizations_ever"],
             title="States")

    @app.command()
    @user_errors
    def show(ident: Annotated[str, typer.Argument(help="Organization, body or state.")],
             fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Everything the base knows about one organization, body or state.

        Example: blocs show CORF
        """
        from ..queries import show as q

        emit_object(q(open_built(db), ident), fmt, _show_table)

    @app.command()
    @user_errors
    def search(query: Annotated[str, typer.Argument(help="Words to look for.")],
               limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
               fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Full-text search over the stored document texts.

        Example: blocs search "anti-crisis fund"
        """
        from ..search import search_documents

        emit(search_documents(open_built(db), query, limit), fmt,
             ["doc_id", "title", "snippet"], title=f"Documents matching {query!r}",
             empty="No document matches.")


def _show_table(info: dict, fmt: Format) -> None:
    from .render import console_for_output

    console = console_for_output()
    if info["kind"] == "organization":
        console.print(f"[bold]{info['name']}[/bold] ({info['id']}), {info['type']}"
                      + (f", part of {info['parent']}" if info["parent"] else ""))
        if info["aliases"]:
            console.print("Also called: " + ", ".join(info["aliases"]), markup=False)
        if info["bodies"]:
            console.print("Bodies: " + ", ".join(info["bodies"]))
        facts = []
        for section in ("founding", "succession", "functions", "contributions", "agreements"):
            for c in info[section]:
                what = {"founding": lambda c: f"founded {c.get('date', '(date not stated)')}",
                        "succession": lambda c: f"{c['subject']} {c['relation']} {c['object']}"
                        + (f" ({c['date']})" if c.get("date") else ""),
                        "functions": lambda c: f"function: {c['domain']}",
                        "contributions": lambda c: f"{c['subject']} commits {c['quantity']} "
                        f"{c['unit']}", "agreements": lambda c: f"{c['subject']} {c['action']} "
                        f"{c['object']}"}[section](c)
                facts.append({"fact": what + (" (alternative)" if c["alternative"] else ""),
                              "source": c["source"]["title"], "note": c.get("note")})
        emit(facts, fmt, ["fact", "source", "note"], title="Facts", empty="No facts recorded.")
        rows = info["members_today"]
        emit([{**m, "role": m["role"] or "— (disputed)"} for m in rows], fmt,
             ["state", "state_name", "role", "since", "certain"], title="Members today",
             empty="No members today.")
    else:
        console.print(f"[bold]{info['name']}[/bold] ({info['id']})"
                      + (f", COW {info['cow_ccode']} {info['cow_abbr']}" if info["cow_ccode"] else "")
                      + (" — historical" if info["historical"] else ""))
        emit(info["memberships_today"], fmt, ["org", "org_name", "role", "since", "certain"],
             title="Memberships today", empty="No memberships today.")
