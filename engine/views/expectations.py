"""User-written expectations (``expect rcep tpp3.data-flows partial score 20..60``), checked against findings.

An expectation names a grade (``not-encoded`` among them) and may name a score range; every finding it looks
at must have the grade and, when a range is given, a score within it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable, Optional

import attrs

from engine.evaluation.evaluator import evaluate
from engine.evaluation.findings import Finding
from engine.language import model as M

if TYPE_CHECKING:
    from engine.checking.corpus import Corpus


@attrs.frozen
class ExpectationResult:
    """Whether an expectation held, with the findings it looked at, those that differ, and why each differs."""

    expectation: M.Expectation
    passed: bool
    actual: tuple[Finding, ...]  # the findings the expectation looked at
    failing: tuple[Finding, ...]  # those whose grade differs, or whose score is outside the range
    why: tuple[str, ...] = ()  # one line per failing finding: "partial, not unmet"; "score 43, not in 50..60"

    @property
    def text(self) -> str:
        """The expectation as written: ``expect rcep tpp3.data-flows partial score 20..60``."""
        e = self.expectation
        ref = e.norm_set + (f".{e.norm}" if e.norm else "")
        extra = (f" as-of {e.as_of.isoformat()}" if e.as_of else "") + (f" party {e.party}" if e.party else "")
        return f"expect {e.agreement} {ref} {e.grade}{_range(e)}{extra}"


def _range(e: M.Expectation) -> str:
    """`` score 20..60`` (an open end as 0 or 100), or nothing when no range is given."""
    if e.score_min is None and e.score_max is None:
        return ""
    return f" score {0 if e.score_min is None else e.score_min}..{100 if e.score_max is None else e.score_max}"


def mismatch(e: M.Expectation, f: Finding) -> Optional[str]:
    """Why a finding does not meet the expectation (None: it does)."""
    problems = []
    if f.grade != e.grade:
        problems.append(f"{f.grade}, not {e.grade}")
    if e.score_min is not None or e.score_max is not None:
        low = 0 if e.score_min is None else e.score_min
        high = 100 if e.score_max is None else e.score_max
        if f.score is None:
            problems.append(f"no score ({f.grade}), not in {low}..{high}")
        elif not low <= f.score <= high:
            problems.append(f"score {f.score}, not in {low}..{high}")
    return "; ".join(problems) or None


def check_expectation(corpus: Corpus, e: M.Expectation, today: Optional[dt.date] = None) -> ExpectationResult:
    """Evaluate what an expectation names and compare grades and scores (a whole set must be graded alike).

    The expectation's own date wins; else ``today`` (None: :func:`~engine.evaluation.evaluator.evaluate`
    reads the clock).
    """
    ns = corpus.norms(e.norm_set)
    if e.norm is not None:
        ns = attrs.evolve(ns, norms=tuple(n for n in ns.norms if n.id == e.norm))
    report = evaluate(corpus.agreement(e.agreement), ns, as_of=e.as_of or today, party=e.party)
    checked = [(f, mismatch(e, f)) for f in report.findings]
    failing = tuple((f, why) for f, why in checked if why is not None)
    return ExpectationResult(e, not failing, report.findings, tuple(f for f, _ in failing),
                             tuple(f"{f.agreement} {f.norm}: {why}" for f, why in failing))


def check_all(corpus: Corpus, expectations: Iterable[M.Expectation],
              today: Optional[dt.date] = None) -> tuple[ExpectationResult, ...]:
    """Every expectation checked, in the order given."""
    return tuple(check_expectation(corpus, e, today) for e in expectations)
