"""The web face: the JSON API under /api/v1 and the pages, over the same library calls
as the CLI (`blocs serve`). Importing it imports FastAPI: the CLI does so only to serve."""

from .app import create_app

__all__ = ["create_app"]
