"""Evaluation: pure functions from (agreement, norm, date, party) to findings.

For a norm, every article on one of its topics is a candidate; each
requirement is tested on each candidate, with a trace of every predicate;
the best candidate decides the grade:

- **met**: every requirement holds and the article binds every party (in
  view) on the date;
- **partial**: some requirement fails, or some party is not yet bound;
- **unmet**: no article addresses the topic, or an ``essential`` requirement
  fails (``unmet_because`` says which).

- **not-encoded**: no article addresses the topic, and the encoding does not
  cover the part of the treaty where such a rule would stand.

Each requirement weighs its ``weight`` (else the norm set's, else 1); a
finding's ``score`` is the share of the weight its decisive article meets
(100 met, 0 unmet, None not-encoded or not-applicable).  Each reason carries
the statements that decided it, quoted.  A text that is not in force on the
date is graded as written (``Finding.force`` says so).

The best candidate is the one with the fewest essential failures, then the
least failed weight, then the strongest commitment, then the lowest article
number, so neither file nor article order can change a result.

Evaluation reads no clock unless the caller leaves out the date (:func:`evaluate` only), does no
I/O and leaves the interpreter alone (see :func:`engine.util.gc.gc_paused` for callers that want
the collector paused over a large report).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

import attrs

from engine._version import __version__
from engine.errors import UnresolvedDraft
from engine.evaluation import context as F
from engine.evaluation.findings import (AgreementInfo, Candidate, Check, Evidence, Finding, NormSetInfo, Reason,
                                        Report)
from engine.evaluation.predicates import Outcome, evaluate_atom
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.predicates import Pred, predicate_text, requirement_text

BINDS_ALL = "binds every party on the date"
BINDS_ALL_BECAUSE = ("A commitment that does not yet bind every Party (transition period, reservation or "
                     "later entry into force) leaves a gap for the Parties it does not bind.")
_BINDS_ALL_ATOM = M.Atom(Pred.BINDS_ALL_PARTIES)
_BINDS_ALL_TEST = predicate_text(_BINDS_ALL_ATOM)


# ---------------------------------------------------------------- requirements


def _combined(held: bool, results: Sequence[Outcome]) -> tuple[F.Stated, ...]:
    """The statements behind a combination: those of the operands whose outcome is the combination's."""
    out: list[F.Stated] = []
    for r in results:
        if r.held == held:
            out += [s for s in r.stated if s not in out]
    return tuple(out)


def evaluate_predicate(pred: M.Predicate, p: F.Placed, ctx: F.Context) -> Outcome:
    """Evaluate a predicate on a placed article, with its trace and the statements that decided it."""
    if isinstance(pred, M.Atom):
        return evaluate_atom(pred, p, ctx)
    if isinstance(pred, M.Not):
        inner = evaluate_predicate(pred.operand, p, ctx)
        return Outcome(not inner.held, inner.steps, inner.parties, inner.stated)
    results = [evaluate_predicate(o, p, ctx) for o in pred.operands]
    steps = tuple(s for r in results for s in r.steps)
    parties = tuple(sorted({x for r in results for x in r.parties}))
    combine = all if isinstance(pred, M.All) else any
    held = combine(r.held for r in results)
    return Outcome(held, steps, parties, _combined(held, results))


@attrs.frozen
class Tested:
    """A requirement tested on an article: the check (as results show it), its weight, its statements."""

    check: Check
    weight: int = 1
    stated: tuple[F.Stated, ...] = ()


def weight(r: M.Requirement, norm_set: M.NormSet) -> int:
    """A requirement's weight: its own, else the norm set's, else 1."""
    return r.weight or norm_set.weight or 1


