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
    assert "expectations: 12 of 12 hold" in out  # kjdpa (4) and kj-critical-materials (8)


def test_public_names_are_documented():
    for name in engine.__all__:
        if name.startswith("__") or name == "FORMATS":
            continue
        obj = getattr(engine, name)
        assert obj.__doc__, f"engine.{name} has no docstring"


def test_names_of_release_0_1_still_work_with_a_deprecation_warning():
    import pytest

    from engine.views.compare import compare

    with pytest.warns(DeprecationWarning, match="engine.compare_agreements is deprecated.*use engine.compare"):
        assert engine.compare_agreements.__wrapped__ is compare  # its arguments checked on the way in
    with pytest.warns(DeprecationWarning, match="engine.Finding"):
        from engine.results import Finding

        assert engine.Finding is Finding
    with pytest.raises(AttributeError, match="no attribute 'nosuch'"):
        engine.nosuch  # noqa: B018


def test_the_public_api_is_fifteen_names_and_all_resolve():
    assert len(engine.__all__) == 15
    for name in engine.__all__:
        assert getattr(engine, name) is not None
