"""The conformance cases (tests/conformance/*.expect and the examples' expectations) hold on the bundled corpus.

`tradegap test tests/conformance/` runs the same cases from the command line.
"""

from __future__ import annotations

import engine
from conftest import ROOT


def test_conformance_corpus_holds(corpus):
    conformance = engine.load([str(ROOT / "tests" / "conformance"), str(ROOT / "examples")])
    assert not conformance.errors
    results = engine.check_expectations(conformance)
    assert len(results) >= 10
    failed = [r.text for r in results if not r.passed]
    assert failed == []