def _tested(r: M.Requirement, w: int, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Tested:
    held, steps, parties, stated = evaluate_predicate(r.predicate, p, ctx)
    if r.forbid:
        held = not held
    return Tested(Check(text or requirement_text(r), r.because, r.essential, held, steps, () if held else parties),
                  w, stated)


def check(r: M.Requirement, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Check:
    """Test one requirement on a placed article (``text``: its wording, if already known)."""
    return _tested(r, 1, p, ctx, text).check


def _binds_all(p: F.Placed, ctx: F.Context, w: int = 1) -> Tested:
    """The requirement every norm carries when the text is in force: it binds every party in view on the date."""
    held, steps, parties, stated = evaluate_atom(_BINDS_ALL_ATOM, p, ctx, _BINDS_ALL_TEST)
    return Tested(Check(BINDS_ALL, BINDS_ALL_BECAUSE, False, held, steps, parties), w, stated)


# ---------------------------------------------------------------- candidates


@attrs.frozen
class Ranked:
    """A candidate with the article it stands for and its tested requirements (weights and statements)."""

    candidate: Candidate
    placed: F.Placed
    tested: tuple[Tested, ...]

    @property
    def failed_weight(self) -> int:
        """The weight of the requirements that fail."""
        return sum(t.weight for t in self.tested if not t.check.held)

    @property
    def score(self) -> int:
        """0..100: the share of the weight that holds (see :func:`score`)."""
        total = sum(t.weight for t in self.tested)
        return round(100 * (total - self.failed_weight) / total) if total else 100


def _candidate_key(r: Ranked, primary: bool) -> tuple[int, int, int, int, tuple[tuple[int, int, str], ...]]:
    """Fewest essential failures, least failed weight, on-topic first, strongest, lowest number."""
    c = r.candidate
    essential = sum(1 for x in c.failures if x.essential)
    return (essential, r.failed_weight, 0 if primary else 1, -c.strength.rank, M.number_key(c.article))


def _ranked_candidates(placed: Sequence[F.Placed], norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
                       texts: Sequence[str], binds_all: bool) -> list[Ranked]:
    """Every placed article as a candidate for the norm, best first (``binds_all``: the implicit check too)."""
    weights = [weight(r, norm_set) for r in norm.requirements]
    out = []
    for p in placed:
        tested = tuple(_tested(r, w, p, ctx, t) for r, w, t in zip(norm.requirements, weights, texts))
        tested += (_binds_all(p, ctx, norm_set.weight or 1),) if binds_all else ()
        art = p.article
        out.append(Ranked(Candidate(art.number, art.title, V.Strength(art.strength), tuple(t.check for t in tested),
                                    art.span.file, art.span.line), p, tested))
    # An article whose first topic is the norm's is about it; one that lists it later only touches it.
    out.sort(key=lambda r: _candidate_key(r, r.placed.article.topics[0] in norm.topics))
    return out


def score(grade: V.Grade, best: Optional[Ranked] = None) -> Optional[int]:
    """The score of a finding: 100 met, 0 unmet, None not-encoded or not-applicable; a partial finding scores
    the share of the requirements' weight its decisive article meets, kept within 1..99."""
    if grade is V.Grade.MET:
        return 100
    if grade is V.Grade.UNMET:
        return 0
    if grade is not V.Grade.PARTIAL or best is None:
        return None
    return min(99, max(1, best.score))


# ---------------------------------------------------------------- evidence


def _cite(c: M.Citation) -> str:
    return f"Art. {c.article}" + (f", fn {c.footnote}" if c.footnote is not None else "")


def quoted(s: F.Stated, context: bool = False) -> tuple[Evidence, ...]:
    """A statement's words as evidence, one item per quote (none: one item saying nothing can be quoted)."""
    if not s.quotes:
        return (Evidence(s.article, s.title, None, s.span.file, s.span.line, s.verification, s.where,
                         absent=not context, context=context),)
    return tuple(
        Evidence(q.citation.article if q.citation else s.article,
                 s.title if q.citation is None or q.citation.article == s.article else None, q.text,
                 q.span.file or s.span.file, q.span.line or s.span.line, s.verification,
                 _cite(q.citation) if q.citation else s.where, q.paraphrase, context=context)
        for q in s.quotes)


def _statements(art: M.Article) -> list[F.Statement]:
    """An article's statements in the order their quotes are shown: commitment, scope, exceptions, dispute
    settlement, periods, software, contingency."""
    out: list[F.Statement] = [art.commitment] if art.commitment else []
    out += [*art.scope, *art.exceptions, *art.dispute_settlement, *art.transitions, *art.reservations]
    out += [x for x in (art.software, art.contingency) if x is not None]
    return out


def context_evidence(p: F.Placed, shown: Sequence[Evidence] = ()) -> tuple[Evidence, ...]:
    """The article's own words, marked as context, except those a reason already shows."""
    seen = {(e.quote, e.file, e.line) for e in shown}
    out = tuple(e for node in _statements(p.article) for e in quoted(F.stated(p, node), True)
                if e.quote is not None and (e.quote, e.file, e.line) not in seen)
    if out or any(e.quote is not None for e in shown):
        return out
    return quoted(F.article_stated(p), True)


def _reason(t: Tested, p: F.Placed) -> Reason:
    c = t.check
    found = "; ".join(s.found for s in c.steps)
    stated = t.stated or (F.article_stated(p),)
    evidence = tuple(e for s in stated for e in quoted(s))
    return Reason(c.requirement, c.because, p.article.number, c.parties, found, t.weight, evidence)


_LEVELS = tuple(V.Verification)


def weakest(levels: Iterable[str]) -> Optional[V.Verification]:
    """The weakest verification level (text > secondary > unverified > auto; an unknown word: unverified)."""
    known = [V.Verification(x) if x in _LEVELS else V.Verification.UNVERIFIED for x in levels]
    return max(known, key=_LEVELS.index, default=None)


def _notes(p: F.Placed) -> tuple[str, ...]:
    """The encoders' notes on the article, then on its chapter."""
    return tuple(n.text for n in p.article.notes) + tuple(n.text for n in (p.chapter.notes if p.chapter else ()))


# ---------------------------------------------------------------- findings


NOT_ENCODED_REQUIREMENT = "an encoded part of the treaty"
NO_ARTICLE_REQUIREMENT = "an article on the topic"


def _parts_text(parts: Sequence[str]) -> str:
    if not parts:
        return "no part of the treaty"
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def _without_article(agreement: M.Agreement, ref: str, norm: M.Norm, covered: tuple[str, ...],
                     force: V.Force) -> Finding:
    """No article on the norm's topics: not encoded when the encoding does not cover their part, else unmet."""
    parts = F.topic_parts(norm.topics)
    what = ", ".join(V.TOPICS.get(t, t) for t in norm.topics)
    level = agreement.verification or V.Verification.UNVERIFIED
    where = agreement.spans.coverage.or_else(agreement.span)
    absent = (Evidence("", None, None, where.file, where.line, level, "", absent=True),)
    if parts and not any(F.is_covered(covered, part) for part in parts):
        because = (f"The encoding covers {_parts_text(covered)}; {what} stands in {' or '.join(parts)}, "
                   "which is not encoded.")
        return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.NOT_ENCODED, None, None,
                       (Reason(NOT_ENCODED_REQUIREMENT, because, None, evidence=absent),), force=force, covered=covered)
    return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE, None,
                   (Reason(NO_ARTICLE_REQUIREMENT, f"No article addresses {what}.", None, evidence=absent),),
                   score=0, force=force, verification=weakest((level,)), searched=F.searched(agreement, parts))


