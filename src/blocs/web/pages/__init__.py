"""The web pages: server-rendered, one module per noun, each page calling the same
library functions as its JSON twin under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse


def router() -> APIRouter:
    from . import diff, documents, home, matrix, network, organizations, review, search, states

    pages = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
    for module in (home, matrix, organizations, states, network, documents, review, search, diff):
        pages.include_router(module.router)
    return pages


# the organizations the matrix, network and diff pages open with: the post-Soviet set
DEFAULT_ORGS = ["CIS", "CSTO", "EURASEC", "EAEU", "CU", "SCO", "GUAM", "CACO"]


def chosen_orgs(store, values: list[str] | None) -> tuple[list[str], list[dict]]:
    """The organizations asked for (`?orgs=`), else the default set (those the base has),
    and the choices to pick from: one look-up of the organizations serves both."""
    from ...queries import organizations
    from ..deps import org_list

    ids = org_list(values)
    if ids:
        from ...queries._asof import resolve_org

        with store.engine.connect() as conn:     # ids, names or aliases → ids, in order
            chosen = list(dict.fromkeys(resolve_org(conn, v) for v in ids))
        return chosen, org_choices(store)
    known = organizations(store)
    have = {o["id"] for o in known}
    return [o for o in DEFAULT_ORGS if o in have], org_choices(store, known)


def org_choices(store, known: list[dict] | None = None) -> list[dict]:
    """Organizations with a membership history, to pick columns or nodes from (out of
    `known` when the caller has fetched the organizations already)."""
    from ...queries import organizations

    return [o for o in (organizations(store) if known is None else known) if o["states_ever"]]
