"""One error shape for every error the web face returns, API and pages alike:
`{"error": <name>, "message": <one line>, "suggestions": [...], "status": <code>}`.

Library errors (blocs.errors) carry their own HTTP status; the few errors only the web
face has (auth, upload size, unknown route, bad parameter) are BlocsErrors too, so one
function builds every body.
"""

from __future__ import annotations

from typing import Any

from ..errors import BlocsError


class Unauthorized(BlocsError):
    """A write without a bearer token."""

    http_status = 401


class Forbidden(BlocsError):
    """A write with the wrong token, or writes switched off (no BLOCS_TOKEN configured)."""

    http_status = 403


class UploadTooLarge(BlocsError):
    """An uploaded document over the size limit (BLOCS_MAX_UPLOAD_MB)."""

    http_status = 413


class NotFound(BlocsError):
    """A path the app does not serve."""

    http_status = 404


class MethodNotAllowed(BlocsError):
    """A known path asked with a method it does not take (GET on a write, say)."""

    http_status = 405


class InvalidParameter(BlocsError):
    """A request parameter of the wrong type or out of range."""

    http_status = 422


class InternalError(BlocsError):
    """A bug: the request could not be answered (the server log has the details)."""

    http_status = 500


def error_body(e: BlocsError) -> dict[str, Any]:
    body = e.to_dict()
    body.setdefault("suggestions", [])
    body["status"] = e.http_status
    return body


def from_http(status: int, detail: Any) -> BlocsError:
    """A Starlette HTTPException (unknown route, wrong method) as one of ours."""
    if status == 404:
        return NotFound("no such page or endpoint")
    if status == 413:
        return UploadTooLarge(str(detail))
    if status == 405:
        return MethodNotAllowed("this path does not take that method")
    err = BlocsError(str(detail))
    err.http_status = status
    return err


def from_validation(errors: list[dict[str, Any]]) -> InvalidParameter:
    """FastAPI's validation errors as one line: where and what."""
    parts = []
    for e in errors[:3]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return InvalidParameter("; ".join(parts) or "invalid request")
