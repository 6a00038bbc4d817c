"""The domain model: frozen attrs classes, no parser types inside.

Every node keeps the :class:`Span` of the text that wrote it; spans are
excluded from equality and hashing, so two documents that say the same thing
compare equal however they are laid out.  Vocabulary positions hold plain
strings checked by :mod:`engine.checking.validate` against :mod:`engine.language.vocab`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterable, Optional, Union

import attrs

from engine.language.vocab import Numbering, Strength
from engine.util.records import share_methods


@attrs.frozen(order=True, repr=False)
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


SpanParts = tuple[str, int, int, int, int]
"""A span as the parser hands it to a node: ``(file, line, column, end_line, end_column)``."""


def packed(file: str, line: int, column: int, end_line: int, end_column: int) -> Span:
    """A span in the form a node's span field keeps it (a plain tuple, see :func:`_span_field`), for the parser.

    Typed as the :class:`Span` the field gives back when read: hand it only to a node's span argument (or to
    :func:`parts_of`), never read it as a Span yourself."""
    return (file, line, column, end_line, end_column)  # type: ignore[return-value]  # the field reads it as a Span


def parts_of(span: object) -> Optional[SpanParts]:
    """A span as :data:`SpanParts`, from a :class:`Span` or what :func:`packed` made; None for anything else."""
    if span.__class__ is tuple:
        return span  # made by packed()
    if isinstance(span, Span):
        return (span.file, span.line, span.column, span.end_line, span.end_column)
    return None


NumberKey = tuple[tuple[int, int, str, str], ...]
"""What :func:`number_key` gives: article numbers compare in reading order through it."""


UNNUMBERED = "unnumbered"
"""How an article the source gives no number is written: ``article unnumbered 1``, a placeholder that no treaty
number can be mistaken for (a treaty number starts with a digit)."""


def unnumbered(ordinal: int) -> str:
    """The number of the ``ordinal``-th unnumbered article: ``unnumbered 2``."""
    return f"{UNNUMBERED} {ordinal}"


def unnumbered_ordinal(number: str) -> Optional[int]:
    """The ordinal of a placeholder number (``unnumbered 2`` -> 2); None for a number the treaty wrote."""
    if not number.startswith(UNNUMBERED + " "):
        return None
    rest = number[len(UNNUMBERED) + 1:]
    return int(rest) if rest.isdigit() and len(rest) <= 9 else None


def number_key(number: str) -> NumberKey:
    """Article numbers in reading order (14.2 before 14.10, 9 before 9bis before 10); a run of digits compares
    as a number, by length and then digits, so that no article number, however long, needs ``int()``.
    Placeholders (``unnumbered 2``) come after every written number, in their own order."""
    if number.startswith(UNNUMBERED + " "):
        rest = number[len(UNNUMBERED) + 1:].lstrip("0")
        return ((2, len(rest), rest, ""),)
    return tuple(_part_key(x) for x in number.split("."))


def _part_key(part: str) -> tuple[int, int, str, str]:
    """One dot-separated part of an article number: its leading digits as a number, then its letters."""
    digits = part[:len(part) - len(part.lstrip("0123456789"))]
    if not digits:
        return (1, 0, part, "")
    value = digits.lstrip("0")
    return (0, len(value), value, part[len(digits):])


def _span() -> Span:
    return attrs.field(default=NO_SPAN, eq=False, hash=False, repr=False, kw_only=True)


@attrs.frozen(repr=False, eq=False)
class Citation:
    """Where a quote's words stand: ``art 14.18 fn 3``, ``art 3 ch 14`` (an agreement numbered per chapter),
    ``art 12.15 fn 14 page 12 line 4`` (page and line of the source PDF, 1-based)."""

    article: str
    footnote: Optional[int] = None
    chapter: Optional[str] = attrs.field(default=None, kw_only=True)  # `ch 14`: the chapter the article is in
    page: Optional[int] = attrs.field(default=None, kw_only=True)  # `page 12`: the physical page of the source
    line: Optional[int] = attrs.field(default=None, kw_only=True)  # `line 4`: the line on that page


PARAPHRASE_MARK = "paraphrase: "  # how a paraphrase is written where only words are kept (never in quotation marks)


@attrs.frozen(repr=False, eq=False)
class Quote:
    """The verbatim operative words that justify a coded attribute."""

    text: str
    citation: Optional[Citation] = None
    paraphrase: bool = False  # `paraphrase "..."`: words recalled or summarised, never printed as a quotation
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Period:
    """A length of time: ``years`` from each party's entry into force (``extendable`` by more years),
    ``until`` a date, or until an ``event`` (with the event's date once it is known)."""

    years: Optional[int] = None
    until: Optional[_dt.date] = None
    extension_years: Optional[int] = None  # `years 5 extendable 3`: possibly 3 more years
    event: Optional[str] = None  # `until "its personal data law is implemented" [DATE]`


@attrs.frozen(repr=False, eq=False)
class Commitment:
    """How strongly an article commits the parties, and in what form."""

    strength: str
    form: Optional[str] = None
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()
    # `binding for TOPIC... [paragraph "2"]`: the commitment on these topics alone (empty: the general one)
    topics: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    paragraph: Optional[str] = attrs.field(default=None, kw_only=True)  # the paragraph that says it


@attrs.frozen(repr=False, eq=False)
class Scope:
    """``covers ITEM`` or ``excludes ITEM``."""

    mode: str  # "covers" | "excludes"
    item: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Software:
    """Which software a source-code rule covers."""

    coverage: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Exception_:
    """An exception: its kind and qualifiers (self-judging, non-disputable, ...)."""

    kind: str
    qualifiers: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class DisputeSettlement:
    """Whether dispute settlement applies; ``shielded`` names parties and a period."""

    mode: str  # "applies" | "excluded" | "shielded"
    parties: tuple[str, ...] = ()
    period: Optional[Period] = None
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Contingency:
    """The commitment holds only while something outside the agreement does."""

    condition: str
    quotes: tuple[Quote, ...] = ()
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Transition:
    """Named parties need not apply the article for a period."""

    parties: tuple[str, ...]
    period: Period
    quotes: tuple[Quote, ...] = ()
    paragraph: Optional[str] = attrs.field(default=None, kw_only=True)  # `paragraph "1(a)"`: not the whole article
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Reservation:
    """Named parties are not bound by the article (for a period, or indefinitely)."""

    parties: tuple[str, ...]
    period: Optional[Period] = None
    quotes: tuple[Quote, ...] = ()
    paragraph: Optional[str] = attrs.field(default=None, kw_only=True)  # `paragraph "1(a)"`: not the whole article
    verification: Optional[str] = attrs.field(default=None, kw_only=True)  # the statement's own level (set by resolve)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Note:
    text: str
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Removal:
    """In an amendment: ``remove exception public-policy``."""

    what: str
    which: Optional[str] = None
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
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
    # `binding for TOPIC...`: commitments on some of its topics alone, each topic in one at most
    topic_commitments: tuple[Commitment, ...] = attrs.field(default=(), kw_only=True)

    @property
    def strength(self) -> str:
        """The strength of the general commitment (``absent`` without one)."""
        return self.commitment.strength if self.commitment else Strength.ABSENT

    def commitment_for(self, topic: str) -> Optional[Commitment]:
        """The commitment on ``topic``: the one written for it (``binding for TOPIC``), else the general one."""
        for c in self.topic_commitments:
            if topic in c.topics:
                return c
        return self.commitment

    def strength_for(self, topic: str) -> str:
        """The strength of the commitment on ``topic`` (see :meth:`commitment_for`; ``absent`` without one)."""
        c = self.commitment_for(topic)
        return c.strength if c else Strength.ABSENT

    def commitment_on(self, topics: Iterable[str]) -> Optional[Commitment]:
        """The commitment that counts for a norm on ``topics``: the general one when the article writes no
        commitment per topic; else, among the norm's topics the article has (in the norm's order), the
        weakest commitment (the first of equals; a topic with none counts as absent), so that no topic is
        credited with the strength the article gives another.  An article on none of ``topics``: the general
        one."""
        if not self.topic_commitments:
            return self.commitment
        mine = [t for t in topics if t in self.topics]
        if not mine:
            return self.commitment
        found = [self.commitment_for(t) for t in mine]
        return min(found, key=lambda c: Strength.rank_of(c.strength) if c is not None else Strength.ABSENT.rank)

    def strength_on(self, topics: Iterable[str]) -> str:
        """The strength of :meth:`commitment_on` (``absent`` without one)."""
        c = self.commitment_on(topics)
        return c.strength if c else Strength.ABSENT


@attrs.frozen(repr=False, eq=False)
class Amendment:
    """``amend article N { ... }``: overrides and removals applied to the base's article."""

    number: str
    title: Optional[str] = None
    changes: Article = attrs.field(factory=lambda: Article(number=""))
    removals: tuple[Removal, ...] = ()
    span: Span = _span()
    chapter: Optional[str] = attrs.field(default=None, kw_only=True)  # `amend article 3 ch 14`


@attrs.frozen(repr=False, eq=False)
class Omission:
    """``omit article N "why"`` (or ``omit chapter N "why"``, kept apart in ``Agreement.chapter_omissions``)."""

    number: str
    reason: Optional[str] = None
    span: Span = _span()
    chapter: Optional[str] = attrs.field(default=None, kw_only=True)  # `omit article 3 ch 14`


@attrs.frozen(repr=False, eq=False)
class BaseChapter:
    """``based-on ID chapter N``: the draft takes chapter N of its base (a draft naming none takes every chapter)."""

    number: str
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
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


@attrs.frozen(repr=False, eq=False)
class PartyEntry:
    """Entry into force for named parties (all parties when ``parties`` is empty); ``None``: not known."""

    date: Optional[_dt.date]
    parties: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
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
    numbering: Span = NO_SPAN

    def overlay(self, other: "SettingSpans") -> "SettingSpans":
        """These spans with every setting ``other`` wrote taking its place (a draft over its base)."""
        return SettingSpans(**{f.name: getattr(other, f.name).or_else(getattr(self, f.name))
                               for f in attrs.fields(SettingSpans)})


@attrs.frozen(repr=False, eq=False)
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
    # `based-on ID chapter N`: the chapters of the base taken (none: the whole base); `omit chapter N`
    base_chapters: tuple[BaseChapter, ...] = attrs.field(default=(), kw_only=True)
    chapter_omissions: tuple[Omission, ...] = attrs.field(default=(), kw_only=True)
    # where the single-valued settings were written, for diagnostics and the formatter
    spans: SettingSpans = attrs.field(factory=SettingSpans, eq=False, hash=False, repr=False, kw_only=True)
    # set by engine.checking.resolve only: a draft with based_on and without this mark was never resolved
    resolved: bool = attrs.field(default=False, eq=False, hash=False, repr=False, kw_only=True)
    # `numbering per-chapter`: each chapter numbers its articles from 1 (None: as written nowhere, agreement-wide)
    numbering: Optional[str] = attrs.field(default=None, kw_only=True)

    @property
    def per_chapter(self) -> bool:
        """Whether each chapter numbers its articles afresh (``numbering per-chapter``)."""
        return self.numbering == Numbering.PER_CHAPTER

    def cited_chapter(self, chapter: Optional["Chapter"]) -> Optional[str]:
        """The chapter an article of ``chapter`` is cited with: its number in an agreement numbered per chapter,
        else None (the article's number alone names it)."""
        return chapter.number if chapter is not None and self.per_chapter else None

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


@attrs.frozen(repr=False, eq=False)
class Atom:
    """A predicate call: ``strength at-least binding``, ``enforceable``."""

    name: str
    args: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Not:
    operand: "Predicate"
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class All:
    operands: tuple["Predicate", ...]
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Any_:
    operands: tuple["Predicate", ...]
    span: Span = _span()


Predicate = Union[Atom, Not, All, Any_]


@attrs.frozen(repr=False, eq=False)
class Requirement:
    """``require PRED because "..."``; ``forbid`` negates; ``essential`` makes failure unmet."""

    predicate: Predicate
    because: str
    forbid: bool = False
    essential: bool = False
    weight: Optional[int] = None  # `weight N`; None: the norm set's weight (default 1)
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
class Norm:
    id: str
    title: Optional[str] = None
    topics: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    notes: tuple[Note, ...] = ()
    span: Span = _span()


@attrs.frozen(repr=False, eq=False)
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


@attrs.frozen(repr=False, eq=False)
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


@attrs.frozen(repr=False, eq=False)
class Comment:
    """A ``#`` comment, kept so that the formatter never drops one."""

    line: int
    column: int
    text: str


CommentTable = tuple[Union[int, str], ...]
"""A document's comments as the parser keeps them: ``(line, column, text, line, column, text, ...)``."""


def comment_table(comments: Iterable[Union[Comment, int, str]]) -> CommentTable:
    """The flat table of ``comments``: :class:`Comment` objects, or a table already (kept as it is)."""
    given = tuple(comments)
    if not given or not isinstance(given[0], Comment):
        return given  # type: ignore[return-value]  # a table already: (line, column, text, ...)
    return tuple(x for c in given if isinstance(c, Comment) for x in (c.line, c.column, c.text))


@attrs.frozen(repr=False, eq=False)
class Document:
    """One parsed file.

    Its comments (``Document(path, items, comments)``, and :attr:`comments`) are kept as one flat tuple of
    numbers and strings rather than a :class:`Comment` each: a 10 MB text has 37,000 of them, and every
    object the parse leaves is work for the garbage collector's full collections (docs/performance.md, P5).
    """

    path: str
    items: tuple[Item, ...] = ()
    _comments: CommentTable = attrs.field(default=(), eq=False, hash=False, repr=False, converter=comment_table)

    @property
    def comments(self) -> tuple[Comment, ...]:
        """The ``#`` comments, in the order the text has them (made on each call from the table)."""
        t = self._comments
        return tuple(Comment(t[i], t[i + 1], t[i + 2]) for i in range(0, len(t), 3))  # type: ignore[arg-type]


# ---------------------------------------------------------------- printing


# attrs compiles a ``__repr__``, an ``__eq__`` and a ``__hash__`` for each class when the module is imported:
# most of the model's import, paid by every command.  The classes are declared repr=False, eq=False and share
# one of each (engine/util/records.py) that compares, hashes and prints as attrs' own (the model has no cycles,
# so attrs' guard against printing one is not needed); they stay frozen attrs classes.
share_methods(vars(), __name__)


# ---------------------------------------------------------------- spans kept as tuples


def _span_field(slot: Any) -> property:
    """What stands in front of a node's own slot for a span field (``span``, ``topic_span``, a setting's span):
    the slot may hold a :class:`Span` (given by a caller, ``NO_SPAN`` by default: read back as the same
    object) or the plain tuple :func:`packed` makes (the parser's way), read as an equal ``Span`` made anew on
    each read.  A node is built, compared, printed and pickled as before.  Why: every ``Span`` is an object the
    garbage collector tracks (its class is a heap type) and each full collection scans, 80,000 of them in a
    10 MB text; a tuple of strings and numbers the collector stops tracking at the first collection that sees
    it (docs/performance.md, P5)."""
    get, put = slot.__get__, slot.__set__

    def read(node: object) -> Span:
        value = get(node)
        return Span(*value) if value.__class__ is tuple else value

    return property(read, put)


def stored_span(node: object, name: str = "span") -> Optional[SpanParts]:
    """The span field ``name`` of a model node as :data:`SpanParts`, read from its slot without making a
    :class:`Span` (the parser reads the spans of the nodes it has made); None if ``node`` has no such field."""
    slot = _SPAN_SLOTS.get((node.__class__, name))
    return parts_of(slot(node) if slot is not None else getattr(node, name, None))


_SPAN_SLOTS: dict[tuple[type, str], Callable[[object], object]] = {}
for _cls in [v for v in vars().values() if isinstance(v, type) and attrs.has(v) and v.__module__ == __name__]:
    for _field in attrs.fields(_cls):
        if _field.type in ("Span", Span) and _cls is not Span:
            _slot = _cls.__dict__[_field.name]
            _SPAN_SLOTS[_cls, _field.name] = _slot.__get__
            setattr(_cls, _field.name, _span_field(_slot))
del _cls, _field, _slot


# ---------------------------------------------------------------- pickling (the parse cache)

_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


def _getstate(node: attrs.AttrsInstance) -> tuple[object, ...]:
    """The node's field values, in order (attrs' own state is a dict of them, names and all)."""
    return tuple(getattr(node, name) for name in _field_names(type(node)))


def _setstate(node: attrs.AttrsInstance, state: tuple[object, ...]) -> None:
    """Set the fields from :func:`_getstate`'s tuple (the class is frozen: set as attrs' ``__init__`` sets them)."""
    set_field = object.__setattr__.__get__(node)
    for name, value in zip(_field_names(type(node)), state):
        set_field(name, value)


for _cls in [v for v in vars().values() if isinstance(v, type) and attrs.has(v) and v.__module__ == __name__]:
    setattr(_cls, "__getstate__", _getstate)
    setattr(_cls, "__setstate__", _setstate)
del _cls
