"""Sources: who says what. Every claim names one, and the kind of source sets its voice.

- `reference`: the project's curated data; all reference sources speak as one voice
  (the curators resolve disagreements there, marking the weaker claim `alternative`).
- `document`: an analytical report; each document is its own voice.
- `import`: a dataset brought in whole (COW); one voice per dataset.

Precedence decides whose answer is shown when voices disagree; the others stay visible.
Reference and import voices are *complete* for the organizations they cover: a state
they do not list is not a member. A document speaks only about what it states.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

PRECEDENCE = {"reference": 100, "document": 50, "import": 30}
COMPLETE_KINDS = frozenset({"reference", "import"})
REFERENCE_DATASET = "reference"


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    dataset: str = REFERENCE_DATASET
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    sha256: str | None = None
    stated_as_of: str | None = None
    origin: str | None = None

    @property
    def precedence(self) -> int:
        return PRECEDENCE[self.kind]

    @property
    def voice(self) -> str:
        return self.id if self.kind == "document" else self.dataset

    def row(self) -> dict:
        return {**asdict(self), "precedence": self.precedence}


def voice_of(kind: str, source_id: str, dataset: str) -> str:
    return source_id if kind == "document" else dataset


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
