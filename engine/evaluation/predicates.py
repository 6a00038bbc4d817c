"""What each predicate of the norm language means on a placed article: one small function per predicate.

The functions are registered by name against :data:`engine.language.predicates.PREDICATES`, the one
table of predicates; :func:`registry` refuses (at import) a table with a predicate that has no
function here, or a function for a predicate the table does not know.  Every predicate yields exactly
one trace step: :func:`evaluate_atom` writes the predicate as its ``test``, and the function says what it
found, whether that holds, where it is written, and which parties a failure concerns.
"""

from __future__ import annotations

from types import MappingProxyType
import datetime as dt
from typing import Callable, Mapping, Optional, Sequence

from engine.errors import UnknownId
from engine.evaluation import context as F
from engine.evaluation.findings import Step
from engine.language import model as M
from engine.language import vocab as V
from engine.language.predicates import PREDICATES, Pred, PredicateSpec, predicate_text
from engine.util.records import Record


class Verdict(Record):
    """What one predicate found on one article.

    Attributes:
        held: whether the predicate holds.
        found: what was found, in words (the trace step's ``found``).
        span: where the deciding statement is written.
        parties: the parties a failure concerns (empty: all).
        stated: the statements that decided it, with their words (none: it rests on an absence).
    """

    held: bool
    found: str
    span: M.Span
    parties: tuple[str, ...] = ()
    stated: tuple[F.Stated, ...] = ()


class Outcome(Record):
    """A predicate (atom or combination) tested on an article: whether it held, its trace, the parties,
    and the statements that decided it."""

    held: bool
    steps: tuple[Step, ...]
    parties: tuple[str, ...] = ()
    stated: tuple[F.Stated, ...] = ()


PredicateFn = Callable[[tuple[str, ...], F.Placed, F.Context], Verdict]


def held_text(held: Sequence[F.Held], as_of: Optional[dt.date] = None) -> str:
    """``KH: transition period until 2027-01-01; VN: reservation`` (see :meth:`Held.describe`)."""
    return "; ".join(f"{h.party}: {h.describe(as_of)}" for h in held)


def _sources(held: Sequence[F.Held]) -> tuple[F.Stated, ...]:
    """The statements that hold parties back, each once, in the order met."""
    out: list[F.Stated] = []
    for h in held:
        if h.source is not None and h.source not in out:
            out.append(h.source)
    return tuple(out)


def _commitment(p: F.Placed, ctx: F.Context) -> tuple[Optional[M.Commitment], M.Span, tuple[F.Stated, ...]]:
    """The commitment that counts for the norm's topics (see :meth:`engine.language.model.Article.commitment_on`),
    where it is written and the statement it rests on."""
    c = p.article.commitment_on(ctx.topics)
    if c is None:
        return None, p.article.span, ()
    return c, c.span, (F.stated(p, c),)


def _which(c: Optional[M.Commitment]) -> str:
    """``the commitment``; ``the commitment for source-code (para 2)`` for one written for some topics."""
    if c is None or not c.topics:
        return "the commitment"
    return f"the commitment for {', '.join(c.topics)}" + (f" (para {c.paragraph})" if c.paragraph else "")


