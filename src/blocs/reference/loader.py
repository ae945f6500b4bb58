"""Read the reference YAML files into sources and claims, naming file, line and field
for every mistake, before anything touches the store.

Two shapes of file (see docs/reference-data.md):
- `sources:` + `claims:` — curated facts, each citing a public page;
- `document:` + `claims:` under `documents/` — what one analytical document states,
  each claim with its `span` (character offsets into the document's text, which is
  looked up on disk and never copied into the repository).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import vocab
from ..claims import Claim, validate
from ..dates import PartialDate
from ..errors import BadDate, DataError
from ..sources import Source, sha256_file
from .fingerprint import data_files

_CLAIM_FIELDS = set(vocab.key_order()) | {"alternative", "span", "source"}
_SOURCE_FIELDS = {"title", "publisher", "url", "date", "author"}
_DOC_FIELDS = {"id", "title", "author", "publisher", "date", "url", "sha256",
               "stated_as_of", "file"}


@dataclass
class Loaded:
    sources: list[Source] = field(default_factory=list)
    claims: list[tuple[Claim, str]] = field(default_factory=list)   # (claim, "file:line")
    documents: dict[str, str] = field(default_factory=dict)         # source id -> text


def corpus_dirs() -> list[Path]:
    """Where the text of a cited document may be found (it is never shipped)."""
    dirs = []
    if os.environ.get("BLOCS_CORPUS"):
        dirs.append(Path(os.environ["BLOCS_CORPUS"]))
    here = Path(__file__).resolve()
    dirs += [Path.cwd() / ".." / "shared" / "corpus", Path.cwd() / "shared" / "corpus"]
    dirs += [p / ".." / "shared" / "corpus" for p in here.parents[:4]]
    return dirs


def _compose(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(str(path), None, None, "not UTF-8 text") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataError(str(path), mark.line + 1 if mark else None, None,
                        f"invalid YAML: {getattr(e, 'problem', None) or e}") from None
    return data, node


def _item_lines(node: yaml.Node | None, key: str) -> list[tuple[int, dict[str, int]]]:
    """For each item of the top-level list `key`: its line and the line of each field."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if k.value == key and isinstance(v, yaml.SequenceNode):
            return [(item.start_mark.line + 1,
                     {kk.value: kk.start_mark.line + 1 for kk, _ in getattr(item, "value", [])
                      if isinstance(kk, yaml.ScalarNode)})
                    for item in v.value]
        if k.value == key and isinstance(v, yaml.MappingNode):
            return [(kk.start_mark.line + 1, {}) for kk, _ in v.value]
    return []


def _date_fields(raw: dict, fail: Callable[[str, str], DataError]) -> dict:
    """YAML dates (quoted or not) to the spec's `date` + `date_precision`."""
    out = dict(raw)
    for f in ("date", "valid_from", "valid_to", "stated_as_of"):
        if f in out and out[f] is not None and not isinstance(out[f], str):
            out[f] = out[f].isoformat() if hasattr(out[f], "isoformat") else str(out[f])
    present = [f for f in ("date", "valid_from") if f in out]
    if present and "date_precision" not in out:
        try:
            out["date_precision"] = PartialDate.parse(out[present[0]]).precision
        except BadDate as e:
            raise fail(present[0], str(e)) from None
    return out


def load(root: Path | None = None,
         known: Callable[[str, str], str | None] | None = None) -> Loaded:
    """Load every data file. `known(field, value)` returns a problem for an unknown id."""
    result = Loaded()
    seen_sources: dict[str, str] = {}
    for path in data_files(root):
        data, node = _compose(path)
        rel = str(path)
        if not isinstance(data, dict) or "claims" not in data:
            raise DataError(rel, 1, None, "expected a mapping with 'claims' and "
                            "'sources' (or 'document')")
        lines = _item_lines(node, "claims")
        if "document" in data:
            doc = _document(path, data["document"], node)
            sources = {doc.id: doc}
        else:
            sources = _sources(path, data.get("sources"), node)
        for sid in sources:
            if sid in seen_sources:
                raise DataError(rel, None, "sources", f"source id {sid!r} is already "
                                f"defined in {seen_sources[sid]}")
            seen_sources[sid] = rel
        result.sources.extend(sources.values())
        text = None
        if "document" in data:
            text = _document_text(path, sources[next(iter(sources))])
            if text is not None:
                result.documents[next(iter(sources))] = text
        claims = data["claims"]
        if not isinstance(claims, list):
            raise DataError(rel, None, "claims", "must be a list")
        for i, raw in enumerate(claims):
            line, fields = lines[i] if i < len(lines) else (None, {})
            claim = _claim(rel, line, fields, raw, sources, text, known)
            result.claims.append((claim, f"{path.name}:{line}"))
    return result


