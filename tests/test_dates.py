from datetime import date

import pytest

from blocs.dates import PartialDate, parse_day
from blocs.errors import BadDate


def test_precision_is_read_from_the_form_of_the_date():
    assert PartialDate.parse("2008").precision == "year"
    assert PartialDate.parse("2008-11").precision == "month"
    assert PartialDate.parse("2008-11-12").precision == "day"


def test_a_year_is_a_window_of_days():
    d = PartialDate.parse("2008")
    assert (d.lo, d.hi) == (date(2008, 1, 1), date(2008, 12, 31))
    assert not d.exact


def test_a_month_ends_on_its_last_day_including_leap_february():
    assert PartialDate.parse("2008-02").hi == date(2008, 2, 29)
    assert PartialDate.parse("2009-02").hi == date(2009, 2, 28)


def test_late_2008_is_the_last_third_of_the_year():
    d = PartialDate.parse("2008", qualifier="late")
    assert (d.lo, d.hi) == (date(2008, 9, 1), date(2008, 12, 31))
    assert str(d) == "late 2008"


def test_early_1990s_is_the_first_years_of_the_decade():
    d = PartialDate.parse("1990", "decade", "early")
    assert (d.lo, d.hi) == (date(1990, 1, 1), date(1993, 12, 31))


@pytest.mark.parametrize("bad", ["2010-02-30", "2010-13", "20100", "next year", "", "2010-1-5"])
def test_impossible_or_unreadable_dates_are_refused(bad):
    with pytest.raises(BadDate):
        PartialDate.parse(bad)


def test_a_qualifier_needs_a_year_or_decade():
    with pytest.raises(BadDate):
        PartialDate.parse("2008-11", qualifier="late")


def test_a_question_day_must_be_a_full_day():
    assert parse_day("2010-04-15") == date(2010, 4, 15)
    assert parse_day("today") == date.today()
    with pytest.raises(BadDate, match="YYYY-MM-DD"):
        parse_day("2010")
    with pytest.raises(BadDate, match="cannot exist"):
        parse_day("2010-02-31")
