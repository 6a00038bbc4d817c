"""User-written expectations (``expect rcep tpp3.data-flows partial``), checked against findings."""

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
    """Whether an expectation held, with the findings it looked at and those that differ."""

    expectation: M.Expectation
    passed: bool
    actual: tuple[Finding, ...]  # the findings the expectation looked at
    failing: tuple[Finding, ...]  # those whose grade differs

    @property
    def text(self) -> str:
        """The expectation as written: ``expect rcep tpp3.data-flows partial``."""
        e = self.expectation
        ref = e.norm_set + (f".{e.norm}" if e.norm else "")
        extra = (f" as-of {e.as_of.isoformat()}" if e.as_of else "") + (f" party {e.party}" if e.party else "")
        return f"expect {e.agreement} {ref} {e.grade}{extra}"


def check_expectation(corpus: Corpus, e: M.Expectation, today: Optional[dt.date] = None) -> ExpectationResult:
    """Evaluate what an expectation names and compare grades (a whole set must be graded alike).

    The expectation's own date wins; else ``today`` (None: :func:`~engine.evaluation.evaluator.evaluate`
    reads the clock).
    """
    ns = corpus.norms(e.norm_set)
    if e.norm is not None:
        ns = attrs.evolve(ns, norms=tuple(n for n in ns.norms if n.id == e.norm))
    report = evaluate(corpus.agreement(e.agreement), ns, as_of=e.as_of or today, party=e.party)
    failing = tuple(f for f in report.findings if f.grade != e.grade)
    return ExpectationResult(e, not failing, report.findings, failing)


def check_all(corpus: Corpus, expectations: Iterable[M.Expectation],
              today: Optional[dt.date] = None) -> tuple[ExpectationResult, ...]:
    """Every expectation checked, in the order given."""
    return tuple(check_expectation(corpus, e, today) for e in expectations)
