"""Side-by-side comparison: a matrix of rows (norms or topics) by agreements.

Each cell names the articles on the row's topic and, for each, the
qualifiers a negotiator reads first: how strongly it binds, what kind of
exception it carries, whether dispute settlement reaches it, transitions,
reservations and later entry into force for named parties, contingency,
and the sectors carved out.  A norm row also carries the finding's grade,
reasons and evidence; a topic row carries no grade.

The qualifiers are worked out in context (:mod:`engine.facts`), on the
date and from the party position of the comparison, so an exception or a
dispute-settlement exclusion written at chapter level shows on every article
it reaches.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

import attrs

from engine.evaluation import context as F
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.evaluation.evaluator import evaluate_norm
from engine.evaluation.findings import AgreementInfo, Evidence, NormSetInfo, Reason

COMPARISON_SCHEMA = ("tradegap.comparison", "1.0")

# Topics that describe a chapter's housekeeping rather than a discipline: left out of default rows.
HOUSEKEEPING_TOPICS = frozenset({"definitions", "scope", "institutional", "dispute-resolution", "exceptions"})

STRENGTH_WORDS = {"binding": "binding", "best-endeavour": "best endeavour", "hortatory": "hortatory",
                  "absent": "no commitment"}


@attrs.frozen
class Qualifier:
    """One thing that matters about an article in context, in a few words.

    ``kind`` is one of: strength, exception, dispute-settlement, transition,
    reservation, not-in-force, contingent, excludes, covers, software.
    """

    kind: str
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
    strength: str
    qualifiers: tuple[Qualifier, ...]
    file: str = ""
    line: int = 0
    verification: str = "unverified"

    def summary(self) -> str:
        """``Art. 14.11: binding; objective exception``."""
        words = "; ".join(q.text for q in self.qualifiers)
        return f"Art. {self.number}" + (f": {words}" if words else "")


@attrs.frozen
class Row:
    """A row of the matrix: a norm (``set.norm``) or a topic."""

    key: str
    kind: str  # "norm" | "topic"
    title: Optional[str]
    topics: tuple[str, ...]


@attrs.frozen
class Cell:
    """One agreement on one row: its articles (best first) and, for a norm, the grade."""

    row: str
    agreement: str
    grade: Optional[str]  # met | partial | unmet | not-applicable; None for topic rows
    unmet_because: Optional[str]
    articles: tuple[ArticleView, ...]
    reasons: tuple[Reason, ...] = ()
    evidence: tuple[Evidence, ...] = ()


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

    def cell(self, row: str, agreement: str) -> Cell:
        """The cell for a row key and an agreement id (KeyError if either is not in the matrix)."""
        r = next((i for i, x in enumerate(self.rows) if x.key == row), None)
        a = next((i for i, x in enumerate(self.agreements) if x.id == agreement), None)
        if r is None or a is None:
            raise KeyError(f"no cell for {row} {agreement}")
        return self.cells[r * len(self.agreements) + a]


# ---------------------------------------------------------------- qualifiers


def _held_groups(held: Iterable[F.Held]) -> list[tuple[str, Optional[dt.date], tuple[str, ...]]]:
    groups: dict[tuple[str, Optional[dt.date]], list[str]] = {}
    for h in held:
        groups.setdefault((h.why, h.until), []).append(h.party)
    return [(why, until, tuple(sorted(set(ps)))) for (why, until), ps in groups.items()]


def _until(until: Optional[dt.date]) -> str:
    return f" to {until.isoformat()}" if until else ""


def _exception_qualifiers(p: F.Placed) -> list[Qualifier]:
    out: list[Qualifier] = []
    seen: set[str] = set()
    for e, level in F.exceptions(p):
        quals = set(e.qualifiers)
        text = None
        if e.kind == "public-policy":
            if "self-judging" in quals:
                text = "self-judging policy exception"
            elif quals & V.OBJECTIVE_CONDITIONS:
                text = "objective policy exception"
            else:
                text = "unconditioned policy exception"
        if "non-disputable" in quals:
            text = ("non-disputable " + e.kind.replace("essential-", "") + " exception")
        elif e.kind == "prudential" and level == "article":
            text = "prudential carve-out"
        if text and text not in seen:
            seen.add(text)
            out.append(Qualifier("exception", text))
    return out


def qualifiers(p: F.Placed, ctx: F.Context) -> tuple[Qualifier, ...]:
    """What matters about a placed article on the date, strongest signal first."""
    art = p.article
    out = [Qualifier("strength", STRENGTH_WORDS.get(art.strength, art.strength))]
    out += _exception_qualifiers(p)
    excluded, shielded, _ = F.not_enforceable(p, ctx)
    if excluded:
        out.append(Qualifier("dispute-settlement", "no dispute settlement"))
    for _, until, parties in _held_groups(shielded):
        out.append(Qualifier("dispute-settlement", f"no dispute settlement for {' '.join(parties)}{_until(until)}",
                             parties, until))
    kinds = {"transition period": "transition", "reservation": "reservation",
             "the agreement is not yet in force for it": "not-in-force"}
    for why, until, parties in _held_groups(F.not_bound(p, ctx)):
        kind = kinds.get(why, "transition")
        label = {"transition": "transition for", "reservation": "reservation for",
                 "not-in-force": "not in force for"}[kind]
        out.append(Qualifier(kind, f"{label} {' '.join(parties)}{_until(until)}", parties, until))
    if art.contingency is not None:
        out.append(Qualifier("contingent", f"contingent on {art.contingency.condition}"))
    scope = F.scope(p)
    excluded_items = sorted(s.item for s in scope if s.mode == "excludes")
    if excluded_items:
        out.append(Qualifier("excludes", "excludes " + ", ".join(excluded_items)))
    covered = sorted(s.item for s in scope if s.mode == "covers")
    if covered:
        out.append(Qualifier("covers", "covers " + ", ".join(covered)))
    if art.software is not None:
        words = {"mass-market-only": "mass-market software only", "all": "all software"}
        out.append(Qualifier("software", words.get(art.software.coverage, art.software.coverage)))
    return tuple(out)


def article_view(p: F.Placed, ctx: F.Context) -> ArticleView:
    """An article with its qualifiers on the date."""
    a = p.article
    return ArticleView(p.agreement.id, a.number, a.title, p.chapter.number if p.chapter else None,
                       a.strength, qualifiers(p, ctx), a.span.file, a.span.line, a.verification or "unverified")


# ---------------------------------------------------------------- matrix


number_key = M.number_key


def _on_topics(agreement: M.Agreement, topics: Iterable[str]) -> list[F.Placed]:
    wanted = set(topics)
    return [p for p in F.placed_articles(agreement) if wanted & set(p.article.topics)]


def _strongest_first(placed: list[F.Placed]) -> list[F.Placed]:
    return sorted(placed, key=lambda p: (-V.STRENGTH_ORDER.index(p.article.strength),
                                         number_key(p.article.number)))


def norm_cell(agreement: M.Agreement, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context) -> Cell:
    """A graded cell: the finding's grade, reasons and evidence, the candidate articles best first."""
    finding = evaluate_norm(agreement, norm_set, norm, ctx)
    placed = {p.article.number: p for p in _on_topics(agreement, norm.topics)}
    views = tuple(article_view(placed[c.article], ctx) for c in finding.candidates if c.article in placed)
    return Cell(finding.norm, agreement.id, finding.grade, finding.unmet_because, views,
                finding.reasons, finding.evidence)


