"""The compiled verdict pass: a norm's grade, score and decisive article on an agreement, from booleans.

A norm's requirements are compiled once into tests on an article's :class:`Facts`; an article's facts are
worked out once per agreement (on the evaluation's date, from its party's position) and only those a test
reads; a norm's verdict on an agreement is then a few comparisons per candidate article.

The evaluator's trace (:func:`engine.evaluation.evaluator.evaluate_norm`) says *why*, step by step, and
quotes the words; this says only *what*, and must say exactly what the trace would: the same candidates,
the same best one, the same grade and score (``tests/evaluation/test_verdict.py`` compares the two over
the corpus, every norm set, several dates and parties).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Callable, Generic, Mapping, Optional, Sequence, TypeVar, overload

from engine.evaluation import context as F
from engine.evaluation.predicates import evaluate_atom
from engine.language import model as M
from engine.language import vocab as V
from engine.language.predicates import PREDICATES, Pred, requirement_text
from engine.util.records import Record


T = TypeVar("T")
_RANKS = {s.value: s.rank for s in V.Strength}


class _Fact(Generic[T]):
    """A fact of an article, worked out on first read and then kept in the instance (read as a plain
    attribute from then on)."""

    def __init__(self, work_out: Callable[[Facts], T]) -> None:
        self.work_out, self.name = work_out, work_out.__name__

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> _Fact[T]: ...

    @overload
    def __get__(self, obj: Facts, owner: Optional[type] = None) -> T: ...

    def __get__(self, obj: Optional[Facts], owner: Optional[type] = None) -> T | _Fact[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.work_out(obj)
        return value


class Facts:
    """What the compiled tests read of one placed article, each fact worked out on its first use.

    Attributes:
        placed: the article with its chapter and agreement.
        view: the agreement on the evaluation's date, from its party's position.
    """

    def __init__(self, placed: F.Placed, view: AgreementView) -> None:
        self.placed, self.view = placed, view

    @_Fact
    def strength_rank(self) -> int:
        """The rank of the article's strength."""
        strength = self.placed.article.strength
        return _RANKS[strength] if strength in _RANKS else V.Strength(strength).rank

    @_Fact
    def form(self) -> Optional[str]:
        """The commitment's form (None: no commitment)."""
        c = self.placed.article.commitment
        return c.form if c else None

    @_Fact
    def by_topics(self) -> dict[tuple[str, ...], Optional[M.Commitment]]:
        """The commitment that counts for each set of a norm's topics asked about so far."""
        return {}

    def _on(self, topics: tuple[str, ...]) -> Optional[M.Commitment]:
        known = self.by_topics
        if topics not in known:
            known[topics] = self.placed.article.commitment_on(topics)
        return known[topics]

    def rank_on(self, topics: tuple[str, ...]) -> int:
        """The rank of the commitment's strength for a norm on ``topics`` (an article without commitments per
        topic: its general strength, worked out once)."""
        if not self.placed.article.topic_commitments:
            return self.strength_rank
        c = self._on(topics)
        return _RANKS.get(c.strength, V.Strength.rank_of(c.strength)) if c is not None else V.Strength.ABSENT.rank

    def form_on(self, topics: tuple[str, ...]) -> Optional[str]:
        """The form of the commitment for a norm on ``topics``."""
        if not self.placed.article.topic_commitments:
            return self.form
        c = self._on(topics)
        return c.form if c is not None else None

    @_Fact
    def enforceable(self) -> bool:
        """Whether dispute settlement reaches the article, for every party in view, on the date (see
        :func:`engine.evaluation.context.enforcement`): it is not excluded and no shield holds a party back."""
        decided, shields = F.dispute_settlement(self.placed)
        if decided is not None and decided.mode == V.DsMode.EXCLUDED:
            return False
        view = self.view
        in_view, entry, as_of = view.in_view, view.entry, view.ctx.as_of
        return not any(party in in_view and F.holds(s.period, entry(party), as_of)
                       for s in shields for party in s.parties)

    @_Fact
    def exceptions(self) -> tuple[M.Exception_, ...]:
        """Every exception in reach."""
        return tuple(e for e, _ in F.exceptions(self.placed))

    @_Fact
    def scope(self) -> Mapping[str, str]:
        """Scope item -> the mode of the first statement on it in reach (article first, then chapter)."""
        modes: dict[str, str] = {}
        for s in F.scope(self.placed):
            modes.setdefault(s.item, s.mode)
        return modes

    @_Fact
    def binds_all(self) -> bool:
        """Whether no transition, reservation or later entry into force holds a party in view back (an article
        with neither transitions nor reservations: whatever holds for the whole agreement)."""
        view, art = self.view, self.placed.article
        if not view.bound_on_entry:
            return False
        if not art.transitions and not art.reservations:
            return True
        as_of, in_force = view.ctx.as_of, view.force is V.Force.IN_FORCE
        for party in view.parties:
            start = view.entry(party) if in_force else None
            if any(party in t.parties and F.holds(t.period, start, as_of) for t in art.transitions):
                return False
            if any(party in r.parties and F.holds(r.period, start, as_of) for r in art.reservations):
                return False
        return True

    @_Fact
    def cited_chapter(self) -> Optional[str]:
        """The article's chapter where the agreement numbers per chapter (None elsewhere)."""
        return self.placed.agreement.cited_chapter(self.placed.chapter)

    @_Fact
    def number_order(self) -> tuple[M.NumberKey, M.NumberKey]:
        """The lowest number first (chapter first, where numbered per chapter): how candidates that fare alike
        and are as strong are ranked."""
        return M.number_key(self.cited_chapter or ""), M.number_key(self.placed.article.number)

    @_Fact
    def notes(self) -> tuple[str, ...]:
        """The encoders' notes on the article, then on its chapter."""
        p = self.placed
        return tuple(n.text for n in p.article.notes) + tuple(n.text for n in (p.chapter.notes if p.chapter else ()))


