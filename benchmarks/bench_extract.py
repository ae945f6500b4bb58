"""Speed of the rule-based extractor in words per second on one core, side by side with
spaCy's bare tokenizer on the same text in the same run; and the peak memory of
`blocs extract` on large inputs, beside the memory of merely importing the extractor.

    .venv/bin/python benchmarks/bench_extract.py [--mb 5] [--memory-sizes 10,50,100]

Not a test: it prints figures and the targets beside them and asserts nothing about time.
The corpus is made at run time from the real document ../shared/corpus/rad76.txt
(`--source`): its paragraphs, repeated and shuffled with a fixed seed to the size asked
for, written to benchmarks/out/ (gitignored). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from textable import table  # noqa: E402

OUT = HERE / "out"
SOURCE = HERE.parents[1] / "shared" / "corpus" / "rad76.txt"    # ../shared beside the clone
CORPUS_VERSION = 1            # bump when the corpus recipe changes: a new cache key
MB = 1_000_000                # sizes are in bytes of UTF-8: 1 MB = 10**6 bytes
PY = sys.executable
BLOCS = str(Path(PY).with_name("blocs"))
DOC_DATE = date(2010, 4, 15)
TOKENIZER_RUNS = 3
TARGET_WPS = 50_000
TARGET_RATIO = 0.30
FLAT_WITHIN = 0.10            # "does not grow": largest input's peak within 10% of the rest


# ---------------------------------------------------------------- helpers

def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def pin_one_core() -> str:
    """Pin this process (and so its children) to one CPU, if the platform allows."""
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError) as e:       # not Linux, or not allowed
        return f"not pinned ({e.__class__.__name__})"


def count_words(path: Path) -> tuple[int, int]:
    """Whitespace-separated tokens and characters of a UTF-8 file, read line by line
    (a word never spans a line end, so this equals len(text.split()))."""
    words = chars = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            words += len(line.split())
            chars += len(line)
    return words, chars


# ---------------------------------------------------------------- the corpus

def paragraphs(source: Path) -> list[str]:
    """The document's paragraphs: blank-line separated, surrounding newlines dropped."""
    text = source.read_text(encoding="utf-8")
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def corpus_path(mb: float, seed: int) -> Path:
    return OUT / f"extract-corpus-v{CORPUS_VERSION}-{mb:g}mb-seed{seed}.txt"


def ensure_corpus(source: Path, mb: float, seed: int) -> Path:
    """A file of at least `mb` MB: rounds of the document's paragraphs, each round in a
    new shuffled order (seeded), joined by blank lines. Cached by size and seed."""
    path = corpus_path(mb, seed)
    if path.exists():
        return path
    paras = paragraphs(source)
    rng = random.Random(seed)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    target, written = int(mb * MB), 0
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        while written < target:
            order = paras[:]
            rng.shuffle(order)
            chunk = "\n\n".join(order) + "\n\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- speed

def time_extract(path: Path) -> tuple[float, int]:
    """Seconds for `extract_stream` over the file (blocks of ~1 MB), and claims found."""
    from blocs.extract import extract_stream

    n = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for _ in extract_stream(fh, "bench", DOC_DATE):
            n += 1
    return time.perf_counter() - t0, n


def time_tokenizer(path: Path, tokenizer, by_line: bool = False) -> tuple[float, int]:
    """Seconds for spaCy's bare tokenizer over the same file fed as the same blocks
    (`blocs.extract._blocks`, the reader `extract_stream` uses), and tokens made. With
    `by_line`, each block is fed line by line instead (no newline reaches the tokenizer)."""
    from blocs.extract import BLOCK_CHARS, _blocks

    n = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for _, block in _blocks(fh, BLOCK_CHARS):
            if by_line:
                n += sum(len(doc) for doc in tokenizer.pipe(block.split("\n")))
            else:
                n += len(tokenizer(block))
    return time.perf_counter() - t0, n


