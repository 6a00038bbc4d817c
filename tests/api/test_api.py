"""The library API and the example script that uses only it."""

from __future__ import annotations

import runpy

import engine

from conftest import ROOT


def test_example_script_runs_with_the_public_api_only(capsys):
    source = (ROOT / "examples" / "library_usage.py").read_text(encoding="utf-8")
    assert "from engine." not in source and "import engine." not in source
    runpy.run_path(str(ROOT / "examples" / "library_usage.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "rcep tpp3.data-flows: partial" in out
    assert "my-draft" in out
    assert "expectations: 4 of 4 hold" in out


def test_public_names_are_documented():
    for name in engine.__all__:
        if name.startswith("__") or name == "FORMATS":
            continue
        obj = getattr(engine, name)
        assert obj.__doc__, f"engine.{name} has no docstring"


def test_corpus_lookup_errors_name_the_known_ids(corpus):
    import pytest

    with pytest.raises(KeyError, match="did you mean `rcep`"):
        corpus.agreement("rcpe")


def test_conformance_corpus_holds(corpus):
    conformance = engine.load([str(ROOT / "tests" / "conformance"), str(ROOT / "examples")])
    assert not conformance.errors
    results = engine.check_expectations(conformance)
    assert len(results) >= 10
    failed = [r.text for r in results if not r.passed]
    assert failed == []
