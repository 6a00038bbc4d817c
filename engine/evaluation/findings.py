"""The results of evaluation: findings, their reasons, evidence and traces.

Frozen records (:class:`engine.util.records.Record`: declared and read as frozen attrs classes are,
cheaper to build at import) with no behaviour beyond small conveniences; the JSON form (see
:mod:`engine.rendering.json`) is derived from their fields, so adding a field here is a schema change.

A :class:`Finding` may be made with some fields :class:`Deferred`: the
evaluator decides the grade, score and article at once and works out the
reasons, evidence and candidate traces only when something reads them (a
report that is counted, not rendered, never does).  Reading any deferred
field fills its whole group; a finding so made compares, hashes, prints,
pickles and unstructures exactly like one built whole.
"""

from __future__ import annotations

import abc

import datetime as dt
from typing import Any, Mapping, Optional

from engine.errors import UnknownId
from engine.evaluation import context as F
from engine.language import model as M
from engine.language import vocab as V
from engine.util.records import Record, field, fields

REPORT_SCHEMA = ("tradegap.report", "2.1")


class Evidence(Record):
    """The words that support a finding, and where they are."""

    article: str
    title: Optional[str]
    quote: Optional[str]
    file: str
    line: int
    verification: str
    citation: str = ""  # "Art. 12.17", "Art. 12.15, fn 14": from the quote's citation, else where it stands
    paraphrase: bool = False  # the words are a paraphrase: never printed in quotation marks
    absent: bool = False  # nothing to quote: the reason rests on the absence of a statement
    context: bool = False  # a quote of the article shown as context, not the evidence of a reason
    chapter: Optional[str] = field(default=None, kw_only=True)  # the article's chapter, where numbered per chapter


class Step(Record):
    """One predicate tested: what was looked at, what was found, whether it held."""

    test: str
    found: str
    held: bool
    file: str = ""
    line: int = 0


class Check(Record):
    """One requirement tested against one article."""

    requirement: str  # as written: "require strength at-least binding"
    because: str
    essential: bool
    held: bool
    steps: tuple[Step, ...] = ()
    parties: tuple[str, ...] = ()  # parties the failure concerns (empty: all)


class Candidate(Record):
    """An article on the norm's topic and how it fared."""

    article: str
    title: Optional[str]
    strength: V.Strength
    checks: tuple[Check, ...]
    file: str = ""
    line: int = 0
    chapter: Optional[str] = field(default=None, kw_only=True)  # the article's chapter, where numbered per chapter

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that did not hold."""
        return tuple(c for c in self.checks if not c.held)


class Reason(Record):
    """Why a finding is not met, in plain words, with the article and parties it concerns."""

    requirement: str
    because: str
    article: Optional[str]
    parties: tuple[str, ...] = ()
    detail: str = ""
    weight: int = 1
    evidence: tuple[Evidence, ...] = ()  # the statement(s) that decided this failure
    chapter: Optional[str] = field(default=None, kw_only=True)  # the article's chapter, where numbered per chapter


class Finding(Record):
    """One agreement against one norm."""

    agreement: str
    norm: str  # "set.norm"
    norm_title: Optional[str]
    topics: tuple[str, ...]
    grade: V.Grade
    unmet_because: Optional[V.UnmetBecause]
    article: Optional[str]  # the article graded (the best on the topic)
    reasons: tuple[Reason, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    score: Optional[int] = None  # 0..100: 100 met, 0 unmet, None not-encoded or not-applicable
    force: V.Force = V.Force.IN_FORCE  # whether the text binds anyone on the date (else graded as written)
    verification: Optional[V.Verification] = None  # the weakest level among the decisive evidence
    notes: tuple[str, ...] = ()  # encoders' notes on the decisive article (and its chapter)
    searched: tuple[str, ...] = ()  # unmet for want of an article: the chapters searched
    covered: tuple[str, ...] = ()  # not-encoded: the parts of the treaty the encoding covers
    # the decisive article's chapter, in an agreement numbered per chapter (None elsewhere)
    chapter: Optional[str] = field(default=None, kw_only=True)


class Deferred(abc.ABC):
    """Fields of a finding not worked out yet; one object may stand for several groups of fields."""

    __slots__ = ()

    @abc.abstractmethod
    def fill(self, name: str, owner: Any) -> Mapping[str, Any]:
        """The group of ``owner``'s fields that holds ``name``, worked out, by field name."""


class _FilledOnRead:
    """A field of a record class that may hold a :class:`Deferred` until it is first read.

    Attributes:
        name: the field's name.
        slot: the class's own slot for the field, which this stands in front of.
        slots: every slot of the class by field name (a fill sets its whole group).
    """

    __slots__ = ("name", "slot", "slots")

    def __init__(self, name: str, slots: Mapping[str, Any]) -> None:
        self.name, self.slot, self.slots = name, slots[name], slots

    def __get__(self, obj: object, owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        value = self.slot.__get__(obj, owner)
        if isinstance(value, Deferred):
            for name, filled in value.fill(self.name, obj).items():
                self.slots[name].__set__(obj, filled)
            value = self.slot.__get__(obj, owner)
        return value

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)


