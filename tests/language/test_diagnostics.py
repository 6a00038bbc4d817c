"""Diagnostics: every code documented and shown by a failing example; source lines shown inertly.

The rendered text of each code (location, message, source line, caret, hint) is kept as golden files
in tests/golden/diagnostics/ (tests/checking/test_diagnostics_golden.py).
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from engine.checking.corpus import load_text
from engine.language import diagnostics as D
from engine.language.diagnostics import CODES, codes_markdown
from hostile import CONTROL, PAYLOADS, dsl

import golden_diagnostics


def test_every_code_is_exercised_by_a_test():
    """Each code has a golden case, or a failing example in a test file."""
    golden = {golden_diagnostics.code(p) for p in golden_diagnostics.cases()}
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [code for code in CODES if code not in golden and f'"{code}"' not in tests and f"[{code}]" not in tests]
    assert untested == [], "add a failing example for each of these codes"


def test_docs_list_every_code_with_an_example():
    doc = ROOT / "docs" / "diagnostics.md"
    assert doc.read_text(encoding="utf-8") == codes_markdown(), \
        "regenerate docs/diagnostics.md from engine.language.diagnostics.codes_markdown()"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_diagnostics_show_source_lines_inertly(payload):
    text = f"agreement a {dsl(payload)} {{\n  topic {dsl(payload)}\n}}\n"  # topic outside an article
    f = load_text(text, "a.agr")
    assert f.diagnostics
    for d in f.diagnostics:
        shown = D.render_text(d, {"a.agr": text})
        assert not CONTROL.search(shown), repr(shown)
