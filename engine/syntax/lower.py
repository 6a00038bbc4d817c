"""Lowering: lark's tokens and rule results to model objects.

:class:`Lower` is a lark ``Transformer`` that runs inside the LALR parser, so no
parse tree is built: each method receives a rule's children (tokens, and what
the methods of its sub-rules returned) and returns a model object.  Spans come
from the keyword token that starts every statement to the end of its last
child.  Statements that say one thing of a block (``kind``, ``signed``, ...)
come up as :class:`_Setting`; a block sorts its statements into a
:class:`_Block`, which also reports a setting given twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from typing import Any, Iterator, Optional, TypeVar, cast

import attrs
from lark import Token, Transformer

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import vocab as V
from engine.syntax.lark_util import packed_token_span, token_span, unquote
from engine.syntax.limits import (MAX_FOOTNOTE, MAX_LINE, MAX_ORDINAL, MAX_PAGE, MAX_PREDICATE_DEPTH, MAX_SCORE,
                                  MAX_WEIGHT, MAX_YEARS)

_T = TypeVar("_T")
_V = TypeVar("_V")
Children = list[Any]  # a rule's tokens and sub-rule results, in the order written
_FIRST_GIVEN = "first given"


@attrs.frozen
class _Setting:
    """A statement that says one thing of its block, keyed by its keyword (``based-on``)."""

    key: str
    value: Any
    span: M.Span


@attrs.frozen
class _Topics:
    """One ``topic`` statement."""

    names: tuple[str, ...]
    span: M.Span


@attrs.frozen
class _Paragraph:
    """``paragraph "1(a)"`` in a transition or reservation."""

    text: str
    span: M.Span


@attrs.frozen
class _No:
    """An article number as written: ``14.11``, or ``unnumbered 2`` (a placeholder, in canonical form)."""

    text: str
    span: M.Span


@attrs.frozen
class _InChapter:
    """``ch 14``: the chapter an article number is read in."""

    number: str
    span: M.Span


@attrs.frozen
class _PerTopic:
    """``binding for TOPIC...``: a commitment on some of the article's topics alone (sorted apart from the
    general one)."""

    commitment: M.Commitment


@attrs.frozen
class _ChapterOmission:
    """``omit chapter N "why"``: an omission sorted apart from ``omit article``."""

    omission: M.Omission


@attrs.frozen
class _Block:
    """A block's statements sorted: settings by keyword, the other statements by model class."""

    owner: str  # how diagnostics name the block: "article 14.11"
    settings: dict[str, _Setting]
    nodes: dict[type, list[Any]]

    def value(self, key: str) -> Any:
        """The value of the setting ``key``, or None when it was not given."""
        return self.settings[key].value if key in self.settings else None

    def all(self, cls: type[_T]) -> tuple[_T, ...]:
        """Every statement that became a ``cls``, in the order written."""
        return tuple(self.nodes.get(cls, ()))


def _tokens(c: Children, type_: str) -> list[str]:
    return [str(x) for x in c if isinstance(x, Token) and x.type == type_]


def _quotes(c: Children) -> tuple[M.Quote, ...]:
    return tuple(x for x in c if isinstance(x, M.Quote))


def _period(c: Children) -> Optional[M.Period]:
    return next((x for x in c if isinstance(x, M.Period)), None)


def _paragraph(c: Children) -> Optional[str]:
    return next((x.text for x in c if isinstance(x, _Paragraph)), None)


def _after(c: Children, type_: str) -> Optional[Token]:
    """The token after the first token of terminal ``type_`` (``weight 3``: the 3), or None."""
    at = next((i for i, x in enumerate(c) if isinstance(x, Token) and x.type == type_), None)
    return c[at + 1] if at is not None else None


def _title(c: Children, at: int) -> Optional[str]:
    """The optional title string at ``c[at]`` (a block's header: keyword, name, title)."""
    if len(c) > at and isinstance(c[at], Token) and c[at].type == "STRING":
        return unquote(c[at])
    return None


def _chapter_named(c: Children) -> Optional[str]:
    """The chapter a reference names (``ch 14``), if it names one."""
    return next((x.number for x in c if isinstance(x, _InChapter)), None)


