"""What every route shares: settings, the store, pagination, the write token, lists of
organizations in a query string.

The dependencies are `async def` because they do no I/O: FastAPI runs a plain `def`
dependency in its thread pool, a hand-off per dependency per request."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ..dates import parse_day
from ..store import Store
from .errors import Forbidden, InvalidParameter, Unauthorized

MAX_LIMIT = 10_000


@dataclass(frozen=True)
class Settings:
    """Read from the environment when the app is made (never at import time)."""

    token: str | None = None          # BLOCS_TOKEN: writes need it; None = writes disabled
    max_upload_mb: float = 10.0       # BLOCS_MAX_UPLOAD_MB

    @classmethod
    def from_env(cls) -> "Settings":
        raw = os.environ.get("BLOCS_MAX_UPLOAD_MB", "10")
        try:
            mb = float(raw)
        except ValueError:
            raise InvalidParameter(f"BLOCS_MAX_UPLOAD_MB {raw!r} is not a number") from None
        return cls(token=os.environ.get("BLOCS_TOKEN") or None, max_upload_mb=mb)

    def __repr__(self) -> str:       # the token never reaches a log or a traceback
        return f"Settings(token={'set' if self.token else None}, max_upload_mb={self.max_upload_mb})"


async def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]


async def day_param(on: Annotated[str, Query(description="The day asked about: YYYY-MM-DD or "
                                       "'today'.")] = "today") -> date:
    return parse_day(on, "on")


OnQuery = Annotated[date, Depends(day_param)]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def page_params(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this "
                                            "many items.")] = 1000,
                offset: Annotated[int, Query(ge=0, description="Skip this many items.")] = 0
                ) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(page_params)]


def paginate(items: list[Any], page: Page, **extra: Any) -> dict[str, Any]:
    """A list as `{"items", "total", "limit", "offset"}` plus what the list is of."""
    return {**extra, "total": len(items), "limit": page.limit, "offset": page.offset,
            "items": items[page.offset:page.offset + page.limit]}


def org_list(values: list[str] | None) -> list[str]:
    """`?orgs=CIS,CSTO&orgs=SCO` → ["CIS", "CSTO", "SCO"]."""
    out = [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]
    return list(dict.fromkeys(out))


async def require_token(request: Request) -> str:
    """The bearer token a write needs; returns the reviewer name to record."""
    expected = get_settings(request).token
    if not expected:
        raise Forbidden("writes are disabled: the server was started without BLOCS_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("this write needs a token: send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise Forbidden("the token is wrong")
    return "web"


WriterDep = Annotated[str, Depends(require_token)]


def show_one(store: Store, ident: str, kind: str) -> dict[str, Any]:
    """`queries.show` for one kind ('organization' or 'state'): an id of the other kind,
    or none, is an unknown id of this kind."""
    from ..errors import UnknownId
    from ..queries import show

    try:
        info = show(store, ident)
    except UnknownId as e:
        raise UnknownId(kind, ident, e.suggestions) from None
    if info["kind"] != kind:
        raise UnknownId(kind, ident)
    return info