def _graded(agreement: M.Agreement, ref: str, norm: M.Norm, ranked: Sequence[Ranked], force: V.Force) -> Finding:
    """The finding the best candidate decides, with its reasons, their evidence, the context and the notes."""
    best = ranked[0]
    grade, why = _grade(best.candidate.failures)
    reasons = tuple(_reason(t, best.placed) for t in best.tested if not t.check.held)
    shown = [e for r in reasons for e in r.evidence]
    context = context_evidence(best.placed, shown)
    levels = [e.verification for e in shown] or [e.verification for e in context]
    return Finding(agreement.id, ref, norm.title, norm.topics, grade, why, best.candidate.article, reasons,
                   context, tuple(r.candidate for r in ranked), score(grade, best), force, weakest(levels),
                   _notes(best.placed))


def _grade(failures: Sequence[Check]) -> tuple[V.Grade, Optional[V.UnmetBecause]]:
    if not failures:
        return V.Grade.MET, None
    if any(c.essential for c in failures):
        return V.Grade.UNMET, V.UnmetBecause.ESSENTIAL_REQUIREMENT
    return V.Grade.PARTIAL, None


def evaluate_norm(agreement: M.Agreement, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
                  index: Optional[F.TopicIndex] = None, texts: Optional[Sequence[str]] = None) -> Finding:
    """Grade one agreement (resolved) against one norm.

    A text that is not in force on the date is graded as written: the implicit check that the article binds
    every party is left out, and the finding's ``force`` says that it binds no one.  Where no article is on
    the norm's topics, the finding is ``not-encoded`` if the encoding does not cover the part of the treaty
    where such a rule would stand, else ``unmet`` with the chapters searched.

    ``index`` (the agreement's :class:`~engine.evaluation.context.TopicIndex`) and ``texts`` (the
    wording of the norm's requirements) save work when many findings are made at once.
    """
    ref = f"{norm_set.id}.{norm.id}"
    force = F.force(agreement, ctx.as_of)
    if ctx.party is not None and ctx.party not in agreement.parties:
        return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.NOT_APPLICABLE, None, None,
                       (Reason("party", f"{P.name(ctx.party)} is not a party to this agreement.", None,
                               (ctx.party,)),), force=force)
    index = index or F.TopicIndex.of(agreement)
    placed = index.on(norm.topics)
    if not placed:
        return _without_article(agreement, ref, norm, index.covered, force)
    ranked = _ranked_candidates(placed, norm_set, norm, ctx, texts or [requirement_text(r) for r in norm.requirements],
                                force is V.Force.IN_FORCE)
    return _graded(agreement, ref, norm, ranked, force)


