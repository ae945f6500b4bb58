"""serve: the HTTP API and the web interface."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .common import DbOpt, user_errors


def register(app: typer.Typer) -> None:
    @app.command()
    @user_errors
    def serve(host: Annotated[str, typer.Option(help="Address to listen on (loopback "
                                                "unless told otherwise).")] = "127.0.0.1",
              port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
              workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
              db: DbOpt = None) -> None:
        """Serve the web interface and the JSON API (/api/v1, schema at
        /api/v1/openapi.json). Reading is open; writes (review, upload) need
        `Authorization: Bearer $BLOCS_TOKEN`, and are disabled when BLOCS_TOKEN is unset.

        Example: blocs serve --port 8000
        """
        import os

        import uvicorn

        from ..web import create_app

        if db:
            os.environ["BLOCS_DB"] = db      # the workers (and the factory) read it
        if workers > 1:
            create_app(db)                   # build the store once, before the workers start
        writes = "enabled (BLOCS_TOKEN is set)" if os.environ.get("BLOCS_TOKEN") else \
            "disabled (set BLOCS_TOKEN to enable)"
        print(f"blocs: serving http://{host}:{port}/ — writes {writes}", file=sys.stderr)
        uvicorn.run("blocs.web.serve:app", factory=True, host=host, port=port,
                    workers=workers, log_level="info", access_log=True)
