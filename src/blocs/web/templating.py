"""Jinja2 with autoescape on for every template: document text is always shown as text.
Nothing here marks text safe; the templates never use `|safe` on data."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates

from ..vocab import roles

HERE = Path(__file__).parent

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

NAV = [("/matrix", "Matrix"), ("/organizations", "Organizations"), ("/states", "States"),
       ("/network", "Network"), ("/documents", "Documents"), ("/review", "Review"),
       ("/diff", "Diff"), ("/search", "Search")]


@cache
def templates() -> Jinja2Templates:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(nav=NAV, role_label=role_label, role_css=role_css, qs=qs,
                       source_href=source_href, web_url=web_url, roles=role_legend)
    env.filters["number"] = number
    env.filters["pct"] = pct
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200):
    response = templates().TemplateResponse(request, name, {"path": request.url.path, **context},
                                            status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def role_label(role: str | None, frozen: bool = False) -> str:
    if role is None:
        return "not a member"
    r = roles().get(role)
    return (r.label if r else role.replace("_", " ")) + (" (frozen)" if frozen else "")


def role_css(role: str | None) -> str:
    """A CSS class per role class: founding members and members share a colour."""
    if role is None:
        return "role-none"
    r = roles().get(role)
    return "role-" + (r.role_class if r else "other").replace("_", "-")


def role_legend() -> list[tuple[str, str]]:
    """(css class, label) once per role class, in vocabulary order, each labelled by its
    class's own role (the member colour reads "member", not "founding member")."""
    out: dict[str, str] = {}
    for r in roles().values():
        out.setdefault(role_css(r.id), (roles().get(r.role_class) or r).label)
    return list(out.items())


def qs(**params: Any) -> str:
    """A query string from the params that have a value."""
    flat = [(k, v) for k, v in params.items() if v not in (None, "", [])]
    return "?" + urlencode(flat, doseq=True) if flat else ""


def source_href(src: dict[str, Any] | None, subject: str | None = None,
                obj: str | None = None, claim: str | None = None) -> str | None:
    """Where a fact's source is read: a stored document at the passage (the claim's span,
    or the claims about this pair), else the source's web page, else nowhere."""
    if not src:
        return None
    if src.get("document"):
        base = f"/documents/{src['id']}"
        if claim:
            return f"{base}?claim={claim}#claim-{claim}"
        return base + qs(subject=subject, object=obj)
    return web_url(src.get("url"))


def web_url(url: str | None) -> str | None:
    """A source's URL if it is a web page (http or https): never a `javascript:` link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def number(value: Any) -> str:
    """12000000 → 12,000,000; 44.7878 → 44.79."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def pct(share: float) -> str:
    """0.75 → 75.0%; 0.0001 → 0.01% (a small share is not shown as 0.0%)."""
    p = share * 100
    return f"{p:.1f}%" if p >= 1 or p == 0 else f"{p:.2g}%"
