"""Reading COW files: the layout is recognised, and a broken file is refused with its line
and column (made from slices of the real file), before anything is written."""

import pytest
from sqlalchemy import func, select

from blocs.errors import DataError
from blocs.interop import codebook as cb
from blocs.interop.cow import import_cow
from blocs.interop.cowfile import EMPTY, read
from blocs.store import schema

from .conftest import IGO_YEAR, igo_slice, needs_cow, real, state_slice, write_csv

pytestmark = needs_cow


def test_an_igo_year_file_is_read_with_its_codes_and_other_columns(tmp_path):
    f = read(igo_slice(tmp_path / "cis.csv", {"CIS"}))
    assert f.layout == cb.IGO_YEAR and set(f.row_keys) == {"CIS"}
    assert f.years.min() == 1991 and f.years.max() == 2014
    georgia = f.col_keys.index(372)
    row_2010 = list(f.years).index(2010)
    assert f.codes[row_2010, georgia] == 0 and f.others["orgname"][0].startswith("Commonwealth")
    assert (f.codes == EMPTY).any()          # states outside the system are empty cells


def test_a_state_year_file_is_read_by_ccode_and_ioname(tmp_path):
    f = read(state_slice(tmp_path / "sy.csv.gz", {"ukraine"}, ["cis", "eaec"]))
    assert f.layout == cb.STATE_YEAR and set(f.row_keys) == {369}
    assert f.col_keys == ["CIS", "EAEC"]
    assert f.codes[list(f.years).index(2000), 0] == 2      # COW: Ukraine an associate


def _store_counts(store):
    with store.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(schema.claims)).scalar(),
                conn.execute(select(func.count()).select_from(schema.organizations)).scalar(),
                conn.execute(select(func.count()).select_from(schema.spells)).scalar())


def _broken(tmp_path, change):
    header, rows = real(IGO_YEAR)
    rows = [list(r) for r in rows if r[0] in {"CIS", "CSTO"}]
    header = list(header)
    change(header, rows)
    return write_csv(tmp_path / "broken.csv", header, rows)


def test_an_unknown_column_is_refused_naming_it_and_nothing_is_imported(tmp_path, mini_store):
    before = _store_counts(mini_store)
    path = _broken(tmp_path, lambda h, rows: h.__setitem__(h.index("georgia"), "gruzia"))
    with pytest.raises(DataError, match=r"broken.csv, line 1, field 'gruzia': unknown column"):
        import_cow(mini_store, path)
    assert _store_counts(mini_store) == before


def test_a_truncated_row_is_refused_naming_its_line_and_the_first_missing_column(tmp_path, mini_store):
    before = _store_counts(mini_store)

    def cut(h, rows):
        rows[4] = rows[4][:100]
    path = _broken(tmp_path, cut)
    with pytest.raises(DataError) as e:
        import_cow(mini_store, path)
    header = real(IGO_YEAR)[0]
    assert str(e.value) == (f"{path}, line 6, field {header[100]!r}: the row ends after "
                            f"100 of {len(header)} columns")
    assert _store_counts(mini_store) == before


def test_a_code_outside_the_codebook_is_refused_naming_line_and_column(tmp_path, mini_store):
    before = _store_counts(mini_store)

    def seven(h, rows):
        rows[9][h.index("russia")] = "7.0"
    with pytest.raises(DataError, match=r"line 11, field 'russia': '7.0' is not a COW status code"):
        import_cow(mini_store, _broken(tmp_path, seven))
    assert _store_counts(mini_store) == before


@pytest.mark.parametrize("value", ["9", "1.5", "-2.0", "300"])
def test_numbers_that_are_not_codes_are_refused(tmp_path, value):
    def bad(h, rows):
        rows[0][h.index("usa")] = value
    with pytest.raises(DataError, match=rf"line 2, field 'usa': '{value}' is not a COW status"):
        read(_broken(tmp_path, bad))


def test_a_word_where_a_code_belongs_is_found_by_the_slow_pass(tmp_path):
    def word(h, rows):
        rows[2][h.index("armenia")] = "member"
    with pytest.raises(DataError, match=r"line 4, field 'armenia': 'member' is not a COW status"):
        read(_broken(tmp_path, word))


def test_an_empty_code_in_a_state_year_file_is_refused(tmp_path):
    path = state_slice(tmp_path / "sy.csv", {"georgia"}, ["cis", "csto"])
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    rows[3] = ",".join(rows[3].split(",")[:3] + ["", "0.0"])
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"line 5, field 'cis': an empty cell is not a COW"):
        read(path)


def test_an_igo_cow_does_not_list_is_refused(tmp_path):
    def rename(h, rows):
        rows[0][0] = "NOSUCH"
    with pytest.raises(DataError, match=r"line 2, field 'ioname': unknown IGO 'NOSUCH'"):
        read(_broken(tmp_path, rename))


def test_a_repeated_row_is_refused(tmp_path):
    def again(h, rows):
        rows.append(list(rows[0]))
    with pytest.raises(DataError, match=r"line \d+, field 'year': CSTO 2002 is already on line 2"):
        read(_broken(tmp_path, again))


def test_a_file_that_is_not_cow_is_refused(tmp_path):
    p = write_csv(tmp_path / "other.csv", ["country", "year", "gdp"], [["RUS", "2010", "1"]])
    with pytest.raises(DataError, match="line 1: not a COW IGO v3 file"):
        read(p)
    with pytest.raises(DataError, match="no such file"):
        read(tmp_path / "missing.csv")
