"""The result types the API returns, in one public place (their JSON form is documented in docs/json.md).

Every result is frozen: the evaluator's (``Report``, ``Finding`` and their parts) are records
(:class:`engine.util.records.Record`: declared, compared, hashed and pickled as frozen attrs classes;
``result.replace(field=...)`` stands for ``attrs.evolve``), the views' are frozen attrs classes.
``engine.render(result, fmt)`` prints any of them.
"""

from engine.checking.corpus import SourceFile
from engine.evaluation.findings import (AgreementInfo, Candidate, Check, Evidence, Finding, NormSetInfo, Reason,
                                        Report, Step)
from engine.views.compare import ArticleView, Cell, Comparison, Qualifier, Row
from engine.views.diff import ArticleChange, Change, Diff, GradeChange
from engine.views.expectations import ExpectationResult
from engine.views.pair import Binding, NotBinding, Pair, PairRow
from engine.views.precedents import Precedent, SuggestedReport, Suggestion

__all__ = [
    "AgreementInfo", "ArticleChange", "ArticleView", "Binding", "Candidate", "Cell", "Change", "Check",
    "Comparison", "Diff", "Evidence", "ExpectationResult", "Finding", "GradeChange", "NormSetInfo", "NotBinding",
    "Pair", "PairRow", "Precedent", "Qualifier", "Reason", "Report", "Row", "SourceFile", "Step",
    "SuggestedReport", "Suggestion",
]