Test = Callable[[Facts], bool]


# ---------------------------------------------------------------- predicates, compiled


Topics = tuple[str, ...]  # the norm's topics: what an article's commitment is read for
Compiler = Callable[[tuple[str, ...], Topics], Test]


def _strength(args: tuple[str, ...], topics: Topics) -> Test:
    rank = V.Strength(args[1]).rank
    return lambda f: f.rank_on(topics) >= rank


def _form(args: tuple[str, ...], topics: Topics) -> Test:
    wanted = args[0]
    return lambda f: f.form_on(topics) == wanted


def _exception(args: tuple[str, ...], topics: Topics) -> Test:
    kind, quals = args[0], frozenset(args[1:])
    any_kind = kind == V.ANY_EXCEPTION

    def test(f: Facts) -> bool:
        for e in f.exceptions:
            if (any_kind or e.kind == kind) and quals.issubset(e.qualifiers):
                return True
        return False
    return test


def _scope_is(mode: V.ScopeMode) -> Compiler:
    def compiled(args: tuple[str, ...], topics: Topics) -> Test:
        item = args[0]
        return lambda f: f.scope.get(item) == mode
    return compiled


def _software(args: tuple[str, ...], topics: Topics) -> Test:
    wanted = args[0]

    def test(f: Facts) -> bool:
        s = f.placed.article.software
        return s is not None and s.coverage == wanted
    return test


def _fact(read: Test) -> Compiler:
    return lambda args, topics: read


COMPILERS: Mapping[str, Compiler] = {
    Pred.STRENGTH: _strength,
    Pred.FORM: _form,
    Pred.ENFORCEABLE: _fact(lambda f: f.enforceable),
    Pred.EXCEPTION: _exception,
    Pred.COVERS: _scope_is(V.ScopeMode.COVERS),
    Pred.EXCLUDES: _scope_is(V.ScopeMode.EXCLUDES),
    Pred.SOFTWARE: _software,
    Pred.CONTINGENT: _fact(lambda f: f.placed.article.contingency is not None),
    Pred.BINDS_ALL_PARTIES: _fact(lambda f: f.binds_all),
    Pred.IN_FORCE: _fact(lambda f: f.view.in_force),
}
if set(COMPILERS) != set(PREDICATES):  # pragma: no cover - the table and this module are kept together
    raise RuntimeError("the predicate table and the compiled verdict pass disagree")


def _as_traced(atom: M.Atom, topics: Topics) -> Test:
    """The atom tested as the trace tests it: for arguments the compilers refuse (validation reports them
    first for written norms), so that the same error is raised at the same point."""
    def test(f: Facts) -> bool:
        return evaluate_atom(atom, f.placed, f.view.ctx.replace(topics=topics)).held
    return test