# ---------------------------------------------------------------- reports


def require_resolved(agreement: M.Agreement) -> None:
    """Refuse a draft (``based-on``) that was never resolved against its base.

    Resolution (:mod:`engine.checking.resolve`) applies a draft's amendments and omissions, leaves none,
    and marks the result ``resolved``.  A draft without the mark is the draft as written, whose base
    articles are missing: graded as it is, it would be unmet everywhere.

    Raises:
        UnresolvedDraft: the agreement is such a draft.
    """
    if agreement.based_on is None:
        return
    if not agreement.resolved or agreement.amendments or agreement.omissions:
        raise UnresolvedDraft(
            f"`{agreement.id}` is a draft based on `{agreement.based_on}` that was not resolved against its base",
            "load it through a corpus (engine.load, engine.parse or Corpus.build), which resolves drafts")


def evaluate(agreements: M.Agreement | Iterable[M.Agreement], norm_sets: M.NormSet | Iterable[M.NormSet],
             as_of: Optional[dt.date] = None, party: Optional[str] = None) -> Report:
    """A report of resolved agreements against norm sets (default date: today).

    Findings come in the order agreements and norm sets were given, norms in
    the order their set defines them.

    Raises:
        UnresolvedDraft: an agreement is a draft that was not resolved (see :func:`require_resolved`).
    """
    chosen = (agreements,) if isinstance(agreements, M.Agreement) else tuple(agreements)
    sets = (norm_sets,) if isinstance(norm_sets, M.NormSet) else tuple(norm_sets)
    for a in chosen:
        require_resolved(a)
    ctx = F.Context(F.on_date(as_of), P.canonical(party) if party else None)
    texts = {id(n): [requirement_text(r) for r in n.requirements] for ns in sets for n in ns.norms}
    findings = tuple(
        evaluate_norm(a, ns, n, ctx, index, texts[id(n)]) for a in chosen for index in (F.TopicIndex.of(a),)
        for ns in sets for n in ns.norms
    )
    return Report(__version__, ctx.as_of, ctx.party, tuple(AgreementInfo.of(a, ctx.as_of) for a in chosen),
                  tuple(NormSetInfo.of(ns) for ns in sets), findings)
