"""Side-by-side comparison: a matrix of rows (norms or topics) by agreements.

Each cell names the articles on the row's topic and, for each, the
qualifiers a negotiator reads first: how strongly it binds, what kind of
exception it carries, whether dispute settlement reaches it, transitions,
reservations and later entry into force for named parties, contingency,
and the sectors carved out.  A norm row also carries the finding's grade,
score, verification, force, reasons and evidence; a topic row carries no
grade.  Each column carries its agreement's force on the date and the parts
of the treaty its encoding covers.  The same findings can be read by grade
or by the decisive article's strength (:class:`Lens`).

The qualifiers are worked out in context (:mod:`engine.evaluation.context`), on the
date and from the party position of the comparison, so an exception or a
dispute-settlement exclusion written at chapter level shows on every article
it reaches.
"""

from __future__ import annotations

import datetime as dt
from typing import Collection, Iterable, Mapping, Optional, Sequence

import attrs

from engine._version import __version__
from engine.errors import UnknownId, UsageError
from engine.evaluation import context as F
from engine.evaluation.evaluator import article_order, evaluate_norm, weakest
from engine.evaluation.findings import AgreementInfo, Evidence, NormSetInfo, Reason
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import article_words
from engine.language.diagnostics import did_you_mean
from engine.views.layout import Cells, Labels

COMPARISON_SCHEMA = ("tradegap.comparison", "2.1")

# Topics that describe a chapter's housekeeping rather than a discipline: left out of default rows.
HOUSEKEEPING_TOPICS = frozenset({"definitions", "scope", "institutional", "dispute-resolution", "exceptions"})

STRENGTH_WORDS: Mapping[str, str] = {V.Strength.BINDING: V.Strength.BINDING.value,
                                     V.Strength.BEST_ENDEAVOUR: "best endeavour",
                                     V.Strength.HORTATORY: V.Strength.HORTATORY.value,
                                     V.Strength.ABSENT: "no commitment"}
SOFTWARE_WORDS: Mapping[str, str] = {V.SoftwareCoverage.MASS_MARKET_ONLY: "mass-market software only",
                                     V.SoftwareCoverage.ALL: "all software"}

# What a party held back (by a transition, a reservation, later entry into force or a shield) shows as.
HELD_KIND: Mapping[V.HeldReason, V.QualifierKind] = {
    V.HeldReason.TRANSITION: V.QualifierKind.TRANSITION,
    V.HeldReason.RESERVATION: V.QualifierKind.RESERVATION,
    V.HeldReason.NOT_IN_FORCE: V.QualifierKind.NOT_IN_FORCE,
    V.HeldReason.SHIELDED: V.QualifierKind.DISPUTE_SETTLEMENT,
    V.HeldReason.ENTRY_UNKNOWN: V.QualifierKind.NOT_IN_FORCE,
}
HELD_LABEL: Mapping[V.HeldReason, str] = {
    V.HeldReason.TRANSITION: "transition for",
    V.HeldReason.RESERVATION: "reservation for",
    V.HeldReason.NOT_IN_FORCE: "not in force for",
    V.HeldReason.SHIELDED: "no dispute settlement for",
    V.HeldReason.ENTRY_UNKNOWN: "entry into force unknown for",
}


Lens = V.Lens


@attrs.frozen
class Qualifier:
    """One thing that matters about an article in context, in a few words."""

    kind: V.QualifierKind
    text: str
    parties: tuple[str, ...] = ()
    until: Optional[dt.date] = None


