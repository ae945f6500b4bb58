"""Pausing the cycle collector for bulk work gives it back as it was, even on an error."""

import gc

import pytest

from blocs.bulk import no_cyclic_gc


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with no_cyclic_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_the_collector_back_on():
    with pytest.raises(ValueError):
        with no_cyclic_gc():
            raise ValueError("bad row")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with no_cyclic_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
