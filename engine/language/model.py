"""The domain model: frozen attrs classes, no parser types inside.

Every node keeps the :class:`Span` of the text that wrote it; spans are
excluded from equality and hashing, so two documents that say the same thing
compare equal however they are laid out.  Vocabulary positions hold plain
strings checked by :mod:`engine.checking.validate` against :mod:`engine.language.vocab`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional, Union

import attrs

from engine.language.vocab import Strength


@attrs.frozen(order=True)
class Span:
    """Where a node was written: 1-based line and column, end exclusive."""

    file: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def written(self) -> bool:
        """Whether the span points into a text (``NO_SPAN`` and file-only spans do not)."""
        return self.line > 0

    def or_else(self, default: "Span") -> "Span":
        """This span if it was written, else ``default`` (e.g. the enclosing block's)."""
        return self if self.line > 0 else default


NO_SPAN = Span()


def number_key(number: str) -> tuple[tuple[int, int, str], ...]:
    """Article numbers in reading order (14.2 before 14.10); a run of digits compares as a number,
    by length and then digits, so that no article number, however long, needs ``int()``."""
    return tuple((0, len(x.lstrip("0")), x.lstrip("0")) if x.isdigit() else (1, 0, x) for x in number.split("."))


def _span() -> Span:
    return attrs.field(default=NO_SPAN, eq=False, hash=False, repr=False, kw_only=True)


@attrs.frozen
class Citation:
    """A quote's source when it is not the article being coded: ``art 14.18 fn 3``."""

    article: str
    footnote: Optional[int] = None


@attrs.frozen
class Quote:
    """The verbatim operative words that justify a coded attribute."""

    text: str
    citation: Optional[Citation] = None
    paraphrase: bool = False  # `paraphrase "..."`: words recalled or summarised, never printed as a quotation
    span: Span = _span()


@attrs.frozen
class Period:
    """A length of time: ``years`` from each party's entry into force (``extendable`` by more years),
    ``until`` a date, or until an ``event`` (with the event's date once it is known)."""

    years: Optional[int] = None
    until: Optional[_dt.date] = None
    extension_years: Optional[int] = None  # `years 5 extendable 3`: possibly 3 more years
    event: Optional[str] = None  # `until "its personal data law is implemented" [DATE]`


@attrs.frozen
class Commitment:
    """How strongly an article commits the parties, and in what form."""

    strength: str
    form: Optional[str] = None
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Scope:
    """``covers ITEM`` or ``excludes ITEM``."""

    mode: str  # "covers" | "excludes"
    item: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Software:
    """Which software a source-code rule covers."""

    coverage: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Exception_:
    """An exception: its kind and qualifiers (self-judging, non-disputable, ...)."""

    kind: str
    qualifiers: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class DisputeSettlement:
    """Whether dispute settlement applies; ``shielded`` names parties and a period."""

    mode: str  # "applies" | "excluded" | "shielded"
    parties: tuple[str, ...] = ()
    period: Optional[Period] = None
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Contingency:
    """The commitment holds only while something outside the agreement does."""

    condition: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Transition:
    """Named parties need not apply the article for a period."""

    parties: tuple[str, ...]
    period: Period
    quotes: tuple[Quote, ...] = ()
    paragraph: Optional[str] = attrs.field(default=None, kw_only=True)  # `paragraph "1(a)"`: not the whole article
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Reservation:
    """Named parties are not bound by the article (for a period, or indefinitely)."""

    parties: tuple[str, ...]
    period: Optional[Period] = None
    quotes: tuple[Quote, ...] = ()
    paragraph: Optional[str] = attrs.field(default=None, kw_only=True)  # `paragraph "1(a)"`: not the whole article
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen
class Note:
    text: str
    span: Span = _span()


@attrs.frozen
class Removal:
    """In an amendment: ``remove exception public-policy``."""

    what: str
    which: Optional[str] = None
    span: Span = _span()


@attrs.frozen
class Article:
    """One article, its number exactly as written in the treaty."""

    number: str
    title: Optional[str] = None
    topics: tuple[str, ...] = ()
    commitment: Optional[Commitment] = None
    scope: tuple[Scope, ...] = ()
    software: Optional[Software] = None
    exceptions: tuple[Exception_, ...] = ()
    dispute_settlement: tuple[DisputeSettlement, ...] = ()
    contingency: Optional[Contingency] = None
    transitions: tuple[Transition, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    verification: Optional[str] = None
    notes: tuple[Note, ...] = ()
    span: Span = _span()
    topic_span: Span = attrs.field(default=NO_SPAN, eq=False, hash=False, repr=False, kw_only=True)

    @property
    def strength(self) -> str:
        return self.commitment.strength if self.commitment else Strength.ABSENT


@attrs.frozen
class Amendment:
    """``amend article N { ... }``: overrides and removals applied to the base's article."""

    number: str
    title: Optional[str] = None
    changes: Article = attrs.field(factory=lambda: Article(number=""))
    removals: tuple[Removal, ...] = ()
    span: Span = _span()


@attrs.frozen
class Omission:
    """``omit article N "why"``."""

    number: str
    reason: Optional[str] = None
    span: Span = _span()


@attrs.frozen
class Chapter:
    number: str
    title: Optional[str] = None
    articles: tuple[Article, ...] = ()
    exceptions: tuple[Exception_, ...] = ()
    dispute_settlement: tuple[DisputeSettlement, ...] = ()
    scope: tuple[Scope, ...] = ()  # applies to every article in the chapter
    verification: Optional[str] = None
    part: Optional[str] = None  # `part electronic-commerce`: the kind of chapter (else: its articles' topics)
    notes: tuple[Note, ...] = ()
    span: Span = _span()


@attrs.frozen
class PartyEntry:
    """Entry into force for named parties (all parties when ``parties`` is empty); ``None``: not known."""

    date: Optional[_dt.date]
    parties: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen
class SettingSpans:
    """Where each single-valued setting of an agreement was written (``NO_SPAN`` where it was not)."""

    kind: Span = NO_SPAN
    status: Span = NO_SPAN
    parties: Span = NO_SPAN
    signed: Span = NO_SPAN
    source: Span = NO_SPAN
    verification: Span = NO_SPAN
    based_on: Span = NO_SPAN
    coverage: Span = NO_SPAN

    def overlay(self, other: "SettingSpans") -> "SettingSpans":
        """These spans with every setting ``other`` wrote taking its place (a draft over its base)."""
        return SettingSpans(**{f.name: getattr(other, f.name).or_else(getattr(self, f.name))
                               for f in attrs.fields(SettingSpans)})


@attrs.frozen
class Agreement:
    """An agreement or a draft, as written (see :mod:`engine.resolve` for drafts)."""

    id: str
    title: Optional[str] = None
    kind: Optional[str] = None
    status: Optional[str] = None
    parties: tuple[str, ...] = ()
    signed: Optional[_dt.date] = None
    in_force: tuple[PartyEntry, ...] = ()
    source: Optional[str] = None
    verification: Optional[str] = None
    based_on: Optional[str] = None
    coverage: tuple[str, ...] = ()  # `coverage PART...` or `coverage complete`; empty: the chapters it holds
    exceptions: tuple[Exception_, ...] = ()
    dispute_settlement: tuple[DisputeSettlement, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    articles: tuple[Article, ...] = ()  # articles outside any chapter
    amendments: tuple[Amendment, ...] = ()
    omissions: tuple[Omission, ...] = ()
    notes: tuple[Note, ...] = ()
    span: Span = _span()
    # where the single-valued settings were written, for diagnostics and the formatter
    spans: SettingSpans = attrs.field(factory=SettingSpans, eq=False, hash=False, repr=False, kw_only=True)
    # set by engine.checking.resolve only: a draft with based_on and without this mark was never resolved
    resolved: bool = attrs.field(default=False, eq=False, hash=False, repr=False, kw_only=True)

    def all_articles(self) -> tuple[tuple[Optional[Chapter], Article], ...]:
        """Every article with the chapter it stands in (None outside chapters)."""
        out: list[tuple[Optional[Chapter], Article]] = [(None, a) for a in self.articles]
        for ch in self.chapters:
            out.extend((ch, a) for a in ch.articles)
        return tuple(out)

    def entry_into_force(self, party: Optional[str] = None) -> Optional[_dt.date]:
        """The date the agreement entered into force, for ``party`` if given."""
        general = None
        for entry in self.in_force:
            if not entry.parties:
                general = entry.date
            elif party is not None and party in entry.parties:
                return entry.date
        return general

    def entry_unknown(self, party: str) -> bool:
        """Whether the encoding says it does not know when the agreement entered into force for ``party``."""
        for entry in self.in_force:
            if party in entry.parties:
                return entry.date is None
        return any(not e.parties and e.date is None for e in self.in_force)


# ---------------------------------------------------------------- predicates


@attrs.frozen
class Atom:
    """A predicate call: ``strength at-least binding``, ``enforceable``."""

    name: str
    args: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen
class Not:
    operand: "Predicate"
    span: Span = _span()


@attrs.frozen
class All:
    operands: tuple["Predicate", ...]
    span: Span = _span()


@attrs.frozen
class Any_:
    operands: tuple["Predicate", ...]
    span: Span = _span()


Predicate = Union[Atom, Not, All, Any_]


@attrs.frozen
class Requirement:
    """``require PRED because "..."``; ``forbid`` negates; ``essential`` makes failure unmet."""

    predicate: Predicate
    because: str
    forbid: bool = False
    essential: bool = False
    weight: Optional[int] = None  # `weight N`; None: the norm set's weight (default 1)
    span: Span = _span()


@attrs.frozen
class Norm:
    id: str
    title: Optional[str] = None
    topics: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    notes: tuple[Note, ...] = ()
    span: Span = _span()


@attrs.frozen
class NormSet:
    id: str
    title: Optional[str] = None
    version: Optional[str] = None
    source: Optional[str] = None
    norms: tuple[Norm, ...] = ()
    notes: tuple[Note, ...] = ()
    weight: Optional[int] = None  # `weight N`: the weight of a requirement that names none (default 1)
    span: Span = _span()

    def norm(self, norm_id: str) -> Optional[Norm]:
        return next((n for n in self.norms if n.id == norm_id), None)


@attrs.frozen
class Expectation:
    """``expect rcep tpp3.data-flows partial [as-of DATE] [party XX]``."""

    agreement: str
    norm_set: str
    norm: Optional[str]
    grade: str
    as_of: Optional[_dt.date] = None
    party: Optional[str] = None
    score_min: Optional[int] = None  # `score 20..60`
    score_max: Optional[int] = None
    span: Span = _span()


Item = Union[Agreement, NormSet, Expectation]


@attrs.frozen
class Comment:
    """A ``#`` comment, kept so that the formatter never drops one."""

    line: int
    column: int
    text: str


@attrs.frozen
class Document:
    """One parsed file."""

    path: str
    items: tuple[Item, ...] = ()
    comments: tuple[Comment, ...] = attrs.field(default=(), eq=False, hash=False, repr=False)