@attrs.frozen
class ArticleView:
    """An article as a cell shows it: number, strength and qualifiers, and where it is written."""

    agreement: str
    number: str
    title: Optional[str]
    chapter: Optional[str]
    strength: V.Strength
    qualifiers: tuple[Qualifier, ...]
    file: str = ""
    line: int = 0
    verification: str = V.Verification.UNVERIFIED
    per_chapter: bool = attrs.field(default=False, kw_only=True)  # its agreement numbers articles per chapter

    @property
    def citation(self) -> str:
        """``Art. 14.11``; ``Ch. 14, Art. 3`` where the agreement numbers its articles per chapter."""
        return article_words(self.number, self.chapter if self.per_chapter else None)

    @property
    def key(self) -> tuple[Optional[str], str]:
        """What names the article in its agreement: (its chapter where numbered per chapter, its number)."""
        return (self.chapter if self.per_chapter else None), self.number

    def summary(self, omit: Collection[str] = ()) -> str:
        """``Art. 14.11: binding; objective exception``; ``omit``: carve-outs left out (said once elsewhere)."""
        words = "; ".join(x for x in (_without(q, omit) for q in self.qualifiers) if x)
        return self.citation + (f": {words}" if words else "")

    def carved_out(self) -> tuple[str, ...]:
        """The scope items the article excludes (``financial-services``, ``government-procurement``)."""
        return tuple(x for q in self.qualifiers if q.kind is V.QualifierKind.EXCLUDES for x in _items(q))


def _items(q: Qualifier) -> list[str]:
    """The scope items of an ``excludes a, b`` qualifier (as :func:`_scope_qualifiers` writes it)."""
    return q.text[len(V.ScopeMode.EXCLUDES) + 1:].split(", ")


def _without(q: Qualifier, omit: Collection[str]) -> str:
    """A qualifier's words, the carve-outs in ``omit`` left out (nothing when none is left)."""
    if q.kind is not V.QualifierKind.EXCLUDES or not omit:
        return q.text
    kept = [x for x in _items(q) if x not in omit]
    return f"{V.ScopeMode.EXCLUDES} " + ", ".join(kept) if kept else ""


@attrs.frozen
class Row:
    """A row of the matrix: a norm (``set.norm``) or a topic."""

    key: str
    kind: V.RowKind
    title: Optional[str]
    topics: tuple[str, ...]


@attrs.frozen
class Cell:
    """One agreement on one row: its articles (best first) and, for a norm, the grade (None for a topic)."""

    row: str
    agreement: str
    grade: Optional[V.Grade]
    unmet_because: Optional[V.UnmetBecause]
    articles: tuple[ArticleView, ...]
    reasons: tuple[Reason, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    score: Optional[int] = None
    verification: Optional[str] = None
    force: V.Force = V.Force.IN_FORCE


@attrs.frozen
class Comparison:
    """Rows by agreements, as of a date, from a party's position (or all parties')."""

    engine_version: str
    as_of: dt.date
    party: Optional[str]
    agreements: tuple[AgreementInfo, ...]
    norm_sets: tuple[NormSetInfo, ...]
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]  # row-major: every agreement for the first row, then the next
    transposed: bool = False  # a layout hint: renderers put agreements down the side
    lens: str = Lens.GRADE  # or Lens.STRENGTH: cells read by the decisive article's strength (hard/soft)
    cells_shown: Cells = Cells.FULL  # a layout hint (not in the JSON): articles and grade only, for a brief
    row_labels: Labels = Labels.IDS  # a layout hint (not in the JSON): rows labelled by norm titles

    def cell(self, row: str, agreement: str) -> Cell:
        """The cell for a row key and an agreement id.

        Raises:
            UnknownId: the row or the agreement is not in the matrix.
        """
        r = next((i for i, x in enumerate(self.rows) if x.key == row), None)
        a = next((i for i, x in enumerate(self.agreements) if x.id == agreement), None)
        if r is None or a is None:
            raise UnknownId(f"no cell for {row} {agreement}")
        return self.cells[r * len(self.agreements) + a]

    def common_carve_outs(self) -> tuple[CarveOut, ...]:
        """The carve-outs every column has on some article (two columns or more): said once, below the table."""
        if len(self.agreements) < 2:
            return ()
        found: dict[str, dict[str, dict[tuple[Optional[str], str], ArticleView]]] = {}
        for cell in self.cells:
            for a in cell.articles:
                for item in a.carved_out():
                    views = found.setdefault(item, {}).setdefault(cell.agreement, {})
                    views.setdefault(a.key, a)
        every = [x.id for x in self.agreements]
        return tuple(CarveOut(item, tuple((i, _numbers(by[i].values())) for i in every))
                     for item, by in sorted(found.items()) if all(i in by for i in every))

    def row_label(self, row: Row) -> str:
        """A row's label: its key, or (``row_labels`` titles) the norm's title when it has one."""
        return row.title if self.row_labels is Labels.TITLES and row.title else row.key


