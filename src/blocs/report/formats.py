"""A brief rendered: HTML (one self-contained page, figures inline as base64 PNG),
Markdown (figures as PNG files beside it), PDF (fpdf2, figures embedded) or JSON (the
brief's data, as the API would serve it). Files are checked before anything is drawn and
written atomically; an existing file is refused unless `force`."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from ..errors import BadOutput
from ..store import Store
from ..outfile import check_free, write_bytes, write_text

FORMATS = ("html", "md", "pdf", "json")


def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("blocs.report", "templates"),
                      autoescape=select_autoescape(["html.j2"]), undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters["md"] = _md_escape
    return env


def _md_escape(text: Any) -> str:
    """Text safe in a Markdown table cell or list item."""
    s = "" if text is None else str(text)
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def figures(store: Store, model: dict[str, Any]) -> dict[str, bytes]:
    """The brief's figures as PNG bytes, by name."""
    from . import plots

    out = {}
    for f in model["figures"]:
        fig = plots.KINDS[f["plot"]](store, *f["args"], **f["kwargs"])
        out[f["name"]] = plots.render(fig, "png")
    return out


def to_html(model: dict[str, Any], images: dict[str, bytes] | None = None) -> str:
    inline = {k: {"mime": "image/png", "data": base64.b64encode(v).decode("ascii")}
              for k, v in (images or {}).items()}
    return _env().get_template("brief.html.j2").render(b=model, images=inline)


def to_markdown(model: dict[str, Any], image_files: dict[str, str] | None = None) -> str:
    return _env().get_template("brief.md.j2").render(b=model, images=image_files or {})


def image_paths(path: Path, model: dict[str, Any]) -> dict[str, Path]:
    """Where a Markdown brief's figures go: beside it, named after it."""
    return {f["name"]: path.with_name(f"{path.stem}-{f['name']}.png") for f in model["figures"]}


def write_brief(store: Store, ident: str, fmt: str = "html", path: str | Path | None = None,
                on: str | None = None, force: bool = False) -> list[Path] | str:
    """Write the brief on `ident` to `path` in `fmt`; returns the files written (the brief
    first, then its figures), or the text itself when no path is given (HTML, Markdown
    without figures, JSON; a PDF needs a path)."""
    from .brief import brief

    if fmt not in FORMATS:
        raise BadOutput(f"unknown brief format {fmt!r}: use {', '.join(FORMATS)}")
    if path is None and fmt == "pdf":
        raise BadOutput("a PDF brief needs a file: give -o FILE.pdf")
    path = Path(path) if path is not None else None
    if path is not None:
        check_free(path, force=force)
    model = brief(store, ident, on)
    if fmt == "json":
        text = json.dumps(model, ensure_ascii=False, indent=2, default=str) + "\n"
        return [write_text(path, text, force)] if path else text
    if fmt == "md" and path is not None:
        beside = image_paths(path, model)
        check_free(*beside.values(), force=force)
        images = figures(store, model)
        written = [write_bytes(beside[k], v, force) for k, v in images.items()]
        text = to_markdown(model, {k: p.name for k, p in beside.items()})
        return [write_text(path, text, force), *written]
    if fmt == "md":
        return to_markdown(model)
    images = figures(store, model)
    if fmt == "html":
        text = to_html(model, images)
        return [write_text(path, text, force)] if path else text
    from .brief_pdf import to_pdf

    return [write_bytes(path, to_pdf(model, images), force)]
