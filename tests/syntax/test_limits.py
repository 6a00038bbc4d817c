"""Limits: size, nesting and numbers are answered by diagnostics (syntax/limits.py).

Inputs far beyond the limits (deep nesting, large files) are in tests/stress/test_large_inputs.py.
"""

from __future__ import annotations

import pytest

from conftest import assert_nested_too_deep
from engine.checking.corpus import Corpus, load_file, load_text
from engine.evaluation.evaluator import evaluate
from engine.syntax import parse as parsing

NORMS = """norms deep "Deep" {
  norm n "N" {
    topic cross-border-data
    require %s because "why"
  }
}
"""


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


@pytest.mark.parametrize("depth", [parsing.MAX_PREDICATE_DEPTH + 1, 1000])
@pytest.mark.parametrize("shape", ["not {}", "not ({}"])
def test_conditions_nested_too_deep_get_E0004(depth, shape):
    assert_nested_too_deep(depth, shape)


def test_conditions_at_the_limit_are_fine():
    depth = parsing.MAX_PREDICATE_DEPTH
    f = load_text(NORMS % ("not " * depth + "enforceable"), "deep.norms")
    assert f.document is not None and "E0004" not in codes(f)


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
