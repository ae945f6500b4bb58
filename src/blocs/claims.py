"""The claim: one fact as one source states it, and its JSON Lines interchange format.

A claim is kept as the plain JSON object of ../shared/spec/claims.md (so fields the
project does not know yet survive a round trip); the properties below read it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import vocab
from .dates import PartialDate
from .errors import BadDate, DataError

# Fields that are about where a claim came from or how it was reviewed, not what it says:
# they do not change a claim's identity.
_NOT_CONTENT = {"status", "confidence", "note", "alternative", "stated_as_of"}
_NUMBERS = ("quantity", "amount", "total", "confidence")
_LISTS = ("founders", "participants", "non_participants", "joint_with")


@dataclass(frozen=True)
class Claim:
    data: Mapping[str, Any]

    @property
    def kind(self) -> str:
        return self.data["kind"]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def subject(self) -> str | None:
        return self.data.get("subject")

    @property
    def object(self) -> str | None:
        return self.data.get("object")

    @property
    def doc(self) -> str:
        return self.data["source"]["doc"]

    @property
    def span(self) -> tuple[int, int] | None:
        s = self.data["source"]
        return (s["start"], s["end"]) if "start" in s else None

    @property
    def date(self) -> PartialDate | None:
        """The claim's date, or the start of its validity."""
        for f in ("date", "valid_from"):
            if f in self.data:
                return PartialDate.parse(self.data[f], self.data.get("date_precision"),
                                         self.data.get("date_qualifier") if f == "date" else None)
        return None

    @property
    def stated_as_of(self) -> str | None:
        return self.data.get("stated_as_of")

    @property
    def alternative(self) -> bool:
        return bool(self.data.get("alternative"))

    @property
    def id(self) -> str:
        """Deterministic: the same statement from the same span always gets the same id."""
        content = {k: v for k, v in self.data.items() if k not in _NOT_CONTENT}
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "c" + hashlib.sha256(blob.encode()).hexdigest()[:15]

    def to_json(self) -> str:
        order = vocab.key_order()
        rank = {k: i for i, k in enumerate(order)}
        keys = sorted(self.data, key=lambda k: (rank.get(k, len(order)), k))
        return json.dumps({k: self.data[k] for k in keys}, ensure_ascii=False)


def validate(data: Any, file: str = "<claims>", line: int | None = None) -> Claim:
    """Check one claim object against the spec; raise DataError naming the field."""

    def fail(field: str | None, problem: str) -> DataError:
        return DataError(file, line, field, problem)

    if not isinstance(data, Mapping):
        raise fail(None, "a claim must be a JSON object")
    kind = data.get("kind")
    kinds = vocab.kinds()
    if kind not in kinds:
        raise fail("kind", f"unknown kind {kind!r} (one of {', '.join(sorted(kinds))})")
    for f in kinds[kind].required:
        if f not in data or data[f] in (None, ""):
            raise fail(f, f"a {kind} claim needs {f!r}")
    enums = vocab.enums()
    for f, allowed in enums.items():
        if f in data and f != "date_precision" and data[f] not in allowed:
            raise fail(f, f"{data[f]!r} is not one of {', '.join(sorted(allowed))}")
    if kind == "membership" and data["role"] == "suspended" and data["event"] != "state":
        raise fail("role", "role 'suspended' only goes with event 'state'")
    for f in ("subject", "object", "basis"):
        if f in data and not isinstance(data[f], str):
            raise fail(f, f"must be an id string, not {data[f]!r}")
    for f in _NUMBERS:
        if f in data and (isinstance(data[f], bool) or not isinstance(data[f], (int, float))):
            raise fail(f, f"must be a number, not {data[f]!r}")
    for f in _LISTS:
        if f in data and not (isinstance(data[f], list) and all(isinstance(x, str) for x in data[f])):
            raise fail(f, "must be a list of ids")
    _check_dates(data, fail)
    src = data.get("source")
    if not isinstance(src, Mapping) or not isinstance(src.get("doc"), str) or not src["doc"]:
        raise fail("source", "must be an object with a 'doc' id")
    if ("start" in src) != ("end" in src):
        raise fail("source", "needs both 'start' and 'end' or neither")
    if "start" in src:
        s, e = src["start"], src["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e):
            raise fail("source", f"bad span {s!r}..{e!r}")
        if not isinstance(data.get("quote"), str):
            raise fail("quote", "a claim with a span needs its quote")
    return Claim(dict(data))


def _check_dates(data: Mapping, fail) -> None:
    prec = data.get("date_precision")
    if prec is not None and prec not in vocab.enums()["date_precision"]:
        raise fail("date_precision", f"{prec!r} is not one of day, month, year, decade")
    present = [f for f in ("date", "valid_from", "valid_to") if f in data]
    if "date" in data and ("valid_from" in data or "valid_to" in data):
        raise fail("date", "give either 'date' or 'valid_from'/'valid_to', not both")
    for f in present:
        try:
            PartialDate.parse(data[f], prec, data.get("date_qualifier") if f == "date" else None)
        except BadDate as e:
            raise fail(f, str(e)) from None
    if prec is not None and not present:
        raise fail("date_precision", "date_precision without a date")
    if "stated_as_of" in data:
        try:
            PartialDate.parse(data["stated_as_of"], "day")
        except BadDate as e:
            raise fail("stated_as_of", str(e)) from None
    if "valid_from" in data and "valid_to" in data:
        a = PartialDate.parse(data["valid_from"], prec)
        b = PartialDate.parse(data["valid_to"], prec)
        if b.hi < a.lo:
            raise fail("valid_to", f"ends ({b}) before it starts ({a})")


def read_jsonl(path: str | Path) -> Iterator[Claim]:
    """Claims from a JSON Lines file; a bad line raises DataError with its number."""
    p = Path(path)
    try:
        fh = p.open(encoding="utf-8")
    except OSError as e:
        raise DataError(str(p), None, None, f"cannot read: {e.strerror}") from None
    with fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as e:
                    raise DataError(str(p), n, None, f"invalid JSON: {e.msg}") from None
                yield validate(data, str(p), n)
        except UnicodeDecodeError:
            raise DataError(str(p), None, None, "not UTF-8 text") from None


def write_jsonl(claims: Iterable[Claim], fh: IO[str]) -> int:
    n = 0
    for c in claims:
        fh.write(c.to_json() + "\n")
        n += 1
    return n