def median(xs: list[float]) -> float:
    s = sorted(xs)
    return (s[(len(s) - 1) // 2] + s[len(s) // 2]) / 2


def speed(source: Path, mb: float, seed: int, repeat: int) -> None:
    path = ensure_corpus(source, mb, seed)
    size = path.stat().st_size
    words, chars = count_words(path)
    print(f"corpus: {path.relative_to(HERE.parent)}  ({size / MB:.2f} MB, {chars:,} characters, "
          f"{words:,} words; {len(paragraphs(source))} paragraphs of {source.name}, "
          f"repeated and shuffled, seed {seed})")
    print(f"process: {pin_one_core()}", flush=True)

    import spacy

    from blocs.extract import extract

    # warm-up, untimed: the gazetteer, spaCy and the rules load once, on a small piece
    piece = "\n\n".join(paragraphs(source)[:20])
    t0 = time.perf_counter()
    extract(piece, "warm-up", DOC_DATE)
    warm_s = time.perf_counter() - t0
    # one fresh tokenizer per way of feeding it: what one pass leaves in its cache can
    # change the speed of the other
    by_block, by_line = spacy.blank("en").tokenizer, spacy.blank("en").tokenizer
    by_block(piece)
    list(by_line.pipe(piece.split("\n")))

    print("timing spaCy's bare tokenizer ...", flush=True)
    blk_runs = [time_tokenizer(path, by_block) for _ in range(TOKENIZER_RUNS)]
    line_runs = [time_tokenizer(path, by_line, by_line=True) for _ in range(TOKENIZER_RUNS)]
    print("timing extract_stream ...", flush=True)
    ext_runs = [time_extract(path) for _ in range(repeat)]

    ext_s, claims = median([s for s, _ in ext_runs]), ext_runs[0][1]
    blk_s, line_s = median([s for s, _ in blk_runs]), median([s for s, _ in line_runs])
    ext_wps, blk_wps, line_wps = words / ext_s, words / blk_s, words / line_s
    ratio = ext_wps / blk_wps
    how = f"median of {repeat}" if repeat > 1 else "one run"
    print()
    print(table(["", "words", "seconds", "words/s", "extract is", "target"], [
        [f"blocs extract_stream ({how})", f"{words:,}", f"{ext_s:.2f}", f"{ext_wps:,.0f}",
         "-", f">= {TARGET_WPS:,} words/s: {verdict(ext_wps >= TARGET_WPS)}"],
        [f"spaCy bare tokenizer, same blocks (baseline, median of {TOKENIZER_RUNS})",
         f"{words:,}", f"{blk_s:.2f}", f"{blk_wps:,.0f}", f"{ratio:.1%}",
         f">= {TARGET_RATIO:.0%}: {verdict(ratio >= TARGET_RATIO)}"],
        [f"spaCy bare tokenizer, same blocks line by line (median of {TOKENIZER_RUNS})",
         f"{words:,}", f"{line_s:.2f}", f"{line_wps:,.0f}", f"{ext_wps / line_wps:.1%}",
         "- (for context)"],
    ]))
    print(f"claims: {claims:,} ({claims / (size / MB):,.1f} per MB); spaCy tokens: "
          f"{blk_runs[0][1]:,} by block, {line_runs[0][1]:,} by line "
          f"({blk_runs[0][1] / words:.2f} and {line_runs[0][1] / words:.2f} per whitespace word)")
    print(f"runs (s): extract {', '.join(f'{s:.2f}' for s, _ in ext_runs)}; tokenizer by block "
          f"{', '.join(f'{s:.2f}' for s, _ in blk_runs)}; by line "
          f"{', '.join(f'{s:.3f}' for s, _ in line_runs)}; warm-up (loading, untimed) "
          f"{warm_s:.2f}")


# ---------------------------------------------------------------- memory

def run_measured(argv: list[str]) -> tuple[float | None, float, int, int]:
    """Peak RSS (MB, by /usr/bin/time -f %M), wall time (s), exit code and stdout lines
    of one run of `argv`. (getrusage(RUSAGE_CHILDREN) would not do: a child forked from
    this process keeps its high-water mark across exec, and the running maximum over all
    children cannot tell one child from the next.)"""
    timer = os.path.exists("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as f:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", f.name, *argv] if timer else argv
        lines = 0
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert p.stdout is not None
        while chunk := p.stdout.read(1 << 16):
            lines += chunk.count(b"\n")
        rc = p.wait()
        wall = time.perf_counter() - t0
        peak = int(f.read().split()[-1]) / 1024 if timer else None
    return peak, wall, rc, lines


def memory(source: Path, sizes: list[float], seed: int) -> None:
    print(f"\npeak memory of the CLI (RSS high-water mark, /usr/bin/time -f %M; "
          f"process {pin_one_core()}):", flush=True)
    base_cmd = [PY, "-c", "import blocs.extract.pipeline"]
    base_peak, base_s, base_rc, _ = run_measured(base_cmd)
    # the extractor loaded and run once on one paragraph: spaCy, the gazetteer, the rules
    small = "The CSTO was founded in 2002 by Russia, Belarus and Armenia."
    loaded_cmd = [PY, "-c", "from datetime import date; from blocs.extract import extract; "
                  f"extract({small!r}, 'bench', date(2010, 4, 15))"]
    loaded_peak, loaded_s, loaded_rc, _ = run_measured(loaded_cmd)
    rows = [["python -c 'import blocs.extract.pipeline' (baseline)", "-", "-", "-",
             f"{base_s:.1f}", "-", "-" if base_peak is None else f"{base_peak:.0f} MB"],
            ["python -c 'extract(<one sentence>)' (extractor loaded)", "-", "-", "-",
             f"{loaded_s:.1f}", "-", "-" if loaded_peak is None else f"{loaded_peak:.0f} MB"]]
    for name, rc in (("import", base_rc), ("one-sentence", loaded_rc)):
        if rc != 0:
            print(f"  the {name} baseline failed (exit {rc})")
    peaks = []
    for mb in sizes:
        path = ensure_corpus(source, mb, seed)
        words, _ = count_words(path)
        print(f"  blocs extract on {path.name} ({words:,} words) ...", flush=True)
        cmd = [BLOCS, "extract", str(path), "--date", DOC_DATE.isoformat(), "--doc-id", "bench"]
        peak, wall, rc, claims = run_measured(cmd)
        if rc != 0:
            print(f"  the CLI failed on {path.name} (exit {rc})")
        peaks.append(peak)
        rows.append([f"blocs extract {path.name}", f"{path.stat().st_size / MB:.0f} MB",
                     f"{words:,}", f"{claims:,}", f"{wall:.1f}", f"{words / wall:,.0f}",
                     "-" if peak is None else f"{peak:.0f} MB"])
    print(table(["process", "input", "words", "claims", "wall s", "words/s", "peak RSS"],
                rows))
    known = [(mb, p) for mb, p in zip(sizes, peaks) if p is not None]
    if len(known) >= 2:
        steps = ", ".join(f"{a:g}->{b:g} MB: {q - p:+.0f} MB"
                          for (a, p), (b, q) in zip(known, known[1:]))
        largest, rest = known[-1][1], max(p for _, p in known[:-1])
        print(f"peak RSS as the input grows: {steps}; above the loaded extractor by "
              f"{min(p for _, p in known) - (loaded_peak or 0):+.0f} to "
              f"{max(p for _, p in known) - (loaded_peak or 0):+.0f} MB")
        print(f"target, memory not growing with the input (the largest input's peak within "
              f"{FLAT_WITHIN:.0%} of the highest peak of the smaller ones): "
              f"{verdict(largest <= rest * (1 + FLAT_WITHIN))}")


# ---------------------------------------------------------------- the run

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0,
                    help="size of the corpus for the speed figures, in MB (default 5)")
    ap.add_argument("--memory-sizes", default="10,50,100",
                    help="input sizes in MB for the memory runs, comma-separated "
                         "(default 10,50,100; 'none' to skip them)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="timed runs of extract_stream; the median is reported (default 1)")
    ap.add_argument("--seed", type=int, default=20100415)
    ap.add_argument("--source", type=Path, default=SOURCE,
                    help=f"the real document the corpus is made from (default {SOURCE})")
    a = ap.parse_args(argv)
    if not a.source.is_file():
        sys.exit(f"no such document: {a.source}")
    sizes = [] if a.memory_sizes.strip().lower() in ("", "none", "0") else \
        sorted(float(s) for s in a.memory_sizes.split(",") if s.strip())

    speed(a.source, a.mb, a.seed, max(1, a.repeat))
    if sizes:
        memory(a.source, sizes, a.seed)


if __name__ == "__main__":
    main()
