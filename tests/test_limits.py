"""Limits: size, nesting and numbers are answered by diagnostics; stress inputs are answered.

How the time grows with the size of these inputs is measured by benchmarks/bench.py, not here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from engine.syntax import parse as parsing
from engine.checking.corpus import Corpus, load_file, load_text
from engine.evaluation.evaluator import evaluate
from engine.checking.fmt import format_source

NORMS = """norms deep "Deep" {
  norm n "N" {
    topic cross-border-data
    require %s because "why"
  }
}
"""


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def codes(f) -> list[str]:
    return [d.code for d in f.diagnostics]


# ---------------------------------------------------------------- size


def test_text_over_the_size_limit_is_refused_before_parsing():
    f = load_text("#" * (parsing.MAX_FILE_BYTES + 1), "big.agr")
    assert f.document is None
    assert codes(f) == ["E0003"]


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.agr"
    with open(path, "wb") as fh:  # a sparse file: its size says enough
        fh.truncate(parsing.MAX_FILE_BYTES + 1)
    f = load_file(str(path))
    assert f.document is None and codes(f) == ["E0003"]
    assert "16 MiB" in f.diagnostics[0].message


def test_size_limit_is_in_characters_of_text_and_bytes_of_file(tmp_path, monkeypatch):
    monkeypatch.setattr(parsing, "MAX_FILE_BYTES", 100)
    assert codes(load_text("agreement a { }" + " " * 100)) == ["E0003"]
    path = tmp_path / "a.agr"
    path.write_text("agreement a { }" + " " * 100)
    assert codes(load_file(str(path))) == ["E0003"]


# ---------------------------------------------------------------- nesting


@pytest.mark.parametrize("depth", [parsing.MAX_PREDICATE_DEPTH + 1, 1000, 100_000])
@pytest.mark.parametrize("shape", ["not {}", "not ({}"])
def test_conditions_nested_too_deep_get_E0004(depth, shape):
    pred = shape.replace("{}", "") * depth + "enforceable" + (")" * depth if "(" in shape else "")
    f = load_text(NORMS % pred, "deep.norms")
    assert "E0004" in codes(f)
    assert f.document is None  # nothing deeper than the limit reaches evaluation, formatting or the cache
    d = next(d for d in f.diagnostics if d.code == "E0004")
    assert d.span.line == 4 and d.hint
    formatted, diags = format_source(NORMS % pred, "deep.norms")
    assert formatted is None and any(x.code == "E0004" for x in diags)


def test_conditions_at_the_limit_are_fine():
    depth = parsing.MAX_PREDICATE_DEPTH
    f = load_text(NORMS % ("not " * depth + "enforceable"), "deep.norms")
    assert f.document is not None and "E0004" not in codes(f)


def test_deep_parentheses_without_depth_in_the_model_are_answered():
    # `((((x))))` has no depth in the model: it parses (the LALR stack is a list, not recursion).
    depth = 100_000
    f = load_text(NORMS % ("(" * depth + "enforceable" + ")" * depth), "parens.norms")
    assert f.document is not None and not f.diagnostics


def test_a_long_chain_of_and_is_flat_and_evaluates():
    pred = " and ".join(["enforceable"] * 20_000)
    corpus = Corpus.build([load_text(NORMS % pred, "chain.norms")] + list(Corpus.bundled().files))
    assert not corpus.errors
    report = evaluate(corpus.agreement("rcep"), corpus.norms("deep"))
    assert report.findings[0].grade in ("met", "partial", "unmet")


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize("years,fn", [("1000", "100000"), ("99999999999999999999",) * 2, ("9" * 5000,) * 2])
def test_huge_periods_and_footnotes_get_E0208(years, fn):
    text = f"""agreement a {{
  parties JP KR
  article 1 {{
    topic cross-border-data
    binding "shall" art 1 fn {fn}
    transition JP years {years}
  }}
}}
"""
    f = load_text(text, "a.agr")
    assert codes(f).count("E0208") == 2
    assert all(len(d.message) < 80 for d in f.diagnostics)


def test_periods_that_run_past_the_calendar_evaluate():
    text = """agreement a {
  parties JP KR
  in-force 9999-01-01
  article 1 { topic cross-border-data binding "shall" transition JP years 999 }
}
"""
    corpus = Corpus.build([load_text(text, "a.agr")] + list(Corpus.bundled().files))
    # Not yet in force today: graded as written, binding no one.  Once in force, the 999-year transition runs
    # past the calendar and holds JP back.
    (today, *_) = evaluate(corpus.agreement("a"), corpus.norms("tpp3")).findings
    assert (today.grade, today.force) == ("met", "not-in-force")
    (later, *_) = evaluate(corpus.agreement("a"), corpus.norms("tpp3"), as_of=dt.date(9999, 6, 1)).findings
    assert (later.grade, later.force) == ("partial", "in-force")


def test_an_article_number_of_5000_digits_is_answered():
    n = "9" * 5000
    text = f"""agreement a {{
  parties JP KR
  article {n}.1 {{ topic cross-border-data binding "x" }}
  article {n}.2 {{ topic cross-border-data hortatory "x" }}
}}
"""
    corpus = Corpus.build([load_text(text, "a.agr")] + list(Corpus.bundled().files))
    assert evaluate(corpus.agreement("a"), corpus.norms("tpp3")).findings[0].article == f"{n}.1"


# ---------------------------------------------------------------- stress inputs


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


def test_one_hundred_thousand_articles_are_answered():
    body = "\n".join(f"  article {i} {{ topic cooperation }}" for i in range(100_000))
    f = load_text(f"agreement big {{\n  parties JP KR\n{body}\n}}\n", "big.agr")
    assert f.document is not None and not [d for d in f.diagnostics if d.is_error]
    assert len(f.document.items[0].articles) == 100_000


def test_many_errors_in_a_large_file_are_answered():
    body = "\n".join(f"  article {i} {{ topic nosuch-topic }}" for i in range(20_000))
    f = load_text(f"agreement big {{\n  parties JP KR\n{body}\n}}\n", "big.agr")
    assert codes(f).count("E0201") == 20_000
    assert f.diagnostics[-1].span.line == 20_002  # narrowed to the word on its own line
