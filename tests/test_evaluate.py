"""Scoring by the spec's matching rules, and the development figures pinned."""

from datetime import date

from blocs.claims import read_jsonl, validate
from blocs.evaluate import evaluate
from blocs.extract import extract

from .conftest import CORPUS, GOLD


def c(**kw):
    base = {"kind": "membership", "subject": "UZB", "object": "CSTO", "role": "member",
            "event": "join", "source": {"doc": "d", "start": 0, "end": 10}, "quote": "x" * 10}
    return validate({**base, **kw})


def test_claims_match_on_key_fields_with_overlapping_spans():
    assert evaluate([c()], [c(source={"doc": "d", "start": 5, "end": 20}, quote="y" * 15)]
                    ).by_name()["membership"].matched == 1
    assert evaluate([c()], [c(source={"doc": "d", "start": 10, "end": 20}, quote="y" * 10)]
                    ).by_name()["membership"].matched == 0
    assert evaluate([c()], [c(event="leave")]).by_name()["membership"].matched == 0


def test_dates_agree_to_the_coarser_precision_and_gold_without_date_matches_any():
    gold = c(date="2005", date_precision="year")
    assert evaluate([gold], [c(date="2005-06-01", date_precision="day")]).by_name()[
        "membership"].matched == 1
    assert evaluate([gold], [c(date="2006", date_precision="year")]).by_name()[
        "membership"].matched == 0
    assert evaluate([c()], [c(date="2006", date_precision="year")]).by_name()[
        "membership"].matched == 1


def test_numbers_agree_within_one_percent():
    g = validate({"kind": "contribution", "subject": "RUS", "object": "ACF", "quantity": 7.5e9,
                  "unit": "USD", "source": {"doc": "d", "start": 0, "end": 5}, "quote": "xxxxx"})
    near = validate({**g.data, "quantity": 7.45e9})
    far = validate({**g.data, "quantity": 7e9})
    assert evaluate([g], [near]).by_name()["contribution"].matched == 1
    assert evaluate([g], [far]).by_name()["contribution"].matched == 0


def test_each_claim_matches_at_most_once():
    e = evaluate([c()], [c(), c(confidence=0.5, note="dup")])
    s = e.by_name()["membership"]
    assert (s.matched, s.extracted, s.precision) == (1, 2, 0.5)


def test_the_development_figures_do_not_fall():
    text = (CORPUS / "rad76.txt").read_text(encoding="utf-8")
    scores = evaluate(list(read_jsonl(GOLD)), extract(text, "rad76", date(2010, 4, 15))).by_name()
    # pinned at the figures of this version; raise them when the extractor improves
    assert scores["hard facts"].f1 >= 0.95
    assert scores["all"].f1 >= 0.89
    assert scores["membership"].f1 >= 0.95
