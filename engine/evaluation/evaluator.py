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

:func:`evaluate` decides each finding with the compiled pass (:mod:`.verdict`) and works out its
reasons, evidence and candidate traces only when they are read; :func:`evaluate_norm` builds them all
at once (the reference the compiled pass is tested against).

Evaluation reads no clock unless the caller leaves out the date (:func:`evaluate` only), does no
I/O and leaves the interpreter alone (see :func:`engine.util.gc.gc_paused` for callers that want
the collector paused over a large report).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Iterable, Mapping, Optional, Sequence

from engine._version import __version__
from engine.errors import UnresolvedDraft
from engine.evaluation import context as F
from engine.evaluation import verdict as VP
from engine.evaluation.findings import (AgreementInfo, Candidate, Check, Deferred, Evidence, Finding, NormSetInfo,
                                        Reason, Report, deferred, make_finding)
from engine.evaluation.predicates import Outcome, evaluate_atom
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import cite_quote
from engine.language.predicates import Pred, predicate_text, requirement_text
from engine.util.records import Record

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


class Tested(Record):
    """A requirement tested on an article: the check (as results show it), its weight, its statements."""

    check: Check
    weight: int = 1
    stated: tuple[F.Stated, ...] = ()


def weight(r: M.Requirement, norm_set: M.NormSet) -> int:
    """A requirement's weight: its own, else the norm set's, else 1."""
    return r.weight or norm_set.weight or 1


