"""The reference data shipped with blocs (YAML under `data/`) and the build that loads it."""

from __future__ import annotations

from ..store import Store
from .fingerprint import data_hash


def ensure_built(store: Store) -> bool:
    """Build if the store is empty or the shipped data changed; True if it built.

    Only the fingerprint is computed on the fast path: the loader (YAML, pandas for state
    names) is imported when a build is needed.
    """
    if store.get_meta("reference_hash") == data_hash():
        return False
    from .build import build

    build(store)
    return True