def topic_cell(agreement: M.Agreement, topic: str, ctx: F.Context) -> Cell:
    """An ungraded cell: every article on the topic, strongest first."""
    views = tuple(article_view(p, ctx) for p in _strongest_first(_on_topics(agreement, (topic,))))
    return Cell(topic, agreement.id, None, None, views)


def default_topics(agreements: Sequence[M.Agreement]) -> tuple[str, ...]:
    """Topics any of the agreements addresses, housekeeping left out, in vocabulary order."""
    present = {t for a in agreements for _, art in a.all_articles() for t in art.topics}
    return tuple(t for t in V.TOPICS if t in present and t not in HOUSEKEEPING_TOPICS)


def compare(agreements: Sequence[M.Agreement], norm_sets: Sequence[M.NormSet] = (),
            topics: Sequence[str] = (), as_of: Optional[dt.date] = None, party: Optional[str] = None,
            transpose: bool = False) -> Comparison:
    """A matrix of resolved agreements against the norms of ``norm_sets`` and/or ``topics``.

    Rows come in the order given: every norm of each set, then each topic.
    With neither, the rows are the topics the agreements address
    (:func:`default_topics`).  Columns are the agreements in the order given.
    Unknown topics raise ValueError.
    """
    from engine._version import __version__

    agreements, norm_sets, topics = tuple(agreements), tuple(norm_sets), tuple(topics)
    unknown = [t for t in topics if t not in V.TOPICS]
    if unknown:
        raise ValueError(f"unknown topic `{unknown[0]}`")
    if not norm_sets and not topics:
        topics = default_topics(agreements)
    ctx = F.Context(as_of or dt.date.today(), P.canonical(party) if party else None)
    rows: list[Row] = []
    cells: list[Cell] = []
    for ns in norm_sets:
        for n in ns.norms:
            rows.append(Row(f"{ns.id}.{n.id}", "norm", n.title, n.topics))
            cells.extend(norm_cell(a, ns, n, ctx) for a in agreements)
    for t in topics:
        rows.append(Row(t, "topic", V.TOPICS[t], (t,)))
        cells.extend(topic_cell(a, t, ctx) for a in agreements)
    return Comparison(
        __version__, ctx.as_of, ctx.party,
        tuple(AgreementInfo(a.id, a.title, a.status, a.parties, a.based_on, a.entry_into_force())
              for a in agreements),
        tuple(NormSetInfo(ns.id, ns.title, ns.version, ns.source) for ns in norm_sets),
        tuple(rows), tuple(cells), transpose,
    )
