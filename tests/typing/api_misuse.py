"""Misuses of the public API that a type checker must catch; each line's expected error follows ``# E:``.

Checked by tests/typing/test_typing.py, never run.
"""

from __future__ import annotations

import datetime as dt

import engine

corpus = engine.load()
rcep = corpus.agreement("rcep")
tpp3 = corpus.norms("tpp3")
engine.evaluate(rcep, tpp3, as_of="2026-11-27")  # E: arg-type
engine.evaluate("rcep", tpp3)  # E: arg-type
engine.explain(rcep, tpp3, 3)  # E: arg-type
engine.render(corpus, "text")  # E: arg-type
engine.load("examples/", cache="yes")  # E: arg-type
report: engine.Report = engine.compare([rcep], tpp3)  # E: assignment
grade: int = engine.evaluate(rcep, tpp3, dt.date(2026, 1, 1)).findings[0].grade  # E: assignment
first = engine.evaluate(rcep, tpp3, dt.date(2026, 1, 1)).findings[0]
first.score = 100  # E: misc
engine.Report("0.1.0", dt.date(2026, 1, 1))  # E: call-arg
engine.Diagnostic("E0001", "message", hint="x", nosuch=1)  # E: call-arg
