"""The reference data shipped with blocs (YAML under `data/`) and the build that loads it."""

from __future__ import annotations

from pathlib import Path

from ..store import Store
from .fingerprint import data_hash


def ensure_built(store: Store) -> bool:
    """Build if the store is empty or the shipped data changed; True if it built.

    A store built from another data folder (`blocs build --data-dir`) is kept in step with
    that folder. Only the fingerprint is computed on the fast path: the loader (YAML, pandas for state
    names) is imported when a build is needed.
    """
    custom = store.get_meta("reference_dir")
    root = Path(custom) if custom and Path(custom).is_dir() else None
    if store.get_meta("reference_hash") == data_hash(root):
        return False
    from .build import build

    build(store, root)
    return True
