"""review and accept: a person decides what extracted claims become facts."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .common import DbOpt, FormatOpt, open_built, user_errors
from .render import Format, console_for_output, emit


def _parse_edit(line: str) -> tuple[str, object]:
    key, _, value = line.partition("=")
    key, value = key.strip(), value.strip()
    if not key or not _:
        raise typer.BadParameter(f"write field=value, not {line!r}")
    if value == "":
        return key, None
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def review(doc: Annotated[str | None, typer.Option(help="Only this document (id, sha256 "
                                                       "prefix or file name).")] = None,
               min_confidence: Annotated[float | None, typer.Option(
                   help="Only claims at or above this confidence.")] = None,
               db: DbOpt = None) -> None:
        """Review proposed claims in the terminal: the passage with the span highlighted,
        conflicts with the base, then accept (a), reject (r), edit (e), skip (s) or quit (q).

        Example: blocs review --doc rad76
        """
        from rich.text import Text

        from ..queries.documents import summary
        from ..review import decide, proposed

        store = open_built(db)
        items = proposed(store, doc, min_confidence)
        console = console_for_output()
        if not items:
            console.print("Nothing to review.")
            return
        counts = {"accepted": 0, "rejected": 0, "edited": 0, "skipped": 0}
        for n, p in enumerate(items, 1):
            c = dict(p.claim.data)
            console.rule(f"{n}/{len(items)} · {c['kind']} · confidence "
                         f"{c.get('confidence', '?')} · {p.doc_title or p.doc[:12]}")
            if p.context:
                passage, a, b = p.context
                t = Text(passage[:a])
                t.append(passage[a:b], style="bold reverse")
                t.append(passage[b:])
                console.print(t)
            console.print(Text("Claim: " + summary(c), style="bold"))
            for k in ("confidence", "extractor"):
                c.pop(k, None)
            for conflict in p.conflicts:
                console.print(Text(f"Base disagrees: {conflict['voice']} says "
                                   f"{conflict['role'] or 'not a member'} on {conflict['on']} "
                                   f"({', '.join(conflict['sources'])})", style="red"))
            while True:
                choice = typer.prompt("[a]ccept [r]eject [e]dit [s]kip [q]uit", default="s")
                choice = choice.strip().lower()[:1]
                if choice in ("a", "r", "s", "q", "e"):
                    break
            if choice == "q":
                break
            if choice == "s":
                counts["skipped"] += 1
                continue
            if choice == "e":
                edits: dict = {}
                while True:
                    line = typer.prompt("field=value (empty line to finish)", default="",
                                        show_default=False)
                    if not line.strip():
                        break
                    k, v = _parse_edit(line)
                    edits[k] = v
                if not edits:
                    counts["skipped"] += 1
                    continue
                new_id = decide(store, p.id, "edited", edits=edits)
                console.print(f"Edited: {p.id} → {new_id} (accepted)")
                counts["edited"] += 1
                continue
            decision = "accepted" if choice == "a" else "rejected"
            decide(store, p.id, decision)
            counts[decision] += 1
        console.print(", ".join(f"{v} {k}" for k, v in counts.items()))

    @app.command()
    @user_errors
    def accept(doc: Annotated[str | None, typer.Option(help="Only this document.")] = None,
               min_confidence: Annotated[float, typer.Option(
                   help="Accept claims at or above this confidence.")] = 0.9,
               dry_run: Annotated[bool, typer.Option(
                   "--dry-run", help="List what would be accepted; change nothing.")] = False,
               fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
        """Accept proposed claims in a batch (with a dry run to look first).

        Example: blocs accept --doc rad76 --min-confidence 0.9 --dry-run
        """
        from ..queries.documents import summary
        from ..review import accept_batch

        done = accept_batch(open_built(db), doc, min_confidence, dry_run)
        emit([{"id": p.id, "claim": summary(p.claim.data),
               "confidence": p.claim.get("confidence")} for p in done], fmt,
             ["id", "claim", "confidence"],
             title=("Would accept" if dry_run else "Accepted") + f" {len(done)} claims",
             empty="No proposed claim at that confidence.")
