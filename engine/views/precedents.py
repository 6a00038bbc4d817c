"""Precedents: articles elsewhere in the corpus that meet a norm, ready to paste into a draft.

For a gap (a partial or unmet finding; a not-encoded one is no gap, since
nothing is known of it), every other agreement's articles on the norm's
topic are graded on the report's date; those that meet the norm
are precedents.  They are ranked first by how many of the report
agreement's own parties already accepted them elsewhere (are parties of an
agreement that is concluded, signed, in force or terminated: what makes a
precedent negotiable), then binding first, then by the number of
parties, then newest (entry into force, else signature), then by agreement
id and article number, so the order never depends on the corpus's order.
An article inherited unchanged by a draft from its base is listed once, under
its first-ranked agreement, with the others in ``also_in``.

Each precedent carries a DSL snippet printed by the formatter.  The snippet
is the article as it stands in its agreement: what it inherits from its
chapter and agreement (dispute settlement, exceptions, scope) is written on
the article itself, so it means the same wherever it is pasted.  Terms that
name parties of the source agreement (transitions, reservations, shields)
are left out, since they would not fit a draft between other parties; a
comment lists them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import attrs

from engine.errors import UnknownId
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate_norm
from engine.evaluation.findings import Finding, Report
from engine.language import model as M
from engine.language import vocab as V
from engine.language.citations import article_words
from engine.language.model import number_key
from engine.syntax.printer import format_article

if TYPE_CHECKING:
    from engine.checking.corpus import Corpus

DEFAULT_LIMIT = 5
GAPS = (V.Grade.PARTIAL, V.Grade.UNMET)
NOT_ACCEPTED = (V.Status.DRAFT, V.Status.PROPOSED)  # no party has accepted the text of such an agreement


@attrs.frozen
class Precedent:
    """An article that meets a norm, with its citation and a snippet to paste."""

    agreement: str
    agreement_title: Optional[str]
    article: str
    title: Optional[str]
    strength: V.Strength
    parties: int
    date: Optional[dt.date]  # entry into force, else signature
    status: Optional[str]
    citation: str  # "Comprehensive and ... (cptpp), Art. 14.11 Cross-Border Transfer ..."
    file: str
    line: int
    verification: str
    snippet: str
    also_in: tuple[str, ...] = ()
    chapter: Optional[str] = attrs.field(default=None, kw_only=True)  # where its agreement numbers per chapter


@attrs.frozen
class Suggestion:
    """A gap in a report and the precedents that would close it."""

    agreement: str
    norm: str
    norm_title: Optional[str]
    grade: V.Grade
    article: Optional[str]
    precedents: tuple[Precedent, ...]
    more: int = 0  # precedents found beyond the limit
    chapter: Optional[str] = attrs.field(default=None, kw_only=True)  # the gap's article's, as the finding's


# ---------------------------------------------------------------- snippets


def _explicit_dispute(p: F.Placed, folded: list[str], dropped: list[str]) -> tuple[M.DisputeSettlement, ...]:
    """The article's applies/excluded statement, its context's if it has none; shields are dropped."""
    mode, shields = F.dispute_settlement(p)
    own = tuple(d for d in p.article.dispute_settlement if d.mode != V.DsMode.SHIELDED)
    dropped += [f"dispute-settlement {V.DsMode.SHIELDED} {' '.join(s.parties)}" for s in shields]
    if own or mode is None:
        return own
    folded.append(f"dispute-settlement {mode.mode}")
    return (mode,)


def explicit(p: F.Placed) -> tuple[M.Article, list[str], list[str]]:
    """The article with its inherited context written on it; what was folded in; what was left out."""
    art = p.article
    folded: list[str] = []
    dropped: list[str] = []
    ds = _explicit_dispute(p, folded, dropped)
    own_exc = list(art.exceptions)
    for e, level in F.exceptions(p):
        if level != "article" and e not in own_exc:
            own_exc.append(e)
            folded.append(f"{level}-level exception {e.kind}")
    scope = F.scope(p)
    folded += [f"chapter-level {s.mode} {s.item}" for s in scope if s not in art.scope]
    dropped += [f"transition {' '.join(t.parties)}" for t in art.transitions]
    dropped += [f"reservation {' '.join(r.parties)}" for r in art.reservations]
    new = attrs.evolve(art, dispute_settlement=ds, exceptions=tuple(own_exc), scope=scope,
                       transitions=(), reservations=())
    return new, folded, dropped


def snippet(p: F.Placed) -> str:
    """The article as DSL text, context made explicit, party-specific terms left out (see module doc)."""
    article, folded, dropped = explicit(p)
    where = f"{p.agreement.id}" + (f" chapter {p.chapter.number}" if p.chapter else "")
    lines = [f"# Precedent: {where}, {article_words(article.number)}"]
    if folded:
        lines.append("# Written on the article from its context: " + "; ".join(folded))
    if dropped:
        lines.append("# Left out (they name parties of " + p.agreement.id + "): " + "; ".join(dropped))
    text = format_article(article)
    return "\n".join(lines) + "\n" + text


# ---------------------------------------------------------------- search


Indexed = Sequence[tuple[M.Agreement, F.TopicIndex]]


def _date(a: M.Agreement) -> Optional[dt.date]:
    return a.entry_into_force() or a.signed


def accepted_by(a: M.Agreement, own: frozenset[str]) -> int:
    """How many of the parties ``own`` already accepted the text of ``a`` (are parties of it, not a mere draft)."""
    return 0 if a.status in NOT_ACCEPTED else len(own.intersection(a.parties))


def _rank(pr: Precedent, accepted: int) -> tuple[int, int, int, int, str, M.NumberKey, M.NumberKey]:
    return (-accepted, -pr.strength.rank, -pr.parties, -(pr.date.toordinal() if pr.date else 0), pr.agreement,
            number_key(pr.chapter or ""), number_key(pr.article))


def _citation(a: M.Agreement, art: M.Article, chapter: Optional[str]) -> str:
    head = f"{a.title} ({a.id})" if a.title else a.id
    return f"{head}, {article_words(art.number, chapter)}" + (f" {art.title}" if art.title else "")


def _precedent(p: F.Placed, topics: tuple[str, ...]) -> Precedent:
    a, art = p.agreement, p.article
    chapter = a.cited_chapter(p.chapter)
    return Precedent(a.id, a.title, art.number, art.title, V.Strength(art.strength_on(topics)), len(a.parties),
                     _date(a),
                     a.status, _citation(a, art, chapter), art.span.file, art.span.line,
                     art.verification or V.Verification.UNVERIFIED, snippet(p), chapter=chapter)


def _meeting(a: M.Agreement, index: F.TopicIndex, norm_set: M.NormSet, norm: M.Norm,
             ctx: F.Context) -> list[F.Placed]:
    """The agreement's articles that meet the norm on the date."""
    finding = evaluate_norm(a, norm_set, norm, ctx, index)
    placed = {(a.cited_chapter(p.chapter), p.article.number): p for p in index.on(norm.topics)}
    return [placed[(c.chapter, c.article)] for c in finding.candidates if not c.failures]


