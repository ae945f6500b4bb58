"""A fingerprint of the shipped reference data, cheap enough to check on every command."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from .. import __version__


def data_dir() -> Path:
    return Path(str(resources.files("blocs.reference").joinpath("data")))


def data_files(root: Path | None = None) -> list[Path]:
    root = Path(root) if root else data_dir()
    return sorted(root.glob("*.yaml")) + sorted((root / "documents").glob("*.yaml"))


def data_hash(root: Path | None = None) -> str:
    """Changes whenever a shipped data file or the blocs version changes."""
    h = hashlib.sha256(__version__.encode())
    for p in data_files(root):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()