def strength(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``strength at-least S``: the commitment (for the norm's topics) is at least as strong as S."""
    c, span, stated = _commitment(p, ctx)
    found = c.strength if c is not None else V.Strength.ABSENT
    held = V.Strength(found).rank >= V.Strength(args[1]).rank
    return Verdict(held, f"{_which(c)} is {found}", span, (), stated)


def form(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``form F``: the commitment (for the norm's topics) has form F."""
    c, span, stated = _commitment(p, ctx)
    found = c.form if c is not None else None
    return Verdict(found == args[0], f"the form is {found or 'not coded'}", span, (), stated)


def enforceable(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``enforceable``: dispute settlement applies to the article, for every party in view, on the date."""
    e = F.enforcement(p, ctx)
    if e.excluded_by is not None:
        return Verdict(False, "dispute settlement is excluded", e.excluded_by.span, (),
                       (F.stated_in_reach(p, e.excluded_by),))
    if e.shielded:
        names = ", ".join(f"{h.party} until {h.until}" + (f" (possibly {h.possibly_until})" if h.possibly_until else "")
                          if h.until else h.party for h in e.shielded)
        return Verdict(False, f"shielded from dispute settlement: {names}", e.shielded[0].span,
                       tuple(sorted({h.party for h in e.shielded})), _sources(e.shielded))
    if e.decided is None:
        return Verdict(True, "dispute settlement applies (nothing excludes it)", p.article.span)
    return Verdict(True, "dispute settlement applies", e.decided.span, (), (F.stated_in_reach(p, e.decided),))


def exception(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``exception KIND Q...``: an exception of the kind (or any) with at least these qualifiers applies."""
    kind, quals = args[0], set(args[1:])
    for e, level in F.exceptions(p):
        if (kind == V.ANY_EXCEPTION or e.kind == kind) and quals <= set(e.qualifiers):
            return Verdict(True, f"{level}-level exception: {' '.join((e.kind, *e.qualifiers))}", e.span, (),
                           (F.stated(p, e, level),))
    return Verdict(False, "no such exception applies", p.article.span)


def _scope_is(mode: V.ScopeMode) -> PredicateFn:
    def check(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
        for s in F.scope(p):
            if s.item == args[0]:
                return Verdict(s.mode == mode, f"{s.mode} {s.item}", s.span, (), (F.stated_in_reach(p, s),))
        return Verdict(False, f"nothing said about {args[0]}", p.article.span)
    check.__doc__ = f"``{mode} ITEM``: the article's scope statement on ITEM says {mode}."
    return check


covers = _scope_is(V.ScopeMode.COVERS)
excludes = _scope_is(V.ScopeMode.EXCLUDES)


def software(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``software C``: the article covers this software."""
    art = p.article
    if art.software is None:
        return Verdict(False, "software coverage: not coded", art.span)
    return Verdict(art.software.coverage == args[0], f"software coverage: {art.software.coverage}",
                   art.software.span, (), (F.stated(p, art.software),))


def contingent(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``contingent``: the commitment depends on something outside the agreement."""
    c = p.article.contingency
    if c is None:
        return Verdict(False, "not contingent", p.article.span)
    return Verdict(True, f"contingent on {c.condition}", c.span, (), (F.stated(p, c),))


def binds_all_parties(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``binds-all-parties``: no transition, reservation or later entry into force holds a party back."""
    held_back = F.not_bound(p, ctx)
    if held_back:
        return Verdict(False, held_text(held_back, ctx.as_of), held_back[0].span,
                       tuple(sorted({h.party for h in held_back})), _sources(held_back))
    return Verdict(True, "every party is bound", p.article.span)


def in_force(args: tuple[str, ...], p: F.Placed, ctx: F.Context) -> Verdict:
    """``in-force``: the agreement is in force on the date (for the perspective party, if any)."""
    a = p.agreement
    eif = a.entry_into_force(ctx.party)
    return Verdict(F.in_force(a, ctx), f"status {a.status or 'unknown'}, in force {eif or 'not given'}", a.span, (),
                   (F.entry_stated(a, ctx.party),))


def registry(functions: Mapping[str, PredicateFn],
             specs: Mapping[str, PredicateSpec] = PREDICATES) -> Mapping[str, PredicateFn]:
    """The functions, read-only, once checked to be exactly one per predicate of ``specs``.

    Raises:
        RuntimeError: a predicate has no function, or a function no predicate.
    """
    missing = ", ".join(f"`{name}`" for name in specs if name not in functions)
    unknown = ", ".join(f"`{name}`" for name in functions if name not in specs)
    if missing or unknown:
        raise RuntimeError("the predicate table and the evaluator disagree: "
                           f"no function for {missing or 'none'}; no predicate for {unknown or 'none'}")
    return MappingProxyType(dict(functions))


EVALUATORS: Mapping[str, PredicateFn] = registry({
    Pred.STRENGTH: strength,
    Pred.FORM: form,
    Pred.ENFORCEABLE: enforceable,
    Pred.EXCEPTION: exception,
    Pred.COVERS: covers,
    Pred.EXCLUDES: excludes,
    Pred.SOFTWARE: software,
    Pred.CONTINGENT: contingent,
    Pred.BINDS_ALL_PARTIES: binds_all_parties,
    Pred.IN_FORCE: in_force,
})


def evaluate_atom(a: M.Atom, p: F.Placed, ctx: F.Context, test: Optional[str] = None) -> Outcome:
    """Test one predicate on a placed article: one trace step (``test``: the atom as written, if known).

    Raises:
        UnknownId: the predicate is not in the language (validation reports it first for written norms).
    """
    fn = EVALUATORS.get(a.name)
    if fn is None:
        raise UnknownId(f"unknown predicate `{a.name}`", "see `tradegap list predicates`")
    v = fn(a.args, p, ctx)
    step = Step(test or predicate_text(a), v.found, v.held, v.span.file, v.span.line)
    return Outcome(v.held, (step,), v.parties, v.stated)

