"""Evaluation: pure functions from (agreement, norm, date, party) to findings.

For a norm, every article on one of its topics is a candidate; each
requirement is tested on each candidate, with a trace of every predicate;
the best candidate decides the grade:

- **met**: every requirement holds and the article binds every party (in
  view) on the date;
- **partial**: some requirement fails, or some party is not yet bound;
- **unmet**: no article addresses the topic, or an ``essential`` requirement
  fails (``unmet_because`` says which).

The best candidate is the one with the fewest essential failures, then the
fewest failures, then the strongest commitment, then the lowest article
number, so neither file nor article order can change a result.

Evaluation reads no clock unless the caller leaves out the date (:func:`evaluate` only), does no
I/O and leaves the interpreter alone (see :func:`engine.util.gc.gc_paused` for callers that want
the collector paused over a large report).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

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


def evaluate_predicate(pred: M.Predicate, p: F.Placed, ctx: F.Context) -> Outcome:
    """Evaluate a predicate on a placed article, with its trace."""
    if isinstance(pred, M.Atom):
        return evaluate_atom(pred, p, ctx)
    if isinstance(pred, M.Not):
        inner = evaluate_predicate(pred.operand, p, ctx)
        return Outcome(not inner.held, inner.steps, inner.parties)
    results = [evaluate_predicate(o, p, ctx) for o in pred.operands]
    steps = tuple(s for r in results for s in r.steps)
    parties = tuple(sorted({x for r in results for x in r.parties}))
    combine = all if isinstance(pred, M.All) else any
    return Outcome(combine(r.held for r in results), steps, parties)


def check(r: M.Requirement, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Check:
    """Test one requirement on a placed article (``text``: its wording, if already known)."""
    held, steps, parties = evaluate_predicate(r.predicate, p, ctx)
    if r.forbid:
        held = not held
    return Check(text or requirement_text(r), r.because, r.essential, held, steps, () if held else parties)


def _binds_all(p: F.Placed, ctx: F.Context) -> Check:
    """The requirement every norm carries: the article binds every party in view on the date."""
    held, steps, parties = evaluate_atom(_BINDS_ALL_ATOM, p, ctx, _BINDS_ALL_TEST)
    return Check(BINDS_ALL, BINDS_ALL_BECAUSE, False, held, steps, parties)


# ---------------------------------------------------------------- findings


def _candidate_key(c: Candidate, primary: bool) -> tuple[int, int, int, int, tuple[tuple[int, int, str], ...]]:
    """Fewest essential failures, fewest failures, on-topic first, strongest, lowest number."""
    essential = sum(1 for x in c.failures if x.essential)
    return (essential, len(c.failures), 0 if primary else 1, -c.strength.rank, M.number_key(c.article))


def _quotes(art: M.Article) -> list[M.Quote]:
    """Every quote of an article: commitment, scope, exceptions, dispute settlement, periods, software ..."""
    quotes: list[M.Quote] = list(art.commitment.quotes) if art.commitment else []
    for group in (art.scope, art.exceptions, art.dispute_settlement, art.transitions, art.reservations):
        for node in group:
            quotes.extend(node.quotes)
    if art.software:
        quotes.extend(art.software.quotes)
    if art.contingency:
        quotes.extend(art.contingency.quotes)
    return quotes


def _evidence(p: F.Placed) -> tuple[Evidence, ...]:
    art = p.article
    level = art.verification or V.Verification.UNVERIFIED
    quotes = _quotes(art)
    if not quotes:
        return (Evidence(art.number, art.title, None, art.span.file, art.span.line, level),)
    return tuple(
        Evidence(q.citation.article if q.citation else art.number,
                 art.title if q.citation is None or q.citation.article == art.number else None, q.text,
                 q.span.file or art.span.file, q.span.line or art.span.line, level)
        for q in quotes
    )


def _reason(c: Check, article: str) -> Reason:
    found = "; ".join(s.found for s in c.steps)
    return Reason(c.requirement, c.because, article, c.parties, found)


def _grade(failures: Sequence[Check]) -> tuple[V.Grade, Optional[V.UnmetBecause]]:
    if not failures:
        return V.Grade.MET, None
    if any(c.essential for c in failures):
        return V.Grade.UNMET, V.UnmetBecause.ESSENTIAL_REQUIREMENT
    return V.Grade.PARTIAL, None


def _ranked_candidates(placed: Sequence[F.Placed], norm: M.Norm, ctx: F.Context,
                       texts: Sequence[str]) -> list[tuple[Candidate, F.Placed]]:
    """Every placed article as a candidate for the norm, best first."""
    out = []
    for p in placed:
        checks = tuple(check(r, p, ctx, t) for r, t in zip(norm.requirements, texts)) + (_binds_all(p, ctx),)
        art = p.article
        out.append((Candidate(art.number, art.title, V.Strength(art.strength), checks, art.span.file,
                              art.span.line), p))
    # An article whose first topic is the norm's is about it; one that lists it later only touches it.
    out.sort(key=lambda cp: _candidate_key(cp[0], cp[1].article.topics[0] in norm.topics))
    return out


def evaluate_norm(agreement: M.Agreement, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
                  index: Optional[F.TopicIndex] = None, texts: Optional[Sequence[str]] = None) -> Finding:
    """Grade one agreement (resolved) against one norm.

    ``index`` (the agreement's :class:`~engine.evaluation.context.TopicIndex`) and ``texts`` (the
    wording of the norm's requirements) save work when many findings are made at once.
    """
    ref = f"{norm_set.id}.{norm.id}"
    if ctx.party is not None and ctx.party not in agreement.parties:
        return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.NOT_APPLICABLE, None, None,
                       (Reason("party", f"{P.name(ctx.party)} is not a party to this agreement.", None,
                               (ctx.party,)),))
    placed = (index or F.TopicIndex.of(agreement)).on(norm.topics)
    if not placed:
        what = ", ".join(V.TOPICS.get(t, t) for t in norm.topics)
        return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE, None,
                       (Reason("an article on the topic", f"No article addresses {what}.", None),))
    ranked = _ranked_candidates(placed, norm, ctx, texts or [requirement_text(r) for r in norm.requirements])
    best, where = ranked[0]
    grade, why = _grade(best.failures)
    reasons = tuple(_reason(c, best.article) for c in best.failures)
    return Finding(agreement.id, ref, norm.title, norm.topics, grade, why, best.article, reasons,
                   _evidence(where), tuple(c for c, _ in ranked))


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
    return Report(__version__, ctx.as_of, ctx.party, tuple(AgreementInfo.of(a) for a in chosen),
                  tuple(NormSetInfo.of(ns) for ns in sets), findings)
