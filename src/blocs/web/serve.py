"""The factory uvicorn calls in each worker process (`blocs serve`)."""

from __future__ import annotations

import gc


def app():
    from . import create_app

    application = create_app()
    # What start-up made lives as long as the worker: moved out of the garbage collector's
    # view, full collections (pauses that land on some unlucky request) stay short.
    gc.collect()
    gc.freeze()
    return application
