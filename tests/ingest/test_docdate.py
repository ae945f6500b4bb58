import pytest

from blocs.ingest.docdate import find_date, iso_prefix


@pytest.mark.parametrize("text,expected", [
    ("Russian Analytical Digest\n15 April 2010\n", "2010-04-15"),
    ("No. 76, April 2010\n", "2010-04"),
    ("Report, 2010-04-15 (draft)", "2010-04-15"),
    ("31 February 2009", "2009-02"),            # no such day: the month still stands
    ("Washington, April 15, 2010 —", "2010-04-15"),
    ("Sept. 2009 issue", "2009-09"),
    ("Москва, 15 апреля 2010 г.", "2010-04-15"),
    ("Published on 15 April 2010", "2010-04-15"),
])
def test_a_dateline_near_the_top_is_found_at_its_precision(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("text", [
    "At the most recent CIS summit in Chisinau in October 2009, only seven presidents came.",
    "The troops arrived on 15 April 2010.",
    "Members may 2010 be asked",          # "may" the verb is not a month
    "Nothing dated here.",
])
def test_no_date_is_found_where_there_is_no_dateline(text):
    assert find_date(text) is None


def test_only_the_top_of_the_document_is_looked_at():
    assert find_date("x" * 2000 + " April 2010") is None
    assert find_date("x" * 1900 + " April 2010") == "2010-04"


def test_the_first_dateline_wins_over_a_later_more_precise_one():
    assert find_date("April 2010\n\nMoscow, 12 May 2010") == "2010-04"


@pytest.mark.parametrize("value,expected", [
    ("2010-04-15T10:00:00Z", "2010-04-15"), ("2010-04", "2010-04"), ("2010", "2010"),
    ("2010-13-01", None), ("yesterday", None)])
def test_a_metadata_date_becomes_an_iso_partial_date(value, expected):
    assert iso_prefix(value) == expected
