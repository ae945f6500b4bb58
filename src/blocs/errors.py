"""One exception root for the library; faces translate these into messages and codes.

Each error knows its exit code (CLI) and HTTP status (API) so every face reports the
same problem the same way.
"""

from __future__ import annotations


class BlocsError(Exception):
    """Something the user can fix; never shown with a traceback."""

    exit_code = 1
    http_status = 400

    def to_dict(self) -> dict:
        return {"error": type(self).__name__, "message": str(self)}


class UnknownId(BlocsError):
    """A state, organization or document id the base does not know."""

    exit_code = 2
    http_status = 404

    def __init__(self, what: str, value: str, suggestions: list[str] | None = None) -> None:
        self.what, self.value, self.suggestions = what, value, suggestions or []
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown {what} {value!r}.{hint}")

    def to_dict(self) -> dict:
        return {**super().to_dict(), "suggestions": self.suggestions}


class BadDate(BlocsError):
    """A date that cannot be read or cannot exist."""

    exit_code = 2
    http_status = 422


class DataError(BlocsError):
    """A data file (reference YAML, claims JSONL) with a mistake in it: names file, line, field."""

    exit_code = 2
    http_status = 422

    def __init__(self, file: str, line: int | None, field: str | None, problem: str) -> None:
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = file + (f", line {line}" if line else "") + (f", field {field!r}" if field else "")
        super().__init__(f"{where}: {problem}")


class StoreError(BlocsError):
    """The store cannot be opened or is from an incompatible version."""

    exit_code = 3
    http_status = 500


class ReadError(BlocsError):
    """A document file that cannot be read (format, encoding, size, damage): names the file."""

    exit_code = 2
    http_status = 422

    def __init__(self, file: object, problem: str) -> None:
        self.file, self.problem = str(file), " ".join(problem.split())
        super().__init__(f"{self.file}: {self.problem}")


class OutputExists(BlocsError):
    """An export, plot or brief would overwrite a file the user did not ask to replace."""

    exit_code = 2
    http_status = 409

    def __init__(self, path: object) -> None:
        self.path = str(path)
        super().__init__(f"{self.path} exists; pass --force to replace it")


class BadOutput(BlocsError):
    """An output the library cannot write: an unknown file type or format, a missing path."""

    exit_code = 2
    http_status = 422


class NoData(BlocsError):
    """The store has nothing for what was asked: a dataset not imported yet, or an
    organization a source does not speak about."""

    exit_code = 2
    http_status = 404
