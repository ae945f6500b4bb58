"""Rebuild src/blocs/data/cow_states.csv from COW's state list.

usage: python data-raw/cow_states.py ../shared/data/cow-igo-v3/states2016.csv

COW numbers states (ccode) and names them its own way; this maps each COW state to the
ISO 3166 alpha-3 id the project uses (ISO 3166-3 for states that no longer exist), with
country_converter doing the name matching and a short list of historical overrides.
"""

import csv
import sys
from pathlib import Path

import country_converter as coco

# COW states that country_converter does not name, or names as their successor.
HISTORICAL = {
    260: "DEU",   # German Federal Republic: continued as Germany
    265: "DDR",   # German Democratic Republic
    315: "CSK",   # Czechoslovakia
    345: "YUG",   # Yugoslavia (COW continues it as Serbia from 2006)
    347: "XKX",   # Kosovo (user-assigned code, as in common use)
    365: "RUS",   # Russia (COW's ccode 365 covers the USSR as well)
    678: "YEM",   # Yemen Arab Republic: continued as Yemen
    680: "YMD",   # Yemen People's Republic
    817: "VDR",   # Republic of Vietnam (South)
    511: "EAZ",   # Zanzibar (1963-1964)
    # German states and Italian states before unification (19th century)
    240: "HAN", 245: "BAV", 267: "BAD", 269: "SAX", 271: "WRT", 273: "HSE", 275: "HSG",
    280: "MEC", 300: "AUH", 325: "ITA", 327: "PAP", 329: "SIC", 332: "MOD", 335: "PMA",
    337: "TUS", 730: "KOR", 731: "PRK", 732: "KOR", 816: "VNM", 818: "VNM",
}


def main(path: str) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    seen: dict[int, dict] = {}
    for r in rows:
        seen.setdefault(int(r["ccode"]), r)
    cc = coco.CountryConverter()
    todo = [c for c in seen if c not in HISTORICAL]
    iso = cc.convert([seen[c]["statenme"] for c in todo], to="ISO3", not_found=None)
    mapping = dict(zip(todo, iso)) | HISTORICAL
    out = Path(__file__).resolve().parents[1] / "src/blocs/data/cow_states.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ccode", "stateabb", "statenme", "iso3"])
        for c in sorted(seen):
            w.writerow([c, seen[c]["stateabb"], seen[c]["statenme"], mapping.get(c) or ""])
    missing = [seen[c]["statenme"] for c in seen if not mapping.get(c)]
    print(f"{len(seen)} COW states written to {out}; unmapped: {missing or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1])