def _sources(path: Path, raw: Any, node: yaml.Node | None) -> dict[str, Source]:
    rel = str(path)
    if not isinstance(raw, dict) or not raw:
        raise DataError(rel, None, "sources", "a file of claims needs a 'sources' mapping")
    lines = dict(zip(raw, (ln for ln, _ in _item_lines(node, "sources"))))
    out = {}
    for sid, s in raw.items():
        line = lines.get(sid)
        if not isinstance(s, dict):
            raise DataError(rel, line, "sources", f"source {sid!r} must be a mapping")
        for f in ("title", "publisher", "url"):
            if not s.get(f):
                raise DataError(rel, line, f, f"source {sid!r} needs a {f}")
        extra = set(s) - _SOURCE_FIELDS
        if extra:
            raise DataError(rel, line, sorted(extra)[0], f"unknown field in source {sid!r}")
        date = s.get("date")
        if date is not None:
            date = date.isoformat() if hasattr(date, "isoformat") else str(date)
            try:
                PartialDate.parse(date)
            except BadDate as e:
                raise DataError(rel, line, "date", str(e)) from None
        out[str(sid)] = Source(id=str(sid), kind="reference", title=str(s["title"]),
                               author=s.get("author"), publisher=str(s["publisher"]),
                               date=date, url=str(s["url"]), origin=path.name)
    return out


def _document(path: Path, raw: Any, node: yaml.Node | None) -> Source:
    rel = str(path)
    if not isinstance(raw, dict):
        raise DataError(rel, None, "document", "must be a mapping")
    for f in ("id", "title", "sha256", "stated_as_of", "file"):
        if not raw.get(f):
            raise DataError(rel, None, f, f"the document needs a {f}")
    extra = set(raw) - _DOC_FIELDS
    if extra:
        raise DataError(rel, None, sorted(extra)[0], "unknown field in document")
    as_of = raw["stated_as_of"]
    as_of = as_of.isoformat() if hasattr(as_of, "isoformat") else str(as_of)
    return Source(id=str(raw["id"]), kind="document", dataset=str(raw["id"]),
                  title=str(raw["title"]), author=raw.get("author"),
                  publisher=raw.get("publisher"), date=str(raw.get("date") or "") or None,
                  url=raw.get("url"), sha256=str(raw["sha256"]), stated_as_of=as_of,
                  origin=f"{path.name}|{raw['file']}")


def _document_text(path: Path, doc: Source) -> str | None:
    """The document's text if a copy with the right sha256 is on disk, else None."""
    filename = doc.origin.split("|", 1)[1]
    for d in corpus_dirs():
        p = d / filename
        if p.is_file():
            if sha256_file(p) != doc.sha256:
                raise DataError(str(path), None, "sha256",
                                f"{p} does not have the sha256 the document names")
            return p.read_text(encoding="utf-8")
    return None


def _claim(rel: str, line: int | None, fields: dict[str, int], raw: Any,
           sources: dict[str, Source], text: str | None,
           known: Callable[[str, str], str | None] | None) -> Claim:
    def fail(f: str | None, problem: str) -> DataError:
        return DataError(rel, fields.get(f, line) if f else line, f, problem)

    if not isinstance(raw, dict):
        raise fail(None, "a claim must be a mapping")
    unknown = [k for k in raw if k not in _CLAIM_FIELDS]
    if unknown:
        raise fail(str(unknown[0]), f"unknown field {unknown[0]!r} (a comma inside an "
                   "unquoted value splits it: quote the value)")
    data = _date_fields(raw, fail)
    if len(sources) == 1 and next(iter(sources.values())).kind == "document":
        doc = next(iter(sources.values()))
        span = data.pop("span", None)
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                and 0 <= span[0] < span[1]):
            raise fail("span", "a document claim needs span: [start, end]")
        if text is not None and span[1] > len(text):
            raise fail("span", f"span ends at {span[1]}, past the document's {len(text)} characters")
        data["source"] = {"doc": doc.id, "start": span[0], "end": span[1]}
        data["quote"] = text[span[0]:span[1]] if text is not None else ""
        data.setdefault("stated_as_of", doc.stated_as_of)
    else:
        sid = data.get("source")
        if sid not in sources:
            raise fail("source", f"unknown source {sid!r} (not in this file's sources)")
        data["source"] = {"doc": sid}
        data.setdefault("quote", "")
    if "alternative" in data and not isinstance(data["alternative"], bool):
        raise fail("alternative", "must be true or false")
    claim = validate(data, rel, line)
    if known is not None:
        for f in ("subject", "object", "basis"):
            v = claim.get(f)
            if v is not None:
                problem = known(f"{claim.kind}.{f}", v)
                if problem:
                    raise fail(f, problem)
        for f in ("founders", "participants", "joint_with"):
            for v in claim.get(f) or []:
                problem = known(f"{claim.kind}.{f}", v)
                if problem:
                    raise fail(f, problem)
    return claim