def _tested(r: M.Requirement, w: int, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Tested:
    out = evaluate_predicate(r.predicate, p, ctx)
    held = out.held != r.forbid
    return Tested(Check(text or requirement_text(r), r.because, r.essential, held, out.steps,
                        () if held else out.parties), w, out.stated)


def check(r: M.Requirement, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Check:
    """Test one requirement on a placed article (``text``: its wording, if already known)."""
    return _tested(r, 1, p, ctx, text).check


def _binds_all(p: F.Placed, ctx: F.Context, w: int = 1) -> Tested:
    """The requirement every norm carries when the text is in force: it binds every party in view on the date."""
    out = evaluate_atom(_BINDS_ALL_ATOM, p, ctx, _BINDS_ALL_TEST)
    return Tested(Check(BINDS_ALL, BINDS_ALL_BECAUSE, False, out.held, out.steps, out.parties), w, out.stated)


# ---------------------------------------------------------------- candidates


class Ranked(Record):
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


def article_order(chapter: Optional[str], number: str) -> tuple[M.NumberKey, M.NumberKey]:
    """Articles in number order: by chapter first where the agreement numbers per chapter (``chapter`` given),
    else by number alone."""
    return M.number_key(chapter or ""), M.number_key(number)


def _candidate_key(r: Ranked, primary: bool) -> tuple[int, int, int, int, tuple[M.NumberKey, M.NumberKey]]:
    """Fewest essential failures, least failed weight, on-topic first, strongest, lowest number."""
    c = r.candidate
    essential = sum(1 for x in c.failures if x.essential)
    return (essential, r.failed_weight, 0 if primary else 1, -c.strength.rank, article_order(c.chapter, c.article))


def _tested_all(p: F.Placed, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context, texts: Sequence[str],
                binds_all: bool) -> tuple[Tested, ...]:
    """Every requirement of the norm tested on one article, with its trace (``binds_all``: the implicit check
    too); its commitment is read for the norm's topics."""
    if ctx.topics != norm.topics:
        ctx = ctx.replace(topics=norm.topics)
    tested = tuple(_tested(r, weight(r, norm_set), p, ctx, t) for r, t in zip(norm.requirements, texts))
    return tested + ((_binds_all(p, ctx, norm_set.weight or 1),) if binds_all else ())


def _ranked_candidates(placed: Sequence[F.Placed], norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
                       texts: Sequence[str], binds_all: bool) -> list[Ranked]:
    """Every placed article as a candidate for the norm, best first (``binds_all``: the implicit check too)."""
    out = []
    for p in placed:
        tested = _tested_all(p, norm_set, norm, ctx, texts, binds_all)
        art = p.article
        out.append(Ranked(Candidate(art.number, art.title, V.Strength(art.strength_on(norm.topics)),
                                    tuple(t.check for t in tested),
                                    art.span.file, art.span.line, chapter=p.agreement.cited_chapter(p.chapter)),
                          p, tested))
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


def _quote_evidence(q: M.Quote, s: F.Stated, context: bool) -> Evidence:
    """One quote of a statement as evidence, cited where its citation says (an article number read in the
    statement's chapter where the agreement numbers per chapter), else where the statement stands."""
    c = q.citation
    if c is None:
        return Evidence(s.article, s.title, q.text, q.span.file or s.span.file, q.span.line or s.span.line,
                        s.verification, s.where, q.paraphrase, context=context, chapter=s.chapter)
    chapter = c.chapter or s.chapter
    same = c.article == s.article and chapter == s.chapter
    return Evidence(c.article, s.title if same else None, q.text, q.span.file or s.span.file,
                    q.span.line or s.span.line, s.verification, cite_quote(c, s.chapter), q.paraphrase,
                    context=context, chapter=chapter)


def quoted(s: F.Stated, context: bool = False) -> tuple[Evidence, ...]:
    """A statement's words as evidence, one item per quote (none: one item saying nothing can be quoted)."""
    if not s.quotes:
        return (Evidence(s.article, s.title, None, s.span.file, s.span.line, s.verification, s.where,
                         absent=not context, context=context, chapter=s.chapter if s.article else None),)
    return tuple(_quote_evidence(q, s, context) for q in s.quotes)


def _statements(art: M.Article) -> list[F.Statement]:
    """An article's statements in the order their quotes are shown: commitment, scope, exceptions, dispute
    settlement, periods, software, contingency."""
    out: list[F.Statement] = [art.commitment] if art.commitment else []
    out += [*art.topic_commitments, *art.scope, *art.exceptions, *art.dispute_settlement, *art.transitions, *art.reservations]
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
    return Reason(c.requirement, c.because, p.article.number, c.parties, found, t.weight, evidence,
                  chapter=p.agreement.cited_chapter(p.chapter))


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


def _absence(agreement: M.Agreement, norm: M.Norm, covered: tuple[str, ...], not_encoded: bool) -> dict[str, Any]:
    """The reason of a finding without an article: the part is not encoded, or no article is on the topic."""
    what = ", ".join(V.TOPICS.get(t, t) for t in norm.topics)
    level = agreement.verification or V.Verification.UNVERIFIED
    where = agreement.spans.coverage.or_else(agreement.span)
    absent = (Evidence("", None, None, where.file, where.line, level, "", absent=True),)
    if not_encoded:
        parts = F.topic_parts(norm.topics)
        because = (f"The encoding covers {_parts_text(covered)}; {what} stands in {' or '.join(parts)}, "
                   "which is not encoded.")
        return {"reasons": (Reason(NOT_ENCODED_REQUIREMENT, because, None, evidence=absent),)}
    return {"reasons": (Reason(NO_ARTICLE_REQUIREMENT, f"No article addresses {what}.", None, evidence=absent),)}


def _without_article(agreement: M.Agreement, ref: str, norm: M.Norm, covered: tuple[str, ...],
                     force: V.Force) -> Finding:
    """No article on the norm's topics: not encoded when the encoding does not cover their part, else unmet."""
    parts = F.topic_parts(norm.topics)
    not_encoded = F.not_encoded(parts, covered)
    reasons = _absence(agreement, norm, covered, not_encoded)["reasons"]
    if not_encoded:
        return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.NOT_ENCODED, None, None, reasons,
                       force=force, covered=covered)
    level = agreement.verification or V.Verification.UNVERIFIED
    return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE, None,
                   reasons, score=0, force=force, verification=weakest((level,)), searched=F.searched(agreement, parts))


