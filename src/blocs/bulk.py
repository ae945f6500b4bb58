"""Helpers for code that makes tens of thousands of small objects at once (a matrix of
hundreds of organizations, an import of a whole dataset)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Python's cycle collector off for the block: the objects made are acyclic, and its
    full passes would walk the whole heap again and again while they are made."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
