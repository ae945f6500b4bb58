"""The web face: `create_app()` gives the ASGI app `blocs serve` runs — the JSON API under
/api/v1 and the pages, both over the same library calls, one error shape for both."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BlocsError
from .deps import Settings
from .errors import InternalError, UploadTooLarge, error_body, from_http, from_validation

HERE = Path(__file__).parent
log = logging.getLogger("blocs.web")
UPLOAD_PATH = "/api/v1/documents"


def create_app(db: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at `db` (path or URL; BLOCS_DB or the default file when None),
    built from the reference data first if it is empty or out of date."""
    from ..reference import ensure_built
    from ..store import open_store
    from . import api, pages

    store = open_store(db)
    ensure_built(store)
    app = FastAPI(title="blocs", version="1", openapi_url="/api/v1/openapi.json",
                  docs_url=None, redoc_url=None,   # their pages load scripts from a CDN
                  description="Who belonged to what, when, in what role, and on whose word.")
    app.state.store = store
    app.state.settings = settings or Settings.from_env()
    app.include_router(api.router())
    app.include_router(pages.router())
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handle_errors(app)
    app.add_middleware(BodyLimit, limit_bytes=int(app.state.settings.max_upload_mb * 2**20))
    return app


def _respond(request: Request, e: BlocsError):
    if request.url.path.startswith("/api/"):
        from .api import JSON

        return JSON(error_body(e), status_code=e.http_status)
    from .templating import render

    return render(request, "error.html", {"err": error_body(e)}, status_code=e.http_status)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(BlocsError)
    async def blocs_error(request: Request, e: BlocsError):
        return _respond(request, e)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException):
        return _respond(request, from_http(e.status_code, e.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError):
        return _respond(request, from_validation(list(e.errors())))

    @app.exception_handler(Exception)
    async def bug(request: Request, e: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(request, InternalError(f"{type(e).__name__} while answering "
                                               f"{request.url.path}"))


class BodyLimit:
    """Refuse an upload over the limit before it is read (Content-Length), or as soon as
    it passes the limit (a chunked body): the app never holds more than the limit."""

    def __init__(self, app, limit_bytes: int) -> None:
        self.app, self.limit = app, limit_bytes + 64 * 1024   # room for the form's fields

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != UPLOAD_PATH:
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length and length.isdigit() and int(length) > self.limit:
            return await self._too_large(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:     # an HTTPException passes FastAPI's body parsing as is
                raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"the upload is over the limit of {(self.limit - 64 * 1024) / 2**20:g} MB " \
               "(BLOCS_MAX_UPLOAD_MB)"

    async def _too_large(self, scope, receive, send):
        from .api import JSON

        await JSON(error_body(UploadTooLarge(self._message())), status_code=413)(
            scope, receive, send)