# Every article of a corpus that meets one norm: (its agreement, the precedent, the article).
Meeting = Sequence[tuple[M.Agreement, Precedent, M.Article]]


def _all_meeting(indexed: Indexed, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context) -> Meeting:
    """Every article in ``indexed`` that meets ``norm``: computed once per norm, however many gaps ask."""
    return [(a, _precedent(p, norm.topics), p.article) for a, index in indexed
            for p in _meeting(a, index, norm_set, norm, ctx)]


def _ranked(meeting: Meeting, exclude: Iterable[str], own: frozenset[str] = frozenset()) -> tuple[Precedent, ...]:
    """The precedents (ids in ``exclude`` skipped), ranked, an article inherited by several agreements listed once.

    ``own``: the parties of the agreement the precedents are for; those they already accepted come first.
    """
    skip = set(exclude)
    found = [(pr, art, accepted_by(a, own)) for a, pr, art in meeting if a.id not in skip]
    found.sort(key=lambda x: _rank(x[0], x[2]))
    out: list[Precedent] = []
    first: dict[M.Article, int] = {}  # an article (spans aside) -> where it is listed: twins in one look-up
    for pr, art, _ in found:
        twin = first.get(art)
        if twin is None:
            first[art] = len(out)
            out.append(pr)
        else:
            out[twin] = attrs.evolve(out[twin], also_in=out[twin].also_in + (pr.agreement,))
    return tuple(out)


