"""matplotlib needs a writable config folder; the Makefile exports one, this covers a bare
pytest run."""

import os
import tempfile

os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "blocs-mpl"))
