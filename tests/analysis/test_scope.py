from datetime import date

import pytest

from blocs.analysis import scope
from blocs.errors import BadDate


def test_a_bare_year_is_its_first_day_or_with_end_its_last():
    assert scope.day("2004", "from") == date(2004, 1, 1)
    assert scope.day("2004", "to", end=True) == date(2004, 12, 31)


def test_yearly_days_keep_the_month_and_day_of_the_first():
    assert scope.yearly("2010-04-15", "2012-12-31") == [
        date(2010, 4, 15), date(2011, 4, 15), date(2012, 4, 15)]
    assert scope.yearly("2012-02-29", "2013-03-01") == [date(2012, 2, 29), date(2013, 2, 28)]


def test_a_span_that_ends_before_it_starts_is_refused():
    with pytest.raises(BadDate, match="before"):
        scope.span("2010", "2009")


def test_every_group_names_organizations_the_vocabulary_knows():
    from blocs.vocab import organizations

    known = set(organizations())
    assert {o for g in scope.groups().values() for o in g["orgs"]} <= known


def test_frame_records_turn_nan_into_none():
    import pandas as pd

    recs = scope.frame_records(pd.DataFrame({"a": [1.0, float("nan")], "b": ["x", None]}))
    assert recs == [{"a": 1.0, "b": "x"}, {"a": None, "b": None}]