def _explained(tested: Sequence[Tested], p: F.Placed) -> dict[str, Any]:
    """What the decisive candidate's trace says: the reasons (each with its evidence), the article's other
    words as context, and the weakest verification among the evidence shown."""
    reasons = tuple(_reason(t, p) for t in tested if not t.check.held)
    shown = [e for r in reasons for e in r.evidence]
    context = context_evidence(p, shown)
    levels = [e.verification for e in shown] or [e.verification for e in context]
    return {"reasons": reasons, "evidence": context, "verification": weakest(levels)}


def _graded(agreement: M.Agreement, ref: str, norm: M.Norm, ranked: Sequence[Ranked], force: V.Force) -> Finding:
    """The finding the best candidate decides, with its reasons, their evidence, the context and the notes."""
    best = ranked[0]
    grade, why = _grade(best.candidate.failures)
    explained = _explained(best.tested, best.placed)
    return Finding(agreement.id, ref, norm.title, norm.topics, grade, why, best.candidate.article,
                   explained["reasons"], explained["evidence"], tuple(r.candidate for r in ranked),
                   score(grade, best), force, explained["verification"], _notes(best.placed),
                   chapter=best.candidate.chapter)


def _grade(failures: Sequence[Check]) -> tuple[V.Grade, Optional[V.UnmetBecause]]:
    if not failures:
        return V.Grade.MET, None
    if any(c.essential for c in failures):
        return V.Grade.UNMET, V.UnmetBecause.ESSENTIAL_REQUIREMENT
    return V.Grade.PARTIAL, None


def _not_applicable(agreement: M.Agreement, ref: str, norm: M.Norm, party: str, force: V.Force) -> Finding:
    """The finding for a party the agreement does not bind at all."""
    return Finding(agreement.id, ref, norm.title, norm.topics, V.Grade.NOT_APPLICABLE, None, None,
                   (Reason("party", f"{P.name(party)} is not a party to this agreement.", None, (party,)),),
                   force=force)


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
        return _not_applicable(agreement, ref, norm, ctx.party, force)
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


# ---------------------------------------------------------------- the compiled pass, traces on demand


def _trace(view: VP.AgreementView, norm: VP.CompiledNorm, best: Optional[F.Placed], name: str,
           not_encoded: bool) -> dict[str, Any]:
    """The deferred fields of a finding holding ``name``: every candidate's checks, best first (what
    ``explain`` reads); else the decisive article's reasons, evidence and verification (what a rendering
    reads); for a finding without an article (``best`` None), its reason."""
    if best is None:
        return _absence(view.agreement, norm.norm, view.covered, not_encoded)
    binds_all = view.force is V.Force.IN_FORCE
    if name == "candidates":
        placed = [f.placed for f in view.on(norm.norm.topics)]
        ranked = _ranked_candidates(placed, norm.norm_set, norm.norm, view.ctx, norm.texts, binds_all)
        return {"candidates": tuple(r.candidate for r in ranked)}
    return _explained(_tested_all(best, norm.norm_set, norm.norm, view.ctx, norm.texts, binds_all), best)


class _Trace(Deferred):
    """One finding's trace, worked out when read (see :func:`_trace`)."""

    __slots__ = ("view", "norm", "best")

    def __init__(self, view: VP.AgreementView, norm: VP.CompiledNorm, best: Optional[F.Placed]) -> None:
        self.view, self.norm, self.best = view, norm, best

    def fill(self, name: str, owner: Any) -> dict[str, Any]:
        return _trace(self.view, self.norm, self.best, name, owner.grade is V.Grade.NOT_ENCODED)


class _Traces(Deferred):
    """The traces of every finding on one agreement, each worked out when read (see :func:`_trace`): a finding
    names its norm (``set.norm``, one compiled norm each) and its decisive article (the first candidate with
    that number), so one object serves them all."""

    __slots__ = ("view", "norms")

    def __init__(self, view: VP.AgreementView, norms: Mapping[str, VP.CompiledNorm]) -> None:
        self.view, self.norms = view, norms

    def fill(self, name: str, owner: Any) -> dict[str, Any]:
        norm, number, chapter = self.norms[owner.norm], owner.article, owner.chapter
        best = None if number is None else next(
            f.placed for f in self.view.on(norm.norm.topics) if f.placed.article.number == number
            and f.cited_chapter == chapter)
        return _trace(self.view, norm, best, name, owner.grade is V.Grade.NOT_ENCODED)


