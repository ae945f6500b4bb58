"""Rebuild the COW codebook tables in src/blocs/interop/ from the COW IGO v3 files.

usage: python data-raw/cow_interop.py ../shared/data/cow-igo-v3

Writes three small lists, the codebook the importer checks a file against and the
exporter lays its panels out by (no membership data is copied):

- `cow_igos.csv`: every IGO's `ioname`, `ionum`, `orgname` and `longorgname` (its first),
  in COW's own order (by `ionum`, the order of the IGO-year file's rows);
- `cow_state_columns.csv`: COW's lower-case state column names (`russia`) and their
  `ccode`, in the IGO-year file's column order (from the state-year file's `state` column);
- `cow_system.csv`: each state's periods in the state system (`states2016.csv`).
"""

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/blocs/interop"


def _rows(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _int(text: str) -> int:
    return int(float(text))


def main(folder: str) -> None:
    src = Path(folder)
    igos: dict[str, dict] = {}
    igo_file = src / "igo_year_format3.csv.gz"
    with gzip.open(igo_file, "rt", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    for r in _rows(igo_file):
        igos.setdefault(r["ioname"], {"ioname": r["ioname"], "ionum": _int(r["ionum"]),
                                      "orgname": r["orgname"], "longorgname": r["longorgname"]})
    with (OUT / "cow_igos.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["ioname", "ionum", "orgname", "longorgname"], lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(igos.values(), key=lambda r: r["ionum"]))
    ccode = {r["state"]: _int(r["ccode"]) for r in _rows(src / "state_year_format3.csv.gz")}
    states = header[3:header.index("sdate")]
    with (OUT / "cow_state_columns.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["column", "ccode"])
        w.writerows([s, ccode[s]] for s in states)
    with (OUT / "cow_system.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["ccode", "start", "end"])
        for r in _rows(src / "states2016.csv"):
            w.writerow([r["ccode"], f"{int(r['styear']):04d}-{int(r['stmonth']):02d}-{int(r['stday']):02d}",
                        f"{int(r['endyear']):04d}-{int(r['endmonth']):02d}-{int(r['endday']):02d}"])
    print(f"{len(igos)} IGOs, {len(states)} state columns written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