def _after_reference(c: Children, at: int) -> int:
    """Where a header's title would stand: after the article number at ``c[at]`` and its ``ch N``, if any."""
    return at + 2 if len(c) > at + 1 and isinstance(c[at + 1], _InChapter) else at + 1


def _merge(nodes: Children) -> M.Span:
    """From the start of the first node to the end of the last (packed, see :meth:`Lower._span`)."""
    first, last = M.stored_span(nodes[0]), M.stored_span(nodes[-1])
    assert first is not None and last is not None  # conditions, each with its span
    return M.packed(first[0], first[1], first[2], last[3], last[4])


def _unpacked(span: M.Span) -> M.Span:
    """A span the lowering made (packed, see :meth:`Lower._span`) as a :class:`M.Span`, for a diagnostic."""
    parts = M.parts_of(span)
    return M.Span(*parts) if parts is not None else M.NO_SPAN


def _depth(pred: M.Predicate) -> int:
    """How deep conditions nest (an atom alone: 0), without recursion."""
    deepest, stack = 0, [(pred, 0)]
    while stack:
        p, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(p, M.Not):
            stack.append((p.operand, d + 1))
        elif isinstance(p, (M.All, M.Any_)):
            stack.extend((o, d + 1) for o in p.operands)
    return deepest


@attrs.define
class _Words:
    """An atom being read: ``atom: NAME | atom NAME`` reduces once per word, and each word is appended
    here; the rule that takes the atom makes the frozen :class:`M.Atom` once (linear in its words)."""

    tokens: list[Token]

    def add(self, word: Token) -> None:
        self.tokens.append(word)

    def atom(self, path: str) -> M.Atom:
        first, last = self.tokens[0], self.tokens[-1]
        return M.Atom(str(first), tuple(str(t) for t in self.tokens[1:]), span=packed_token_span(path, first, last))


