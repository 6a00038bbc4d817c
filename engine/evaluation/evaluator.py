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
"""

from __future__ import annotations

import datetime as dt
import gc
from typing import Iterable, Optional, Sequence

from engine.evaluation import context as F
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.evaluation.findings import (AgreementInfo, Candidate, Check, Evidence, Finding, NormSetInfo, Reason,
                       Report, Step)
from engine.language.predicates import predicate_text, requirement_text

BINDS_ALL = "binds every party on the date"
BINDS_ALL_BECAUSE = ("A commitment that does not yet bind every Party (transition period, reservation or "
                     "later entry into force) leaves a gap for the Parties it does not bind.")


# ---------------------------------------------------------------- predicates


def _step(test: str, found: str, held: bool, span: M.Span = M.NO_SPAN) -> Step:
    return Step(test, found, held, span.file, span.line)


def _atom(a: M.Atom, p: F.Placed, ctx: F.Context) -> tuple[bool, list[Step], tuple[str, ...]]:
    """Test one predicate; the steps say what was found, the parties whom a failure concerns."""
    art = p.article
    test = predicate_text(a)
    if a.name == "strength":
        want = a.args[1]
        held = V.STRENGTH_ORDER.index(art.strength) >= V.STRENGTH_ORDER.index(want)
        span = art.commitment.span if art.commitment else art.span
        return held, [_step(test, f"the commitment is {art.strength}", held, span)], ()
    if a.name == "form":
        form = art.commitment.form if art.commitment else None
        held = form == a.args[0]
        span = art.commitment.span if art.commitment else art.span
        return held, [_step(test, f"the form is {form or 'not coded'}", held, span)], ()
    if a.name == "enforceable":
        excluded, shielded, decided = F.not_enforceable(p, ctx)
        if excluded:
            return False, [_step(test, "dispute settlement is excluded", False, decided.span)], ()
        if shielded:
            names = ", ".join(f"{h.party} until {h.until}" if h.until else h.party for h in shielded)
            return False, [_step(test, f"shielded from dispute settlement: {names}", False, shielded[0].span)], \
                tuple(sorted({h.party for h in shielded}))
        where = "dispute settlement applies" if decided else "dispute settlement applies (nothing excludes it)"
        return True, [_step(test, where, True, decided.span if decided else art.span)], ()
    if a.name == "exception":
        kind, quals = a.args[0], set(a.args[1:])
        for e, level in F.exceptions(p):
            if (kind == "any" or e.kind == kind) and quals <= set(e.qualifiers):
                desc = " ".join((e.kind, *e.qualifiers))
                return True, [_step(test, f"{level}-level exception: {desc}", True, e.span)], ()
        return False, [_step(test, "no such exception applies", False, art.span)], ()
    if a.name in ("covers", "excludes"):
        for s in F.scope(p):
            if s.item == a.args[0]:
                held = s.mode == a.name
                return held, [_step(test, f"{s.mode} {s.item}", held, s.span)], ()
        return False, [_step(test, f"nothing said about {a.args[0]}", False, art.span)], ()
    if a.name == "software":
        cov = art.software.coverage if art.software else None
        held = cov == a.args[0]
        span = art.software.span if art.software else art.span
        return held, [_step(test, f"software coverage: {cov or 'not coded'}", held, span)], ()
    if a.name == "contingent":
        c = art.contingency
        return c is not None, [_step(test, f"contingent on {c.condition}" if c else "not contingent",
                                     c is not None, c.span if c else art.span)], ()
    if a.name == "binds-all-parties":
        held_back = F.not_bound(p, ctx)
        if held_back:
            return False, [_step(test, _held_text(held_back), False, held_back[0].span)], \
                tuple(sorted({h.party for h in held_back}))
        return True, [_step(test, "every party is bound", True, art.span)], ()
    if a.name == "in-force":
        held = F.in_force(p.agreement, ctx)
        eif = p.agreement.entry_into_force(ctx.party)
        return held, [_step(test, f"status {p.agreement.status or 'unknown'}, in force {eif or 'not given'}",
                            held, p.agreement.span)], ()
    raise ValueError(f"unknown predicate {a.name!r}")  # validation prevents this


def _held_text(held: Sequence[F.Held]) -> str:
    parts = []
    for h in held:
        until = f" until {h.until.isoformat()}" if h.until else ""
        parts.append(f"{h.party}: {h.why}{until}")
    return "; ".join(parts)


def test_predicate(pred: M.Predicate, p: F.Placed, ctx: F.Context) -> tuple[bool, list[Step], tuple[str, ...]]:
    """Evaluate a predicate on a placed article, with its trace."""
    if isinstance(pred, M.Atom):
        return _atom(pred, p, ctx)
    if isinstance(pred, M.Not):
        held, steps, parties = test_predicate(pred.operand, p, ctx)
        return not held, steps, parties
    results = [test_predicate(o, p, ctx) for o in pred.operands]
    steps = [s for _, st, _ in results for s in st]
    parties = tuple(sorted({x for _, _, ps in results for x in ps}))
    if isinstance(pred, M.All):
        return all(h for h, _, _ in results), steps, parties
    return any(h for h, _, _ in results), steps, parties


def check(r: M.Requirement, p: F.Placed, ctx: F.Context, text: Optional[str] = None) -> Check:
    """Test one requirement on a placed article (``text``: its wording, if already known)."""
    held, steps, parties = test_predicate(r.predicate, p, ctx)
    if r.forbid:
        held = not held
    return Check(text or requirement_text(r), r.because, r.essential, held, tuple(steps), () if held else parties)


def _binds_all(p: F.Placed, ctx: F.Context) -> Check:
    held_back = F.not_bound(p, ctx)
    span = held_back[0].span if held_back else p.article.span
    step = _step("binds-all-parties", _held_text(held_back) if held_back else "every party is bound",
                 not held_back, span)
    return Check(BINDS_ALL, BINDS_ALL_BECAUSE, False, not held_back, (step,),
                 tuple(sorted({h.party for h in held_back})))


# ---------------------------------------------------------------- findings


def _candidate_key(c: Candidate, primary: bool) -> tuple:
    """Fewest essential failures, fewest failures, on-topic first, strongest, lowest number."""
    essential = sum(1 for x in c.failures if x.essential)
    return (essential, len(c.failures), 0 if primary else 1, -V.STRENGTH_ORDER.index(c.strength),
            M.number_key(c.article))


def _evidence(p: F.Placed) -> tuple[Evidence, ...]:
    art = p.article
    level = art.verification or "unverified"
    quotes: list[M.Quote] = []
    if art.commitment:
        quotes.extend(art.commitment.quotes)
    for group in (art.scope, art.exceptions, art.dispute_settlement, art.transitions, art.reservations):
        for node in group:
            quotes.extend(node.quotes)
    if art.software:
        quotes.extend(art.software.quotes)
    if art.contingency:
        quotes.extend(art.contingency.quotes)
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


TopicIndex = tuple[tuple[F.Placed, ...], dict[str, list[int]]]


def topic_index(agreement: M.Agreement) -> TopicIndex:
    """An agreement's placed articles, and where each topic's articles are among them.

    Built once per agreement, not once per norm: placing every article again for
    each of thirty norms was most of the cost of a report.
    """
    placed = F.placed_articles(agreement)
    where: dict[str, list[int]] = {}
    for i, p in enumerate(placed):
        for t in p.article.topics:
            positions = where.setdefault(t, [])
            if not positions or positions[-1] != i:
                positions.append(i)
    return placed, where


def evaluate_norm(agreement: M.Agreement, norm_set: M.NormSet, norm: M.Norm, ctx: F.Context,
                  index: Optional[TopicIndex] = None, texts: Optional[Sequence[str]] = None) -> Finding:
    """Grade one agreement (resolved) against one norm.

    ``index`` (the agreement's :func:`topic_index`) and ``texts`` (the wording of the
    norm's requirements) save work when many findings are made at once.
    """
    ref = f"{norm_set.id}.{norm.id}"
    if ctx.party is not None and ctx.party not in agreement.parties:
        return Finding(agreement.id, ref, norm.title, norm.topics, "not-applicable", None, None,
                       (Reason("party", f"{P.name(ctx.party)} is not a party to this agreement.", None,
                               (ctx.party,)),))
    every, where = topic_index(agreement) if index is None else index
    placed = [every[i] for i in sorted({i for t in norm.topics for i in where.get(t, ())})]
    if not placed:
        what = ", ".join(V.TOPICS.get(t, t) for t in norm.topics)
        return Finding(agreement.id, ref, norm.title, norm.topics, "unmet", "no-article", None,
                       (Reason("an article on the topic", f"No article addresses {what}.", None),))
    candidates = []
    by_number = {}
    texts = texts or [requirement_text(r) for r in norm.requirements]
    for p in placed:
        checks = tuple(check(r, p, ctx, t) for r, t in zip(norm.requirements, texts)) + (_binds_all(p, ctx),)
        cand = Candidate(p.article.number, p.article.title, p.article.strength, checks,
                         p.article.span.file, p.article.span.line)
        candidates.append(cand)
        by_number[p.article.number] = p
    # An article whose first topic is the norm's is about it; one that lists it later only touches it.
    candidates.sort(key=lambda c: _candidate_key(c, by_number[c.article].article.topics[0] in norm.topics))
    best = candidates[0]
    failures = best.failures
    if not failures:
        grade, why = "met", None
    elif any(c.essential for c in failures):
        grade, why = "unmet", "essential-requirement"
    else:
        grade, why = "partial", None
    reasons = tuple(_reason(c, best.article) for c in failures)
    return Finding(agreement.id, ref, norm.title, norm.topics, grade, why, best.article, reasons,
                   _evidence(by_number[best.article]), tuple(candidates))


def evaluate(agreements: M.Agreement | Iterable[M.Agreement], norm_sets: M.NormSet | Iterable[M.NormSet],
             as_of: Optional[dt.date] = None, party: Optional[str] = None) -> Report:
    """A report of resolved agreements against norm sets (default date: today).

    Findings come in the order agreements and norm sets were given, norms in
    the order their set defines them.
    """
    from engine._version import __version__

    if isinstance(agreements, M.Agreement):
        agreements = (agreements,)
    if isinstance(norm_sets, M.NormSet):
        norm_sets = (norm_sets,)
    agreements, norm_sets = tuple(agreements), tuple(norm_sets)
    ctx = F.Context(as_of or dt.date.today(), P.canonical(party) if party else None)
    texts = {id(n): [requirement_text(r) for r in n.requirements] for ns in norm_sets for n in ns.norms}
    # Findings are acyclic: the collector has nothing to free while they are made, and
    # scanning thousands of them again and again took half the time of a large report.
    paused = gc.isenabled() and len(agreements) * len(texts) > 1000
    if paused:
        gc.disable()
    try:
        findings = tuple(
            evaluate_norm(a, ns, n, ctx, index, texts[id(n)]) for a in agreements for index in (topic_index(a),)
            for ns in norm_sets for n in ns.norms
        )
    finally:
        if paused:
            gc.enable()
    return Report(
        __version__, ctx.as_of, ctx.party,
        tuple(AgreementInfo(a.id, a.title, a.status, a.parties, a.based_on, a.entry_into_force())
              for a in agreements),
        tuple(NormSetInfo(ns.id, ns.title, ns.version, ns.source) for ns in norm_sets),
        findings,
    )