def _numbers(views: Iterable[ArticleView]) -> tuple[tuple[str, Optional[str]], ...]:
    """Articles in number order, as a carve-out lists them: (number, chapter), the chapter only where the
    agreement numbers per chapter (the article is then cited ``Ch. 14, Art. 3``)."""
    ordered = sorted(views, key=lambda v: (M.number_key(v.key[0] or ""), M.number_key(v.number)))
    return tuple((v.number, v.key[0]) for v in ordered)


@attrs.frozen
class CarveOut:
    """A scope item every column excludes somewhere, and where: (agreement id, its articles) per column, each
    article as (number, chapter), the chapter given only for an agreement numbered per chapter."""

    item: str
    where: tuple[tuple[str, tuple[tuple[str, Optional[str]], ...]], ...]


# ---------------------------------------------------------------- qualifiers


def _held_groups(held: Iterable[F.Held]) -> list[tuple[F.Held, tuple[str, ...]]]:
    """Held parties grouped by reason and ends (paragraph and event included), in the order first met; each
    group as its first hold and its parties."""
    groups: dict[tuple[object, ...], tuple[F.Held, list[str]]] = {}
    for h in held:
        key = (h.reason, h.until, h.possibly_until, h.event, h.paragraph)
        groups.setdefault(key, (h, []))[1].append(h.party)
    return [(first, tuple(sorted(set(ps)))) for first, ps in groups.values()]


def _until(h: F.Held) -> str:
    """`` to 2027-01-01 (possibly 2030-01-01)``, `` until its data law is implemented``, `` (para 1(a))``."""
    if h.event is not None:
        words = f" until {h.event}" + (f" ({h.until.isoformat()})" if h.until else "")
    else:
        words = f" to {h.until.isoformat()}" if h.until else ""
        words += f" (possibly {h.possibly_until.isoformat()})" if h.possibly_until else ""
    return words + (f" (para {h.paragraph})" if h.paragraph else "")


def _held_qualifiers(held: Iterable[F.Held]) -> list[Qualifier]:
    """``transition for KH VN to 2027-01-01``, one per reason and ends."""
    return [Qualifier(HELD_KIND[h.reason], f"{HELD_LABEL[h.reason]} {' '.join(parties)}{_until(h)}", parties, h.until)
            for h, parties in _held_groups(held)]


def _exception_text(e: M.Exception_, level: str) -> Optional[str]:
    """What an exception amounts to in a few words (None: nothing a negotiator reads first)."""
    quals = set(e.qualifiers)
    if V.Qualifier.NON_DISPUTABLE in quals:
        return "non-disputable " + e.kind.replace("essential-", "") + " exception"
    if e.kind == V.ExceptionKind.PRUDENTIAL and level == "article":
        return "prudential carve-out"
    if e.kind == V.ExceptionKind.UNCOMMITTED_SECTORS:
        return "positive-list carve-out"
    if e.kind != V.ExceptionKind.PUBLIC_POLICY:
        return None
    if V.Qualifier.SELF_JUDGING in quals:
        return "self-judging policy exception"
    if quals & V.OBJECTIVE_CONDITIONS:
        return "objective policy exception"
    return "unconditioned policy exception"


def _exception_qualifiers(p: F.Placed) -> list[Qualifier]:
    out: list[Qualifier] = []
    seen: set[str] = set()
    for e, level in F.exceptions(p):
        text = _exception_text(e, level)
        if text and text not in seen:
            seen.add(text)
            out.append(Qualifier(V.QualifierKind.EXCEPTION, text))
    return out


def _scope_qualifiers(p: F.Placed) -> list[Qualifier]:
    """``excludes financial-services``, then ``covers ...``."""
    scope = F.scope(p)
    out = []
    for mode, kind in ((V.ScopeMode.EXCLUDES, V.QualifierKind.EXCLUDES), (V.ScopeMode.COVERS, V.QualifierKind.COVERS)):
        items = sorted(s.item for s in scope if s.mode == mode)
        if items:
            out.append(Qualifier(kind, f"{mode} " + ", ".join(items)))
    return out