def precedents(agreements: Iterable[M.Agreement], norm_set: M.NormSet, norm: M.Norm,
               as_of: Optional[dt.date] = None, exclude: Iterable[str] = ()) -> tuple[Precedent, ...]:
    """Every article in ``agreements`` (except those with ids in ``exclude``) that meets ``norm``, ranked."""
    skip = set(exclude)
    indexed = [(a, F.TopicIndex.of(a)) for a in agreements if a.id not in skip]
    return _ranked(_all_meeting(indexed, norm_set, norm, F.Context(F.on_date(as_of))), ())


def _corpus_indexed(corpus: Corpus) -> Indexed:
    """Every agreement of the corpus, by id, with its topic index (built once for many suggestions)."""
    return [(a, F.TopicIndex.of(a)) for a in (corpus.agreements[k] for k in sorted(corpus.agreements))]


def _suggest(corpus: Corpus, indexed: Indexed, finding: Finding, as_of: dt.date,
             limit: Optional[int], own: frozenset[str], seen: Optional[dict[str, Meeting]] = None) -> Suggestion:
    """Precedents for one finding; ``seen`` keeps, per norm, what meets it (a report asks for each norm often)."""
    set_id, norm_id = finding.norm.split(".", 1)
    ns = corpus.norms(set_id)
    norm = ns.norm(norm_id)
    if norm is None:
        raise UnknownId(f"norm set `{set_id}` has no norm `{norm_id}`", "see `tradegap list norms`")
    seen = {} if seen is None else seen
    if finding.norm not in seen:
        seen[finding.norm] = _all_meeting(indexed, ns, norm, F.Context(as_of))
    found = _ranked(seen[finding.norm], (finding.agreement,), own)
    kept = found if limit is None else found[:limit]
    return Suggestion(finding.agreement, finding.norm, finding.norm_title, finding.grade, finding.article,
                      kept, len(found) - len(kept), chapter=finding.chapter)


def suggest(corpus: Corpus, finding: Finding, as_of: Optional[dt.date] = None,
            limit: Optional[int] = DEFAULT_LIMIT) -> Suggestion:
    """Precedents for one finding of a report (its own agreement excluded); ``limit`` None keeps all.

    Those its agreement's parties (if the corpus holds it) already accepted elsewhere come first.

    Raises:
        UnknownId: the finding's norm is not in the corpus.
    """
    a = corpus.agreements.get(finding.agreement)
    own = frozenset(a.parties if a is not None else ())
    return _suggest(corpus, _corpus_indexed(corpus), finding, F.on_date(as_of), limit, own)


@attrs.frozen
class SuggestedReport:
    """A gap report with, for every gap, the precedents that close it: ``tradegap report --suggest``."""

    report: Report
    suggestions: tuple[Suggestion, ...]


def suggest_report(corpus: Corpus, report: Report, limit: Optional[int] = DEFAULT_LIMIT) -> SuggestedReport:
    """The report with a suggestion for every gap (see :func:`suggest_for_report`)."""
    return SuggestedReport(report, suggest_for_report(corpus, report, limit))


def suggest_for_report(corpus: Corpus, report: Report,
                       limit: Optional[int] = DEFAULT_LIMIT) -> tuple[Suggestion, ...]:
    """A suggestion for every gap (partial or unmet finding) of the report, in the report's order."""
    gaps = [f for f in report.findings if f.grade in GAPS]
    if not gaps:
        return ()
    indexed = _corpus_indexed(corpus)
    parties = {info.id: frozenset(info.parties) for info in report.agreements}
    seen: dict[str, Meeting] = {}  # what meets each norm, found once for every gap on it (linear in the corpus)
    return tuple(_suggest(corpus, indexed, f, report.as_of, limit, parties.get(f.agreement, frozenset()), seen)
                 for f in gaps)
