"""Rule-based extraction of claims from text: see `pipeline.py` for the components.

`extract()` reads a whole text; `extract_stream()` reads a large text file block by
block (blocks end at blank lines), so memory does not grow with the input and offsets
still point into the whole file's text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import IO

from ..claims import Claim

BLOCK_CHARS = 1 << 20


def extract(text: str, doc: str, doc_date: date | None = None) -> list[Claim]:
    """Claims stated by `text` (a document's original text); every span is an offset into
    it and every quote is `text[start:end]`. Each claim has status `proposed`."""
    from .pipeline import run

    return run(text, doc, doc_date)


def _blocks(fh: IO[str], size: int) -> Iterator[tuple[int, str]]:
    """(offset, text) blocks of about `size` characters, cut after a blank line."""
    offset, buf = 0, ""
    while True:
        chunk = fh.read(size)
        buf += chunk
        if not chunk:
            if buf:
                yield offset, buf
            return
        cut = buf.rfind("\n\n", 0, len(buf) - 1)
        if cut < size // 2:
            continue
        block, buf = buf[:cut + 2], buf[cut + 2:]
        yield offset, block
        offset += len(block)


def extract_stream(fh: IO[str], doc: str, doc_date: date | None = None,
                   block_chars: int = BLOCK_CHARS) -> Iterator[Claim]:
    """Claims of a text read from `fh` in blocks; spans are offsets into the whole text."""
    from ..claims import validate
    from .pipeline import run

    for offset, block in _blocks(fh, block_chars):
        for c in run(block, doc, doc_date):
            if not offset:
                yield c
                continue
            data = dict(c.data)
            data["source"] = {**data["source"], "start": data["source"]["start"] + offset,
                              "end": data["source"]["end"] + offset}
            yield validate(data, doc)