def _strength_qualifier(c: Optional[M.Commitment]) -> Qualifier:
    """``binding``; ``hortatory (para 2)`` for a commitment written for some topics in a paragraph of its own."""
    strength = c.strength if c is not None else V.Strength.ABSENT
    words = STRENGTH_WORDS.get(strength, strength)
    return Qualifier(V.QualifierKind.STRENGTH, words + (f" (para {c.paragraph})" if c and c.paragraph else ""))


def qualifiers(p: F.Placed, ctx: F.Context) -> tuple[Qualifier, ...]:
    """What matters about a placed article on the date, strongest signal first."""
    art = p.article
    out = [_strength_qualifier(art.commitment_on(ctx.topics))]
    out += _exception_qualifiers(p)
    enforcement = F.enforcement(p, ctx)
    if enforcement.excluded_by is not None:
        out.append(Qualifier(V.QualifierKind.DISPUTE_SETTLEMENT, "no dispute settlement"))
    out += _held_qualifiers(enforcement.shielded)
    out += _held_qualifiers(F.not_bound(p, ctx))
    if art.contingency is not None:
        out.append(Qualifier(V.QualifierKind.CONTINGENT, f"contingent on {art.contingency.condition}"))
    out += _scope_qualifiers(p)
    if art.software is not None:
        out.append(Qualifier(V.QualifierKind.SOFTWARE,
                             SOFTWARE_WORDS.get(art.software.coverage, art.software.coverage)))
    return tuple(out)


def article_view(p: F.Placed, ctx: F.Context) -> ArticleView:
    """An article with its qualifiers on the date (its strength for the topics of ``ctx``)."""
    a = p.article
    return ArticleView(p.agreement.id, a.number, a.title, p.chapter.number if p.chapter else None,
                       V.Strength(a.strength_on(ctx.topics)), qualifiers(p, ctx), a.span.file, a.span.line,
                       a.verification or V.Verification.UNVERIFIED, per_chapter=p.agreement.per_chapter)


# ---------------------------------------------------------------- matrix


def _strongest_first(placed: Iterable[F.Placed], topics: tuple[str, ...]) -> list[F.Placed]:
    return sorted(placed, key=lambda p: (-V.Strength(p.article.strength_on(topics)).rank,
                                         article_order(p.agreement.cited_chapter(p.chapter), p.article.number)))


def norm_cell(agreement: M.Agreement, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
              index: Optional[F.TopicIndex] = None) -> Cell:
    """A graded cell: the finding's grade, reasons and evidence, the candidate articles best first."""
    index = index or F.TopicIndex.of(agreement)
    ctx = ctx.replace(topics=norm.topics)
    finding = evaluate_norm(agreement, norm_set, norm, ctx, index)
    placed = {(agreement.cited_chapter(p.chapter), p.article.number): p for p in index.on(norm.topics)}
    views = tuple(article_view(placed[(c.chapter, c.article)], ctx) for c in finding.candidates
                  if (c.chapter, c.article) in placed)
    return Cell(finding.norm, agreement.id, finding.grade, finding.unmet_because, views,
                finding.reasons, finding.evidence, finding.score, finding.verification, finding.force)


def topic_cell(agreement: M.Agreement, topic: str, ctx: F.Context, index: Optional[F.TopicIndex] = None) -> Cell:
    """An ungraded cell: every article on the topic, strongest first (its badge: the weakest of their levels)."""
    on_topic = (index or F.TopicIndex.of(agreement)).on((topic,))
    ctx = ctx.replace(topics=(topic,))
    views = tuple(article_view(p, ctx) for p in _strongest_first(on_topic, ctx.topics))
    return Cell(topic, agreement.id, None, None, views, verification=weakest(v.verification for v in views),
                force=F.force(agreement, ctx.as_of))


