import io
import json

import pytest

from blocs.claims import Claim, read_jsonl, validate, write_jsonl
from blocs.errors import DataError

from .conftest import GOLD

BASE = {"kind": "membership", "subject": "UZB", "object": "EURASEC", "role": "member",
        "event": "suspend", "date": "2008", "date_precision": "year", "date_qualifier": "late",
        "source": {"doc": "rad76", "start": 10, "end": 20}, "quote": "0123456789"}


def test_a_valid_claim_reads_its_fields():
    c = validate(BASE)
    assert (c.kind, c.subject, c.object, c.span) == ("membership", "UZB", "EURASEC", (10, 20))
    assert str(c.date) == "late 2008"


@pytest.mark.parametrize("field,value,message", [
    ("kind", "rumour", "unknown kind"),
    ("role", "overlord", "not one of"),
    ("event", "annex", "not one of"),
    ("date", "2008-13", "does not fit"),
    ("date_precision", "century", "not one of"),
    ("source", {"doc": "x", "start": 5}, "both 'start' and 'end'"),
    ("source", {"doc": "x", "start": 9, "end": 3}, "bad span"),
])
def test_a_bad_field_is_named_in_the_error(field, value, message):
    with pytest.raises(DataError, match=message) as e:
        validate({**BASE, field: value}, "claims.jsonl", 7)
    assert e.value.line == 7 and e.value.field == field
    assert str(e.value).startswith("claims.jsonl, line 7")


def test_a_missing_required_field_is_named():
    data = {k: v for k, v in BASE.items() if k != "role"}
    with pytest.raises(DataError, match="needs 'role'"):
        validate(data)


def test_identity_ignores_review_fields_but_not_content():
    a = validate(BASE)
    assert a.id == validate({**BASE, "note": "x", "status": "accepted", "confidence": 0.4}).id
    assert a.id != validate({**BASE, "date": "2009"}).id


def test_claims_are_written_in_the_canonical_key_order():
    c = Claim({"quote": "q", "source": {"doc": "d"}, "kind": "function", "domain": "economic",
               "subject": "CIS", "zzz": 1})
    keys = list(json.loads(c.to_json()))
    assert keys == ["kind", "subject", "domain", "source", "quote", "zzz"]


def test_the_gold_file_reads_and_round_trips():
    claims = list(read_jsonl(GOLD))
    assert len(claims) == 200
    buf = io.StringIO()
    assert write_jsonl(claims, buf) == 200
    again = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert again == [dict(c.data) for c in claims]


def test_a_broken_line_is_reported_with_its_number(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps(BASE) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"line 2.*invalid JSON"):
        list(read_jsonl(p))


def test_a_binary_file_is_refused_as_not_utf8(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match="not UTF-8"):
        list(read_jsonl(p))
