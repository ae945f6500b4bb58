"""blocs: a knowledge base of regional and international organizations.

Who belonged to what, when, in what role, on whose word. Importing the package is cheap;
the query functions live in `blocs.queries` and are re-exported here lazily.
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "members": "queries", "memberships": "queries", "matrix": "queries",
    "timeline": "queries", "diff": "queries", "overlap": "queries", "why": "queries",
    "organizations": "queries", "states": "queries", "show": "queries",
    "open_store": "store", "build": "reference.build",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"blocs.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'blocs' has no attribute {name!r}")
