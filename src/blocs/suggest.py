""""Did you mean …": the closest ids and names to a mistyped one (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def closest(value: str, choices: Iterable[str] | Mapping[str, str], limit: int = 3,
            cutoff: float = 60) -> list[str]:
    """Best matches for `value`; with a mapping (label -> id) the ids are returned."""
    from rapidfuzz import fuzz, process, utils

    pool = choices if isinstance(choices, Mapping) else {c: c for c in choices}
    found = process.extract(value, list(pool), scorer=fuzz.ratio, limit=limit * 3,
                            score_cutoff=cutoff, processor=utils.default_process)
    out: list[str] = []
    for label, _score, _ in found:
        if pool[label] not in out:
            out.append(pool[label])
    return out[:limit]
