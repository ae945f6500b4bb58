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


def chosen_orgs(store, values: list[str] | None) -> list[str]:
    """The organizations asked for (`?orgs=`), else the default set (those the base has)."""
    from ...queries import organizations
    from ..deps import org_list

    ids = org_list(values)
    if ids:
        from ...queries._asof import resolve_org

        with store.engine.connect() as conn:     # ids, names or aliases → ids, in order
            return list(dict.fromkeys(resolve_org(conn, v) for v in ids))
    known = {o["id"] for o in organizations(store)}
    return [o for o in DEFAULT_ORGS if o in known]


def org_choices(store) -> list[dict]:
    """Organizations with a membership history, to pick columns or nodes from."""
    from ...queries import organizations

    return [o for o in organizations(store) if o["states_ever"]]