def compile_predicate(pred: M.Predicate, topics: Topics = ()) -> Test:
    """A predicate as a test on an article's facts (holds exactly when the traced predicate holds for a norm on
    ``topics``)."""
    if isinstance(pred, M.Atom):
        compiler = COMPILERS.get(pred.name)
        try:
            return compiler(pred.args, topics) if compiler is not None else _as_traced(pred, topics)
        except (IndexError, ValueError, KeyError):
            return _as_traced(pred, topics)
    if isinstance(pred, M.Not):
        inner = compile_predicate(pred.operand, topics)
        return lambda f: not inner(f)
    tests = tuple(compile_predicate(o, topics) for o in pred.operands)
    if isinstance(pred, M.All):
        return lambda f: all([t(f) for t in tests])  # every operand tested, as the trace does
    return lambda f: any([t(f) for t in tests])


# ---------------------------------------------------------------- norms, compiled


class Requirement(Record):
    """A requirement compiled: its test, whether it is forbidden, essential, and its weight."""

    test: Test
    forbid: bool
    essential: bool
    weight: int


class CompiledNorm:
    """A norm of a norm set, compiled once for a whole report.

    Attributes:
        norm_set, norm: what was compiled.
        ref: ``set.norm``.
        requirements: each requirement compiled, in order.
        binds_weight: the weight of the implicit check that the article binds every party.
        parts: the parts of a treaty where rules on the norm's topics stand.
    """

    def __init__(self, norm_set: M.NormSet, norm: M.Norm) -> None:
        self.norm_set, self.norm = norm_set, norm
        self.ref = f"{norm_set.id}.{norm.id}"
        self.requirements = tuple(
            Requirement(compile_predicate(r.predicate, norm.topics), r.forbid, r.essential, r.weight or norm_set.weight or 1)
            for r in norm.requirements)
        self.binds_weight = norm_set.weight or 1
        self.weight = sum(r.weight for r in self.requirements)
        self.parts = F.topic_parts(norm.topics)

    @cached_property
    def texts(self) -> list[str]:
        """The requirements as written (what the trace shows)."""
        return [requirement_text(r) for r in self.norm.requirements]


# ---------------------------------------------------------------- an agreement, on a date


