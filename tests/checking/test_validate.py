"""Validation of one document (engine/checking/validate.py): the checks of issue 11.

Coverage and chapter parts are words of the `Part` vocabulary (or `complete`, alone); weights run from 1;
a score range is not reversed and can hold for the grade expected; an unknown entry into force names a party.
"""

from __future__ import annotations

import pytest

from engine.checking.validate import validate
from engine.language import codes as C
from engine.language import diagnostics as D
from engine.syntax.parse import parse_text


def problems(text: str) -> list[D.Diagnostic]:
    result = parse_text(text, "v.agr")
    assert result.document is not None and not result.diagnostics, result.diagnostics
    return list(validate(result.document))


def codes(text: str) -> list[str]:
    return [d.code for d in problems(text)]


def test_the_new_statements_written_right_raise_nothing():
    assert codes('agreement a {\n  parties KH MM\n  in-force 2022-01-01\n  in-force MM unknown\n'
                 '  coverage electronic-commerce dispute-resolution exceptions\n'
                 '  chapter 12 {\n    part electronic-commerce\n'
                 '    article 12.1 { topic cross-border-data binding "x"\n'
                 '      transition KH years 5 extendable 3 paragraph "1(a)"\n'
                 '      reservation MM until "its law is implemented" } }\n}\n'
                 'norms n {\n  weight 100\n  norm m { topic scope require enforceable weight 1 because "x" }\n}\n'
                 'expect a n.m partial score 20..60\nexpect a n.m met score 100..100\nexpect a n.m unmet score 0..0\n'
                 'expect a n not-encoded\nexpect a n.m not-applicable party KH\n') == []
    assert codes("agreement a {\n  coverage complete\n}\n") == []


def test_a_coverage_word_outside_the_parts_is_unknown_with_a_did_you_mean():
    (d,) = problems("agreement a {\n  coverage electronic-comerce\n}\n")
    assert d.code == C.UNKNOWN_PART.id and d.message == "unknown coverage word `electronic-comerce`"
    assert d.hint == "did you mean `electronic-commerce`?" and d.focus == "electronic-comerce"
    assert d.span.line == 2


def test_a_chapter_part_outside_the_parts_is_unknown_and_complete_is_no_part():
    (d,) = problems("agreement a {\n  chapter 1 { part investmnt }\n}\n")
    assert (d.code, d.hint) == (C.UNKNOWN_PART.id, "did you mean `investment`?")
    (d,) = problems("agreement a {\n  chapter 1 { part complete }\n}\n")
    assert d.code == C.UNKNOWN_PART.id and "complete" not in d.hint


def test_complete_stands_alone_and_a_part_is_listed_once():
    assert codes("agreement a {\n  coverage complete customs\n}\n") == [C.NOT_ALLOWED_HERE.id]
    (d,) = problems("agreement a {\n  coverage customs investment customs\n}\n")
    assert (d.code, d.message) == (C.GIVEN_TWICE.id, "`customs` is listed twice in `coverage`")


@pytest.mark.parametrize("text", [
    "norms n {\n  weight 0\n}\n",
    'norms n {\n  norm m { topic scope require enforceable weight 0 because "x" }\n}\n',
])
def test_a_weight_is_at_least_one(text):
    (d,) = problems(text)
    assert (d.code, d.message, d.focus) == (C.NUMBER_OUT_OF_RANGE.id, "a weight of 0 counts for nothing", "weight")


def test_a_score_range_is_not_reversed():
    (d,) = problems("expect a n.m partial score 60..20\n")
    assert (d.code, d.hint) == (C.NUMBER_OUT_OF_RANGE.id, "write the lower score first: `score 20..60`")


@pytest.mark.parametrize("grade, score", [("met", 100), ("unmet", 0)])
def test_a_score_range_takes_in_the_score_of_a_met_or_unmet_finding(grade, score):
    (d,) = problems(f"expect a n.m {grade} score 1..99\n")
    assert d.code == C.NUMBER_OUT_OF_RANGE.id
    assert d.message == f"a `{grade}` finding always scores {score}, outside 1..99"


@pytest.mark.parametrize("grade", ["not-encoded", "not-applicable"])
def test_a_finding_without_a_score_takes_no_score_range(grade):
    (d,) = problems(f"expect a n.m {grade} score 0..100\n")
    assert (d.code, d.focus) == (C.NOT_ALLOWED_HERE.id, "score")


def test_an_unknown_entry_into_force_names_a_party_and_is_never_before_signature():
    text = "agreement a {\n  parties JP KR\n  signed 2020-01-01\n  in-force US unknown\n  in-force unknown\n}\n"
    (d,) = problems(text)
    assert (d.code, d.focus, d.span.line) == (C.NOT_A_PARTY.id, "US", 4)
    assert codes("agreement a {\n  in-force unknown\n  in-force unknown\n}\n") == [C.GIVEN_TWICE.id]