def default_topics(agreements: Sequence[M.Agreement]) -> tuple[str, ...]:
    """Topics any of the agreements addresses, housekeeping left out, in vocabulary order."""
    present = {t for a in agreements for _, art in a.all_articles() for t in art.topics}
    return tuple(t for t in V.TOPICS if t in present and t not in HOUSEKEEPING_TOPICS)


def check_topics(topics: Iterable[str]) -> None:
    """Raise :class:`~engine.errors.UsageError` for the first topic outside the vocabulary."""
    for t in topics:
        if t not in V.TOPICS:
            raise UsageError(f"unknown topic `{t}`", did_you_mean(t, V.TOPICS) or "see `tradegap list topics`")


def _matrix(agreements: Sequence[M.Agreement], norm_sets: Sequence[M.NormSet], topics: Sequence[str],
            ctx: F.Context) -> tuple[tuple[Row, ...], tuple[Cell, ...]]:
    """The rows (every norm of each set, then each topic) and the cells, row-major."""
    indexes = [F.TopicIndex.of(a) for a in agreements]
    rows: list[Row] = []
    cells: list[Cell] = []
    for ns in norm_sets:
        for n in ns.norms:
            rows.append(Row(f"{ns.id}.{n.id}", V.RowKind.NORM, n.title, n.topics))
            cells.extend(norm_cell(a, ns, n, ctx, i) for a, i in zip(agreements, indexes))
    for t in topics:
        rows.append(Row(t, V.RowKind.TOPIC, V.TOPICS[t], (t,)))
        cells.extend(topic_cell(a, t, ctx, i) for a, i in zip(agreements, indexes))
    return tuple(rows), tuple(cells)


def check_lens(lens: str) -> Lens:
    """The lens named ``lens``; raise :class:`~engine.errors.UsageError` for any other word."""
    try:
        return Lens(lens)
    except ValueError:
        raise UsageError(f"unknown lens `{lens}`", did_you_mean(lens, {x.value: x.meaning for x in Lens})
                         or "use " + " or ".join(f"`{x.value}`" for x in Lens)) from None


def _layout(cells: str, labels: str) -> tuple[Cells, Labels]:
    """The layout words as enums; raise :class:`~engine.errors.UsageError` for any other word."""
    try:
        return Cells(cells), Labels(labels)
    except ValueError:
        raise UsageError(f"unknown layout `{cells}`, `{labels}`", "cells: " + " or ".join(Cells)
                         + "; labels: " + " or ".join(Labels)) from None


def compare(agreements: Sequence[M.Agreement], norm_sets: Sequence[M.NormSet] = (),
            topics: Sequence[str] = (), as_of: Optional[dt.date] = None, party: Optional[str] = None,
            transpose: bool = False, lens: str = Lens.GRADE, *, cells: str = Cells.FULL,
            labels: str = Labels.IDS) -> Comparison:
    """A matrix of resolved agreements against the norms of ``norm_sets`` and/or ``topics``.

    Rows come in the order given: every norm of each set, then each topic.
    With neither, the rows are the topics the agreements address
    (:func:`default_topics`).  Columns are the agreements in the order given, each with its force on the
    date and the parts of the treaty its encoding covers.  ``lens`` says how renderers read the cells: by
    grade (``grade``) or by the decisive article's strength (``strength``: hard or soft, the same findings).
    ``cells`` (:class:`Cells`) and ``labels`` (:class:`Labels`) are layout hints for renderers.

    Raises:
        UsageError: a topic is not in the vocabulary, or the lens or a layout word is unknown.
    """
    agreements, norm_sets, topics = tuple(agreements), tuple(norm_sets), tuple(topics)
    check_topics(topics)
    chosen = check_lens(lens)
    shown, labelled = _layout(cells, labels)
    if not norm_sets and not topics:
        topics = default_topics(agreements)
    ctx = F.Context(F.on_date(as_of), P.canonical(party) if party else None)
    rows, matrix = _matrix(agreements, norm_sets, topics, ctx)
    return Comparison(__version__, ctx.as_of, ctx.party, tuple(AgreementInfo.of(a, ctx.as_of) for a in agreements),
                      tuple(NormSetInfo.of(ns) for ns in norm_sets), rows, matrix, transpose, chosen, shown, labelled)