def _by_ref(norms: Sequence[VP.CompiledNorm]) -> Optional[dict[str, VP.CompiledNorm]]:
    """The compiled norms by ``set.norm`` (None: two different norms share one, so a finding's reference
    does not name its norm)."""
    out: dict[str, VP.CompiledNorm] = {}
    for n in norms:
        seen = out.setdefault(n.ref, n)
        if seen is not n and (seen.norm_set, seen.norm) != (n.norm_set, n.norm):
            return None
    return out


def _absent(view: VP.AgreementView, norm: VP.CompiledNorm, traces: Optional[_Traces]) -> Finding:
    """A finding without an article on the norm's topics (see :func:`_without_article`), its reason deferred."""
    a, n, covered = view.agreement, norm.norm, view.covered
    reasons = deferred(traces or _Trace(view, norm, None))
    if view.not_encoded(norm.parts):
        return make_finding(a.id, norm.ref, n.title, n.topics, V.Grade.NOT_ENCODED, None, None, reasons, (), (), None,
                       view.force, None, (), (), covered)
    return make_finding(a.id, norm.ref, n.title, n.topics, V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE, None, reasons, (),
                   (), 0, view.force, _weakest_one(view.level), (), view.searched(norm.parts), ())


@functools.lru_cache(maxsize=None)
def _weakest_one(level: str) -> Optional[V.Verification]:
    return weakest((level,))


def _named_first(best: VP.Facts, candidates: Sequence[VP.Facts]) -> bool:
    """Whether ``best`` is the first candidate with its number (and chapter, where the agreement numbers per
    chapter), so that they find it again."""
    if len(candidates) == 1:
        return True
    number, chapter = best.placed.article.number, best.cited_chapter
    return next(f for f in candidates if f.placed.article.number == number and f.cited_chapter == chapter) is best


def compiled_finding(view: VP.AgreementView, norm: VP.CompiledNorm, traces: Optional[_Traces] = None) -> Finding:
    """The finding :func:`evaluate_norm` makes, decided by the compiled pass; its reasons, evidence,
    verification and candidates are worked out when first read (by ``traces`` when it can find them again)."""
    a, n, ctx = view.agreement, norm.norm, view.ctx
    if ctx.party is not None and ctx.party not in a.parties:
        return _not_applicable(a, norm.ref, n, ctx.party, view.force)
    verdict = VP.decide(view, norm)
    if verdict is None:
        return _absent(view, norm, traces)
    best = verdict.best
    found: Deferred = traces if traces is not None and _named_first(best, verdict.candidates) else _Trace(
        view, norm, best.placed)
    trace = deferred(found)
    return make_finding(a.id, norm.ref, n.title, n.topics, verdict.grade, verdict.why, best.placed.article.number,
                   trace, trace, trace, verdict.score, view.force, trace, best.notes, (), (), best.cited_chapter)


def _info(view: VP.AgreementView) -> AgreementInfo:
    """:meth:`AgreementInfo.of` the view's agreement on its date, from what the view has worked out."""
    a = view.agreement
    return AgreementInfo(a.id, a.title, a.status, a.parties, a.based_on, a.entry_into_force(), view.force,
                         view.covered, a.verification)


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
    norms = [VP.CompiledNorm(ns, n) for ns in sets for n in ns.norms]
    views = [VP.AgreementView(a, ctx) for a in chosen]
    by_ref = _by_ref(norms)
    # a list, then one tuple: a tuple built from a generator is reallocated as it grows, and each time it is a
    # new object to the collector, which rescans the whole of it at every young collection (P5: superlinear)
    findings = tuple([compiled_finding(view, norm, traces) for view in views
                      for traces in (_Traces(view, by_ref) if by_ref is not None else None,) for norm in norms])
    return Report(__version__, ctx.as_of, ctx.party, tuple(_info(view) for view in views),
                  tuple(NormSetInfo.of(ns) for ns in sets), findings)
