"""Writing output files (exports, plots, briefs): never over a file the user did not ask to
replace, and never half-written — each file is written to a temporary name beside it and
renamed into place only when complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BadOutput, OutputExists


def check_free(*paths: str | Path, force: bool = False) -> None:
    """Refuse, before anything is written, a path that exists (unless `force`), that is a
    folder, or whose folder does not exist."""
    for p in map(Path, paths):
        if p.exists() and p.is_dir():
            raise BadOutput(f"{p} is a folder, not a file")
        if p.exists() and not force:
            raise OutputExists(p)
        if not p.parent.is_dir():
            raise BadOutput(f"{p}: folder {p.parent} does not exist")


@contextmanager
def atomic_path(path: str | Path, force: bool = False) -> Iterator[Path]:
    """A temporary path to write to; renamed to `path` when the block ends without error."""
    target = Path(path)
    check_free(target, force=force)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)        # as a plain open() would have made it
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes(path: str | Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically; refuses an existing file unless `force`."""
    with atomic_path(path, force) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str, force: bool = False) -> Path:
    """`write_bytes` of `text` in UTF-8."""
    return write_bytes(path, text.encode("utf-8"), force)