def _deferrable(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """Let ``names`` of the record class ``cls`` hold a :class:`Deferred` (see :class:`_FilledOnRead`); the
    class's own slots, in field order."""
    slots = {f.name: cls.__dict__[f.name] for f in fields(cls)}
    for name in names:
        setattr(cls, name, _FilledOnRead(name, slots))
    return tuple(slots.values())


#: The fields of a :class:`Finding` the evaluator may defer: the best candidate's reasons, the context
#: evidence and the verification they decide; every candidate's trace.
DEFERRABLE = ("reasons", "evidence", "verification", "candidates")
_FINDING_SLOTS = tuple(slot.__set__ for slot in _deferrable(Finding, DEFERRABLE))


def make_finding(agreement: str, norm: str, norm_title: Optional[str], topics: tuple[str, ...], grade: V.Grade,
            unmet_because: Optional[V.UnmetBecause], article: Optional[str], reasons: Any, evidence: Any,
            candidates: Any, score: Optional[int], force: V.Force, verification: Any, notes: tuple[str, ...],
            searched: tuple[str, ...], covered: tuple[str, ...], chapter: Optional[str] = None) -> Finding:
    """``Finding(...)`` with every field given, each set straight into its slot: the evaluator makes tens of
    thousands at a time, and this takes half the time of ``__init__`` (which has no validator or converter
    to run; ``tests/evaluation/test_verdict.py`` checks that it stays so, and that this sets every field)."""
    f = object.__new__(Finding)
    (s_agreement, s_norm, s_title, s_topics, s_grade, s_why, s_article, s_reasons, s_evidence, s_candidates,
     s_score, s_force, s_verification, s_notes, s_searched, s_covered, s_chapter) = _FINDING_SLOTS
    s_agreement(f, agreement)
    s_norm(f, norm)
    s_title(f, norm_title)
    s_topics(f, topics)
    s_grade(f, grade)
    s_why(f, unmet_because)
    s_article(f, article)
    s_reasons(f, reasons)
    s_evidence(f, evidence)
    s_candidates(f, candidates)
    s_score(f, score)
    s_force(f, force)
    s_verification(f, verification)
    s_notes(f, notes)
    s_searched(f, searched)
    s_covered(f, covered)
    s_chapter(f, chapter)
    return f


def deferred(value: Deferred) -> Any:
    """``value`` where a finding's field is expected (the field fills itself on first read)."""
    return value


class AgreementInfo(Record):
    """What a result says about an agreement it covers."""

    id: str
    title: Optional[str]
    status: Optional[str]
    parties: tuple[str, ...]
    based_on: Optional[str] = None
    in_force: Optional[dt.date] = None
    force: V.Force = V.Force.IN_FORCE  # on the result's date
    coverage: tuple[str, ...] = ()  # the parts of the treaty covered (written or inferred), or ("complete",)
    verification: Optional[str] = None  # the agreement-level verification

    @classmethod
    def of(cls, a: M.Agreement, as_of: Optional[dt.date] = None) -> "AgreementInfo":
        """The information of an agreement (its general entry into force; its force on ``as_of``, or by its
        status alone when no date is given)."""
        return cls(a.id, a.title, a.status, a.parties, a.based_on, a.entry_into_force(),
                   F.force(a, as_of or dt.date.max), F.covered_parts(a), a.verification)


class NormSetInfo(Record):
    """What a result says about a norm set it covers."""

    id: str
    title: Optional[str]
    version: Optional[str]
    source: Optional[str]

    @classmethod
    def of(cls, ns: M.NormSet) -> "NormSetInfo":
        """The information of a norm set."""
        return cls(ns.id, ns.title, ns.version, ns.source)


class Report(Record):
    """Findings for agreements against norm sets, as of a date, from a party's position."""

    engine_version: str
    as_of: dt.date
    party: Optional[str]
    agreements: tuple[AgreementInfo, ...]
    norm_sets: tuple[NormSetInfo, ...]
    findings: tuple[Finding, ...]

    def finding(self, agreement: str, norm: str) -> Finding:
        """The finding for an agreement id and a ``set.norm`` reference."""
        for f in self.findings:
            if f.agreement == agreement and f.norm == norm:
                return f
        raise UnknownId(f"no finding for {agreement} {norm}")

    def grades(self) -> dict[tuple[str, str], V.Grade]:
        """(agreement, ``set.norm``) -> grade, for every finding."""
        return {(f.agreement, f.norm): f.grade for f in self.findings}

