import pytest

from blocs.claims import validate
from blocs.errors import DataError
from blocs.timeline import MembershipClaim, derive, pair_spells


def mc(event, date, role="member", *, complete=True, line=1, as_of=None, **extra):
    data = {"kind": "membership", "subject": "UZB", "object": "CSTO", "role": role,
            "event": event, "source": {"doc": "s"}, "quote": "", **extra}
    if date:
        data["date"] = date
        data.setdefault("date_precision", {4: "year", 7: "month", 10: "day"}[len(date)])
    if as_of:
        data["stated_as_of"] = as_of
    return MembershipClaim(validate(data), "reference" if complete else "doc",
                           100 if complete else 50, complete, f"f.yaml:{line}")


def test_join_and_leave_make_one_closed_spell():
    [s] = pair_spells([mc("join", "2006-06-23"), mc("leave", "2012-12-19")])
    assert (s.role, s.start.value, s.end.value, s.end_kind) == ("member", "2006-06-23",
                                                              "2012-12-19", "leave")


def test_events_are_applied_in_date_order_whatever_the_file_order():
    [s] = pair_spells([mc("leave", "2012-12-19"), mc("join", "2006-06-23")])
    assert s.end_kind == "leave"


def test_suspension_is_a_spell_of_its_own_and_resume_restores_the_role():
    spells = pair_spells([mc("join", "2006"), mc("suspend", "2008-11-12"),
                          mc("resume", "2010-01-01")])
    assert [s.role for s in spells] == ["member", "suspended", "member"]
    assert spells[1].start.value == "2008-11-12" and spells[1].end.value == "2010-01-01"


def test_a_freeze_keeps_the_role_and_the_run_since():
    spells = pair_spells([mc("join", "2002-10-07", "founding_member"),
                          mc("freeze", "2024-02-22", "founding_member")])
    assert [(s.role, s.frozen) for s in spells] == [("founding_member", False),
                                                    ("founding_member", True)]
    assert spells[1].run_since.value == "2002-10-07"
    assert spells[0].run_until is None


def test_a_change_of_role_closes_one_spell_and_opens_the_next():
    spells = pair_spells([mc("join", "2005-07-05", "observer"), mc("join", "2017-06-09")])
    assert [(s.role, s.end_kind) for s in spells] == [("observer", "change"), ("member", None)]
    assert spells[0].run_until.value == "2017-06-09"


def test_a_second_source_for_the_same_join_is_corroboration_and_keeps_the_precise_date():
    [s] = pair_spells([mc("join", "2002"), mc("join", "2002-10-07", line=2)])
    assert s.start.value == "2002-10-07" and len(s.claim_ids) == 2


def test_the_reference_refuses_a_leave_without_membership_naming_file_and_line():
    with pytest.raises(DataError, match=r"f\.yaml, line 9.*without being in it"):
        pair_spells([mc("leave", "2012-12-19", line=9)])


def test_the_reference_refuses_two_joins_that_cannot_be_the_same_day():
    with pytest.raises(DataError, match="already member"):
        pair_spells([mc("join", "2005"), mc("join", "2006-06-23", line=3)])


def test_a_document_stops_speaking_after_the_day_it_speaks_from():
    [s] = pair_spells([mc("join", "2005", complete=False, as_of="2010-04-15")])
    assert s.end_kind == "silent" and s.end.value == "2010-04-16"


def test_a_document_state_claim_opens_a_spell_on_its_day():
    [s] = pair_spells([mc("state", None, complete=False, as_of="2010-04-15")])
    assert s.start.value == "2010-04-15" and s.end.value == "2010-04-16"


def test_a_document_leave_states_an_absence():
    spells = pair_spells([mc("leave", "2008", complete=False, as_of="2010-04-15")])
    assert [s.role for s in spells] == ["none"]


def test_alternatives_and_planned_claims_make_no_spells():
    claims = [mc("join", "2006-06-23"), mc("join", "2005", alternative=True),
              mc("leave", "2030", modality="planned")]
    [s] = derive(claims)
    assert s.start.value == "2006-06-23" and s.end is None
