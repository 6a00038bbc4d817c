"""Stress inputs far beyond the limits are answered: no crash, no traceback, no hang.

Each runs at a cheap scale in the default run and at full scale under ``pytest -m slow``.
How the time grows with the size of these inputs is measured by benchmarks/bench.py, not here.
"""

from __future__ import annotations

import pytest

from conftest import assert_nested_too_deep
from engine.checking.corpus import Corpus, load_text
from engine.evaluation.evaluator import evaluate
from engine.syntax import parse as parsing

NORMS = """norms deep "Deep" {
  norm n "N" {
    topic cross-border-data
    require %s because "why"
  }
}
"""

DEPTHS = [10_000, pytest.param(100_000, marks=pytest.mark.slow)]


def codes(f) -> list[str]:
    return [d.code for d in f.diagnostics]


# ---------------------------------------------------------------- nesting


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("shape", ["not {}", "not ({}"])
def test_conditions_nested_far_too_deep_get_E0004(depth, shape):
    assert_nested_too_deep(depth, shape)


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_parentheses_without_depth_in_the_model_are_answered(depth):
    # `((((x))))` has no depth in the model: it parses (the LALR stack is a list, not recursion).
    f = load_text(NORMS % ("(" * depth + "enforceable" + ")" * depth), "parens.norms")
    assert f.document is not None and not f.diagnostics


@pytest.mark.parametrize("length", [10_000, pytest.param(20_000, marks=pytest.mark.slow)])
def test_a_long_chain_of_and_is_flat_and_evaluates(length):
    pred = " and ".join(["enforceable"] * length)
    corpus = Corpus.build([load_text(NORMS % pred, "chain.norms")] + list(Corpus.bundled().files))
    assert not corpus.errors
    assert evaluate(corpus.agreement("cptpp"), corpus.norms("deep")).findings[0].grade == "met"
    rcep = evaluate(corpus.agreement("rcep"), corpus.norms("deep")).findings[0]
    assert (rcep.grade, rcep.article) == ("partial", "12.15")  # RCEP excludes dispute settlement: not enforceable
    assert rcep.reasons[0].requirement.startswith("require enforceable and enforceable and ")


# ---------------------------------------------------------------- large inputs


def test_a_one_megabyte_string_is_answered():
    big = "x" * 1_000_000
    f = load_text(f'agreement a "Title" {{\n  note "{big}"\n}}\n', "a.agr")
    assert f.document is not None and f.document.items[0].notes[0].text == big


def test_a_one_megabyte_unclosed_string_is_answered():
    f = load_text('agreement a {\n  note "' + "x" * 1_000_000 + "\n}\n", "a.agr")
    assert f.document is None and codes(f)[0] == "E0104"


def test_a_one_megabyte_line_of_junk_is_answered():
    f = load_text("agreement a { " + "{ ) ! " * 200_000 + "}", "a.agr")
    assert f.document is None and 1 <= len(f.diagnostics) <= parsing.MAX_SYNTAX_ERRORS


@pytest.mark.parametrize("count", [10_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_many_articles_are_answered(count):
    body = "\n".join(f"  article {i} {{ topic cooperation }}" for i in range(count))
    f = load_text(f"agreement big {{\n  parties JP KR\n{body}\n}}\n", "big.agr")
    assert f.document is not None and not [d for d in f.diagnostics if d.is_error]
    assert len(f.document.items[0].articles) == count


@pytest.mark.parametrize("count", [2_000, pytest.param(20_000, marks=pytest.mark.slow)])
def test_many_errors_in_a_large_file_are_answered(count):
    body = "\n".join(f"  article {i} {{ topic nosuch-topic }}" for i in range(count))
    f = load_text(f"agreement big {{\n  parties JP KR\n{body}\n}}\n", "big.agr")
    assert codes(f).count("E0201") == count
    assert f.diagnostics[-1].span.line == count + 2  # narrowed to the word on its own line