class Lower(Transformer[Token, tuple[M.Item, ...]]):
    """The lowering of a text from ``path``; ``diagnostics`` collects what the grammar cannot check.

    A lark rule ``name`` is lowered by the method ``name``; rules without one are inlined by
    the grammar (``_item``, ``_pred`` ...).  ``Lower(path).transform(tree)`` lowers a parse
    tree; the cached parser holds one ``Lower`` inside it and lowers each text within
    :meth:`lowering`.
    """

    def __init__(self, path: str = "") -> None:
        super().__init__(visit_tokens=False)
        self.path = path
        self.diagnostics: list[D.Diagnostic] = []
        self._lock = threading.RLock()
        self._busy = False
        self._shared: dict[object, object] = {}

    @contextlib.contextmanager
    def lowering(self, path: str) -> Iterator[list[D.Diagnostic]]:
        """Lower one text from ``path`` while the parser calls the methods; yields its diagnostics.

        lark binds a transformer once, when the parser is built, so the text's path and
        diagnostics are set here and reset after; a lock keeps threads one text at a time
        (the parser holds the GIL anyway).

        Raises:
            RuntimeError: called again from inside a lowering (a parse within a parse).
        """
        with self._lock:
            if self._busy:
                raise RuntimeError("Lower is already lowering a text: a parse within a parse")
            self._busy, self.path, self.diagnostics, self._shared = True, path, [], {}
            try:
                yield self.diagnostics
            finally:
                self._busy, self.path, self.diagnostics, self._shared = False, "", [], {}

    # ---------------------------------------------------------- helpers

    def _share(self, value: _V) -> _V:
        """One object for equal values within a text: the names of topics and parties, citations and periods
        (immutable, without a span) recur thousands of times in a large text, and each object the parse leaves
        is work for the garbage collector's full collections (docs/performance.md, P5)."""
        return cast(_V, self._shared.setdefault(value, value))

    def _names(self, c: Children, type_: str) -> tuple[str, ...]:
        """The tokens of terminal ``type_`` among ``c`` as a shared tuple (see :meth:`_share`)."""
        return self._share(tuple(_tokens(c, type_)))

    def _span(self, c: Children) -> M.Span:
        """From the rule's first token to the end of its last token or model object.

        Packed (:func:`M.packed`): the lowering hands its spans to nodes as plain tuples, which the garbage
        collector stops tracking (docs/performance.md, P5), and reads the spans of the nodes it has made with
        :func:`M.stored_span`; a diagnostic takes :func:`_unpacked`."""
        first = c[0] if isinstance(c[0], Token) else next(x for x in c if isinstance(x, Token))
        for x in reversed(c):
            if isinstance(x, Token):
                return packed_token_span(self.path, first, x)
            end = M.stored_span(x)
            if end is not None and end[1]:
                return M.packed(self.path, first.line or 0, first.column or 0, end[3], end[4])
        return packed_token_span(self.path, first)

    def _date(self, tok: Token) -> Optional[dt.date]:
        try:
            return dt.date.fromisoformat(tok)
        except ValueError:
            self.diagnostics.append(C.NOT_A_DATE.at(token_span(self.path, tok), text=tok))
            return None

    def _whole(self, tok: Token, what: str, limit: int) -> Optional[int]:
        if len(tok) > len(str(limit)) or int(tok) > limit:  # the length first: int() of 5,000 digits raises
            shown = str(tok) if len(tok) <= 12 else tok[:9] + "..."
            self.diagnostics.append(C.TOO_LARGE_FOR.at(token_span(self.path, tok), shown=shown, what=what,
                                                       limit=limit))
            return None
        return int(tok)

    def _setting(self, c: Children, value: Any) -> _Setting:
        return _Setting(str(c[0]), value, self._span(c))

    def _block(self, c: Children, owner: str) -> _Block:
        """The statements among ``c``, sorted; a setting given twice is reported, the first kept."""
        block = _Block(owner, {}, {})
        for x in c:
            if isinstance(x, _Setting):
                first = block.settings.setdefault(x.key, x)
                if first is not x:
                    self.diagnostics.append(C.SETTING_GIVEN_TWICE.at(
                        _unpacked(x.span), secondary=((_unpacked(first.span), _FIRST_GIVEN),), key=x.key,
                        owner=owner))
            elif x is not None and not isinstance(x, Token):
                block.nodes.setdefault(type(x), []).append(x)
        return block

    def _single(self, block: _Block, cls: type[_T]) -> Optional[_T]:
        """The one statement of class ``cls`` in ``block``; any after the first is reported."""
        found = block.nodes.get(cls, [])
        for extra in found[1:]:
            self.diagnostics.append(C.ARTICLE_SAYS_TWICE.at(
                extra.span, secondary=((found[0].span, _FIRST_GIVEN),), owner=block.owner))
        return found[0] if found else None

    # ---------------------------------------------------------- quotes and periods

    def quote(self, c: Children, paraphrase: bool = False) -> M.Quote:
        citation = next((x for x in c if isinstance(x, M.Citation)), None)
        return M.Quote(unquote(c[0]), citation, paraphrase, span=packed_token_span(self.path, c[0]))

    def paraphrase(self, c: Children) -> M.Quote:
        """``paraphrase "words"``: a quote whose words are recalled or summarised."""
        return self.quote(c[1:], paraphrase=True)

    def citation(self, c: Children) -> M.Citation:
        """``art N [ch N] [fn N] [page N [line N]]``."""
        footnote, page, line = _after(c, "FN"), _after(c, "PAGE"), _after(c, "LINE")
        return self._share(M.Citation(
            c[1].text, self._whole(footnote, "a footnote number", MAX_FOOTNOTE) if footnote else None,
            chapter=_chapter_named(c),
            page=self._whole(page, "a page number", MAX_PAGE) if page else None,
            line=self._whole(line, "a line number", MAX_LINE) if line else None))

    def numeral(self, c: Children) -> _No:
        """An article's or chapter's number, or ``unnumbered N`` (written back with N as a plain number)."""
        span = self._span(c)
        if len(c) == 1:
            return _No(str(c[0]), span)
        ordinal = self._whole(c[1], "a placeholder's ordinal", MAX_ORDINAL)
        return _No(M.unnumbered(ordinal) if ordinal is not None else f"{M.UNNUMBERED} {c[1]}", span)

    def in_chapter(self, c: Children) -> _InChapter:
        return _InChapter(c[1].text, self._span(c))

    def period_years(self, c: Children) -> M.Period:
        extension = self._whole(c[3], "an extension in years", MAX_YEARS) if len(c) > 3 else None
        return self._share(M.Period(years=self._whole(c[1], "a period in years", MAX_YEARS), extension_years=extension))

    def period_until(self, c: Children) -> M.Period:
        return self._share(M.Period(until=self._date(c[1])))

    def period_event(self, c: Children) -> M.Period:
        """``until "event" [DATE]``: the DATE is when the event happened, once known."""
        return self._share(M.Period(until=self._date(c[2]) if len(c) > 2 else None, event=unquote(c[1])))

    def paragraph(self, c: Children) -> _Paragraph:
        return _Paragraph(unquote(c[1]), self._span(c))

    # ---------------------------------------------------------- agreement settings

    def kind_stmt(self, c: Children) -> _Setting:
        return self._setting(c, str(c[1]))

    status_stmt = verification_stmt = based_on_stmt = numbering_stmt = kind_stmt

    def parties_stmt(self, c: Children) -> _Setting:
        return self._setting(c, self._names(c, "CODE"))

    def signed_stmt(self, c: Children) -> _Setting:
        return self._setting(c, self._date(c[1]))

    def source_stmt(self, c: Children) -> _Setting:
        return self._setting(c, unquote(c[1]))

    version_stmt = source_stmt

    def in_force_stmt(self, c: Children) -> Optional[M.PartyEntry]:
        """``in-force [XX...] DATE``, or ``unknown`` for a date not known (an invalid date drops the entry)."""
        parties, span = self._names(c, "CODE"), self._span(c)
        if c[-1].type == "UNKNOWN":
            return M.PartyEntry(None, parties, span=span)
        date = self._date(c[-1])
        return M.PartyEntry(date, parties, span=span) if date else None

    def coverage_stmt(self, c: Children) -> _Setting:
        return self._setting(c, self._share(tuple(str(x) for x in c[1:])))

    def part_stmt(self, c: Children) -> _Setting:
        return self._setting(c, str(c[1]))

    def weight_stmt(self, c: Children) -> _Setting:
        return self._setting(c, self._whole(c[1], "a weight", MAX_WEIGHT))

    def note_stmt(self, c: Children) -> M.Note:
        return M.Note(unquote(c[1]), span=self._span(c))

    # ---------------------------------------------------------- article statements

    def topic_stmt(self, c: Children) -> _Topics:
        return _Topics(tuple(_tokens(c, "NAME")), self._span(c))

    def strength(self, c: Children) -> Token:
        keyword: Token = c[0]
        return keyword  # the token, not a model value, so that the commitment's span starts there

    def commitment(self, c: Children) -> M.Commitment:
        names = _tokens(c, "NAME")
        return M.Commitment(V.Strength(c[0]), names[0] if names else None, _quotes(c), span=self._span(c))

    def topic_commitment(self, c: Children) -> _PerTopic:
        """``STRENGTH [FORM] for TOPIC... [paragraph "N"] quote*``."""
        at = next(i for i, x in enumerate(c) if isinstance(x, Token) and x.type == "FOR")
        form = _tokens(c[:at], "NAME")
        return _PerTopic(M.Commitment(V.Strength(c[0]), form[0] if form else None, _quotes(c), span=self._span(c),
                                      topics=self._names(c[at:], "NAME"), paragraph=_paragraph(c)))

    def scope_stmt(self, c: Children) -> M.Scope:
        return M.Scope(V.ScopeMode(c[0]), str(c[1]), _quotes(c), span=self._span(c))

    def software_stmt(self, c: Children) -> M.Software:
        return M.Software(str(c[1]), _quotes(c), span=self._span(c))

    def exception_stmt(self, c: Children) -> M.Exception_:
        names = _tokens(c, "NAME")
        return M.Exception_(names[0], self._share(tuple(names[1:])), _quotes(c), span=self._span(c))

    def ds_stmt(self, c: Children) -> M.DisputeSettlement:
        return M.DisputeSettlement(str(c[1]), self._names(c, "CODE"), _period(c), _quotes(c),
                                   span=self._span(c))

    def contingent_stmt(self, c: Children) -> M.Contingency:
        return M.Contingency(str(c[1]), _quotes(c), span=self._span(c))

    def transition_stmt(self, c: Children) -> M.Transition:
        period = _period(c)
        assert period is not None  # the grammar requires one
        return M.Transition(self._names(c, "CODE"), period, _quotes(c), paragraph=_paragraph(c),
                            span=self._span(c))

    def reservation_stmt(self, c: Children) -> M.Reservation:
        return M.Reservation(self._names(c, "CODE"), _period(c), _quotes(c), paragraph=_paragraph(c),
                             span=self._span(c))

    def remove_stmt(self, c: Children) -> M.Removal:
        names = _tokens(c, "NAME")
        return M.Removal(names[0], names[1] if len(names) > 1 else None, span=self._span(c))

    # ---------------------------------------------------------- articles and chapters

    def _article(self, number: str, title: Optional[str], block: _Block, span: M.Span) -> M.Article:
        topics = block.all(_Topics)
        return M.Article(
            number, title,
            topics=self._share(tuple(name for t in topics for name in t.names)),
            commitment=self._single(block, M.Commitment),
            topic_commitments=tuple(x.commitment for x in block.all(_PerTopic)),
            scope=block.all(M.Scope),
            software=self._single(block, M.Software),
            exceptions=block.all(M.Exception_),
            dispute_settlement=block.all(M.DisputeSettlement),
            contingency=self._single(block, M.Contingency),
            transitions=block.all(M.Transition),
            reservations=block.all(M.Reservation),
            verification=block.value("verification"),
            notes=block.all(M.Note),
            span=span,
            topic_span=topics[0].span if topics else M.NO_SPAN,
        )

    def article(self, c: Children) -> M.Article:
        number = c[1].text
        return self._article(number, _title(c, 2), self._block(c[2:], f"article {number}"), self._span(c))

    def amend(self, c: Children) -> M.Amendment:
        """``amend article N [ch N] "Title" { ... }``."""
        number, at, span = c[2].text, _after_reference(c, 2), self._span(c)
        title = _title(c, at)
        block = self._block(c[at:], f"the amendment of article {number}")
        changes = self._article(number, title, block, span)
        return M.Amendment(number, title, changes, block.all(M.Removal), span=span, chapter=_chapter_named(c))

    def omit(self, c: Children) -> M.Omission | _ChapterOmission:
        """``omit article N [ch N] "why"``, or ``omit chapter N "why"`` (kept apart: it removes a whole chapter)."""
        if c[1].type == "CHAPTER":
            return _ChapterOmission(M.Omission(c[2].text, _title(c, 3), span=self._span(c)))
        return M.Omission(c[2].text, _title(c, _after_reference(c, 2)), span=self._span(c),
                          chapter=_chapter_named(c))

    def base_chapter_stmt(self, c: Children) -> M.BaseChapter:
        """``chapter N`` without a block: with ``based-on X``, the chapter of X the draft takes."""
        return M.BaseChapter(c[1].text, span=self._span(c))

    def chapter(self, c: Children) -> M.Chapter:
        number = c[1].text
        block = self._block(c[2:], f"chapter {number}")
        return M.Chapter(
            number, _title(c, 2),
            articles=block.all(M.Article),
            exceptions=block.all(M.Exception_),
            dispute_settlement=block.all(M.DisputeSettlement),
            scope=block.all(M.Scope),
            verification=block.value("verification"),
            part=block.value("part"),
            notes=block.all(M.Note),
            span=self._span(c),
        )

    # ---------------------------------------------------------- agreements

    def agreement(self, c: Children) -> M.Agreement:
        ident = str(c[1])
        block = self._block(c[2:], f"agreement {ident}")
        return M.Agreement(
            ident, _title(c, 2),
            kind=block.value("kind"),
            status=block.value("status"),
            parties=block.value("parties") or (),
            signed=block.value("signed"),
            in_force=block.all(M.PartyEntry),
            source=block.value("source"),
            verification=block.value("verification"),
            based_on=block.value("based-on"),
            coverage=block.value("coverage") or (),
            exceptions=block.all(M.Exception_),
            dispute_settlement=block.all(M.DisputeSettlement),
            chapters=block.all(M.Chapter),
            articles=block.all(M.Article),
            amendments=block.all(M.Amendment),
            omissions=block.all(M.Omission),
            notes=block.all(M.Note),
            span=self._span(c),
            base_chapters=block.all(M.BaseChapter),
            chapter_omissions=tuple(x.omission for x in block.all(_ChapterOmission)),
            spans=M.SettingSpans(**{k.replace("-", "_"): s.span for k, s in block.settings.items()}),
            numbering=block.value("numbering"),
        )

    # ---------------------------------------------------------- conditions

    def atom(self, c: Children) -> _Words:
        if isinstance(c[0], _Words):  # `atom NAME`: one more argument, appended (not a tuple copied per word)
            c[0].add(c[1])
            return c[0]
        return _Words([c[0]])

    def _done(self, c: Children) -> Children:
        """The children with each atom read word by word made a :class:`M.Atom`."""
        return [x.atom(self.path) if isinstance(x, _Words) else x for x in c]

    def not_pred(self, c: Children) -> M.Not:
        c = self._done(c)
        return M.Not(c[1], span=self._span(c))

    def and_pred(self, c: Children) -> M.All:
        c = self._done(c)
        return M.All(tuple(c), span=_merge(c))

    def or_pred(self, c: Children) -> M.Any_:
        c = self._done(c)
        return M.Any_(tuple(c), span=_merge(c))

    # ---------------------------------------------------------- norm sets

    def requirement(self, c: Children) -> M.Requirement:
        c = self._done(c)
        essential = any(isinstance(x, Token) and x.type == "ESSENTIAL" for x in c)
        forbid = any(isinstance(x, Token) and x.type == "FORBID" for x in c)
        pred = next(x for x in c if isinstance(x, (M.Atom, M.Not, M.All, M.Any_)))
        span = self._span(c)
        if _depth(pred) > MAX_PREDICATE_DEPTH:
            self.diagnostics.append(C.CONDITIONS_TOO_DEEP.at(_unpacked(span), limit=MAX_PREDICATE_DEPTH))
        weight = _after(c, "WEIGHT")
        return M.Requirement(pred, unquote(c[-1]), forbid, essential,
                             weight=self._whole(weight, "a weight", MAX_WEIGHT) if weight is not None else None,
                             span=span)

    def norm(self, c: Children) -> M.Norm:
        ident = str(c[1])
        block = self._block(c[2:], f"norm {ident}")
        topics = self._share(tuple(name for t in block.all(_Topics) for name in t.names))
        return M.Norm(ident, _title(c, 2), topics, block.all(M.Requirement), block.all(M.Note),
                      span=self._span(c))

    def normset(self, c: Children) -> M.NormSet:
        ident = str(c[1])
        block = self._block(c[2:], f"norm set {ident}")
        return M.NormSet(ident, _title(c, 2), block.value("version"), block.value("source"),
                         block.all(M.Norm), block.all(M.Note), weight=block.value("weight"), span=self._span(c))

    # ---------------------------------------------------------- expectations

    def normref(self, c: Children) -> tuple[str, ...]:
        return tuple(str(x) for x in c)

    def as_of_opt(self, c: Children) -> _Setting:
        return self._setting(c, self._date(c[1]))

    def party_opt(self, c: Children) -> _Setting:
        return self._setting(c, str(c[1]))

    def score_opt(self, c: Children) -> _Setting:
        """``score A..B``: the finding's score lies between A and B (both included)."""
        return self._setting(c, (self._whole(c[1], "a score", MAX_SCORE), self._whole(c[3], "a score", MAX_SCORE)))

    def expectation(self, c: Children) -> M.Expectation:
        ref = c[2]
        block = self._block(c[4:], "the expectation")
        low, high = block.value("score") or (None, None)
        return M.Expectation(str(c[1]), ref[0], ref[1] if len(ref) > 1 else None, str(c[3]),
                             block.value("as-of"), block.value("party"), score_min=low, score_max=high,
                             span=self._span(c))

    def start(self, c: Children) -> tuple[M.Item, ...]:
        return tuple(x for x in c if x is not None)