class AgreementView:
    """An agreement as the compiled pass sees it on one date from one party's position.

    Attributes:
        agreement: the (resolved) agreement.
        ctx: the date and party.
        force: whether the text binds anyone on the date.
        covered: the parts of the treaty the encoding covers.
    """

    def __init__(self, agreement: M.Agreement, ctx: F.Context) -> None:
        self.agreement, self.ctx = agreement, ctx
        self.force = F.force(agreement, ctx.as_of)
        self.covered = F.covered_parts(agreement)
        chapters: list[Optional[M.Chapter]] = [None] * len(agreement.articles)
        articles = list(agreement.articles)
        for ch in agreement.chapters:
            chapters += [ch] * len(ch.articles)
            articles += ch.articles
        masks: dict[str, int] = {}  # topic -> the positions of its articles, as bits (no object to collect)
        for i, art in enumerate(articles):
            for t in art.topics:
                masks[t] = masks.get(t, 0) | 1 << i
        self._chapters, self._articles, self._masks = chapters, articles, masks
        self._facts: list[Optional[Facts]] = [None] * len(articles)
        self._searched: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._not_encoded: dict[tuple[str, ...], bool] = {}
        self._entry: dict[str, Optional[dt.date]] = {}

    def facts(self, i: int) -> Facts:
        """The facts of the ``i``-th placed article (in the order of
        :meth:`engine.language.model.Agreement.all_articles`)."""
        found = self._facts[i]
        if found is None:
            found = self._facts[i] = Facts(F.Placed(self.agreement, self._chapters[i], self._articles[i]), self)
        return found

    def on(self, topics: tuple[str, ...]) -> list[Facts]:
        """The articles on any of ``topics``, in the agreement's order."""
        masks, mask = self._masks, 0
        for t in topics:
            mask |= masks.get(t, 0)
        out = []
        while mask:
            low = mask & -mask
            out.append(self.facts(low.bit_length() - 1))
            mask ^= low
        return out

    def not_encoded(self, parts: tuple[str, ...]) -> bool:
        """Whether a rule in ``parts`` stands outside what the encoding covers (no part: it is inside)."""
        found = self._not_encoded.get(parts)
        if found is None:
            found = self._not_encoded[parts] = F.not_encoded(parts, self.covered)
        return found

    def searched(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """The chapters searched for a rule in ``parts`` (see :func:`engine.evaluation.context.searched`)."""
        found = self._searched.get(parts)
        if found is None:
            found = self._searched[parts] = F.searched(self.agreement, parts)
        return found

    @cached_property
    def level(self) -> str:
        """The agreement-level verification (default ``unverified``)."""
        return self.agreement.verification or V.Verification.UNVERIFIED

    @cached_property
    def in_force(self) -> bool:
        """Whether the agreement is in force on the date (for the perspective party, if any)."""
        return F.in_force(self.agreement, self.ctx)

    @cached_property
    def bound_on_entry(self) -> bool:
        """Whether every party in view is bound as far as entry into force goes: always for a text not in force
        on the date (read as written); else when it is in force, on a known date, for each of them."""
        if self.force is not V.Force.IN_FORCE:
            return True
        a, as_of = self.agreement, self.ctx.as_of
        return all(F.entry_hold(a, party, as_of) is None for party in self.parties)

    @cached_property
    def parties(self) -> tuple[str, ...]:
        """The parties the evaluation speaks for (see :func:`engine.evaluation.context.parties_in_view`)."""
        return F.parties_of(self.agreement, self.ctx)

    @cached_property
    def in_view(self) -> frozenset[str]:
        """:attr:`parties`, as a set."""
        return frozenset(self.parties)

    def entry(self, party: str) -> Optional[dt.date]:
        """When the agreement entered into force for ``party`` (see :meth:`engine.language.model.Agreement.entry_into_force`)."""
        known = self._entry
        if party not in known:
            known[party] = self.agreement.entry_into_force(party)
        return known[party]


# ---------------------------------------------------------------- the verdict


class Verdict(Record):
    """A norm's verdict on an agreement with an article on its topics.

    Attributes:
        best: the decisive article's facts.
        candidates: every article on the norm's topics, in the agreement's order.
        grade, why, score: as the finding gives them.
    """

    best: Facts
    candidates: Sequence[Facts]
    grade: V.Grade
    why: Optional[V.UnmetBecause]
    score: int


class _Fared(Record):
    """How one candidate fared: its failures, essential ones, and their weight."""

    failed: int
    essential: int
    weight: int


def _fared(f: Facts, norm: CompiledNorm, binds: Optional[int]) -> _Fared:
    """Test every requirement (and, when ``binds`` is a weight, the implicit binds-every-party check)."""
    failed = essential = weight = 0
    for r in norm.requirements:
        if r.test(f) == r.forbid:  # held is test xor forbid
            failed += 1
            essential += r.essential
            weight += r.weight
    if binds is not None and not f.binds_all:
        failed += 1
        weight += binds
    return _Fared(failed, essential, weight)


def _graded(fared: _Fared, total: int) -> tuple[V.Grade, Optional[V.UnmetBecause], int]:
    """The grade and score a candidate's failures give (see :func:`engine.evaluation.evaluator.score`)."""
    if not fared.failed:
        return V.Grade.MET, None, 100
    if fared.essential:
        return V.Grade.UNMET, V.UnmetBecause.ESSENTIAL_REQUIREMENT, 0
    share = round(100 * (total - fared.weight) / total) if total else 100
    return V.Grade.PARTIAL, None, min(99, max(1, share))


def decide(view: AgreementView, norm: CompiledNorm) -> Optional[Verdict]:
    """The norm's verdict on the agreement (None: no article on its topics).

    The best candidate is the one with the fewest essential failures, then the least failed weight, then
    on-topic (its first topic is the norm's), then the strongest, then the lowest number.
    """
    candidates = view.on(norm.norm.topics)
    if not candidates:
        return None
    binds = norm.binds_weight if view.force is V.Force.IN_FORCE else None
    total = norm.weight + (binds or 0)
    if len(candidates) == 1:
        best, fared = candidates[0], _fared(candidates[0], norm, binds)
    else:
        topics = norm.norm.topics

        def key(pair: tuple[Facts, _Fared]) -> tuple[int, int, int, int, tuple[M.NumberKey, M.NumberKey]]:
            f, x = pair
            on_topic = 0 if f.placed.article.topics[0] in topics else 1
            return x.essential, x.weight, on_topic, -f.rank_on(topics), f.number_order
        best, fared = min(((f, _fared(f, norm, binds)) for f in candidates), key=key)
    grade, why, score = _graded(fared, total)
    return Verdict(best, candidates, grade, why, score)
