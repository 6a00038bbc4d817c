"""The pair view: what binds two countries to each other on a date.

An agreement binds both when both are parties, it is in force (status
``in-force``, or none given) and it has entered into force for each of them
by the date (an entry into force that is not known does not count).  Each binding agreement is evaluated between the two alone: the
other parties' transitions, reservations and shields do not count, the two
countries' own do.  For each norm the strongest commitment between them is
the best finding across those agreements (best grade, then highest score,
then fewest failed requirements, then strongest article, then agreement id),
with the agreement and article it comes from.  A ``not-encoded`` finding
ranks below partial and above unmet: it is never taken for an absence, nor
is it a gap a draft closes.

Drafts added with ``drafts`` are evaluated the same way, as if in force,
and each norm says what they would change: a gap closed, or narrowed.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

import attrs

from engine._version import __version__
from engine.errors import UnknownId, UsageError
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate_norm
from engine.evaluation.findings import AgreementInfo, Finding, NormSetInfo
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V

PAIR_SCHEMA = ("tradegap.pair", "2.1")


@attrs.frozen
class Binding:
    """An agreement that binds both countries on the date, with each one's entry into force."""

    agreement: AgreementInfo
    in_force_x: Optional[dt.date]
    in_force_y: Optional[dt.date]


@attrs.frozen
class NotBinding:
    """An agreement both countries are party to that does not bind them on the date, and why."""

    agreement: AgreementInfo
    why: str


@attrs.frozen
class PairRow:
    """One norm between the two: every agreement's finding, the strongest, and the drafts' effect."""

    norm: str
    norm_title: Optional[str]
    findings: tuple[Finding, ...]  # one per binding agreement, in the order of Pair.agreements
    strongest: Optional[Finding]  # None when no agreement binds both
    draft_findings: tuple[Finding, ...] = ()  # one per draft, in the order of Pair.drafts
    with_drafts: Optional[Finding] = None  # the strongest once the drafts are in force
    effect: Optional[V.Effect] = None  # closes | narrows | None (drafts change nothing here)


@attrs.frozen
class Pair:
    """Two countries, a date, the agreements that bind them and the strongest commitment per norm."""

    engine_version: str
    as_of: dt.date
    x: str
    y: str
    agreements: tuple[Binding, ...]
    not_binding: tuple[NotBinding, ...]
    drafts: tuple[AgreementInfo, ...]
    norm_sets: tuple[NormSetInfo, ...]
    rows: tuple[PairRow, ...]
    closes: int = 0
    narrows: int = 0

    def row(self, norm: str) -> PairRow:
        """The row for a ``set.norm`` reference.

        Raises:
            UnknownId: no row has that reference.
        """
        for r in self.rows:
            if r.norm == norm:
                return r
        raise UnknownId(f"no row for {norm}")


def between(agreement: M.Agreement, x: str, y: str) -> M.Agreement:
    """The agreement as it stands between ``x`` and ``y`` alone (the other parties left out)."""
    return attrs.evolve(agreement, parties=tuple(p for p in agreement.parties if p in (x, y)))


def binds_both(agreement: M.Agreement, x: str, y: str, as_of: dt.date) -> Optional[str]:
    """None if the agreement binds both on the date, else why not."""
    missing = [p for p in (x, y) if p not in agreement.parties]
    if missing:
        return f"{' and '.join(missing)} not a party"
    if not F.in_force_status(agreement):
        return f"status {agreement.status}"
    for p in (x, y):
        eif = agreement.entry_into_force(p)
        if eif is None:
            return (f"entry into force for {p} not known" if agreement.entry_unknown(p)
                    else f"no entry into force given for {p}")
        if as_of < eif:
            return f"not in force for {p} until {eif.isoformat()}"
    return None


# Grades best first.  Not-encoded (nothing known) ranks above unmet: the strongest finding is never an
# absence claimed by one agreement while another's encoding cannot tell.
_BEST_FIRST = (V.Grade.MET, V.Grade.PARTIAL, V.Grade.NOT_ENCODED, V.Grade.UNMET, V.Grade.NOT_APPLICABLE)


def best_first(grade: V.Grade) -> int:
    """A sort key for grades, best first: met, partial, not-encoded, unmet, then not-applicable."""
    return _BEST_FIRST.index(grade)


def _strength(f: Finding) -> int:
    return f.candidates[0].strength.rank if f.candidates else 0


def strongest(findings: Iterable[Finding]) -> Optional[Finding]:
    """The best finding: best grade, highest score, fewest failed requirements, strongest article, then
    agreement id."""
    return min(findings, key=lambda f: (best_first(f.grade), -(f.score or 0), len(f.reasons), -_strength(f),
                                        f.agreement), default=None)


def _effect(before: Optional[Finding], after: Optional[Finding]) -> Optional[V.Effect]:
    """What adding the drafts does to the strongest finding: closes a gap, narrows it, or nothing (a
    not-encoded finding is no gap: nothing is known of it)."""
    if after is None or after is before or (before is not None and before.grade is V.Grade.NOT_ENCODED):
        return None
    if before is None:
        return {V.Grade.MET: V.Effect.CLOSES, V.Grade.PARTIAL: V.Effect.NARROWS}.get(after.grade)
    if before.grade != V.Grade.MET and after.grade == V.Grade.MET:
        return V.Effect.CLOSES
    if best_first(after.grade) < best_first(before.grade) or (
            after.grade == before.grade and (after.score or 0, -len(after.reasons)) > (before.score or 0,
                                                                                        -len(before.reasons))):
        return V.Effect.NARROWS
    return None


def _codes(x: str, y: str) -> tuple[str, str]:
    """The two countries' alpha-2 codes (from alpha-2 or alpha-3, any case)."""
    codes = []
    for code in (x, y):
        c = P.canonical(code.upper())
        if c is None:
            raise UsageError(f"`{code}` is not an ISO 3166-1 country code", "e.g. KR, JP, KOR, JPN")
        codes.append(c)
    if codes[0] == codes[1]:
        raise UsageError("a pair needs two different countries")
    return codes[0], codes[1]


def _check_drafts(drafts: Sequence[M.Agreement], x: str, y: str) -> None:
    for d in drafts:
        missing = [c for c in (x, y) if c not in d.parties]
        if missing:
            raise UsageError(f"draft `{d.id}` does not name {' or '.join(missing)} as a party",
                             "a draft added with --with must be between the two countries")


def _sorted_out(agreements: Iterable[M.Agreement], x: str, y: str, as_of: dt.date,
                skip: set[str]) -> tuple[list[M.Agreement], list[NotBinding]]:
    """The agreements that bind both on the date, and those both are party to that do not (with why)."""
    binding: list[M.Agreement] = []
    not_binding: list[NotBinding] = []
    for a in sorted(agreements, key=lambda a: a.id):
        if a.id in skip:
            continue
        why = binds_both(a, x, y, as_of)
        if why is None:
            binding.append(a)
        elif x in a.parties and y in a.parties:
            not_binding.append(NotBinding(AgreementInfo.of(a, as_of), why))
    return binding, not_binding


Indexed = Sequence[tuple[M.Agreement, F.TopicIndex]]


def _indexed(agreements: Iterable[M.Agreement], x: str, y: str) -> Indexed:
    """Each agreement between ``x`` and ``y`` alone, with its topic index."""
    return [(v, F.TopicIndex.of(v)) for v in (between(a, x, y) for a in agreements)]


def _row(ns: M.NormSet, n: M.Norm, views: Indexed, draft_views: Indexed, ctx: F.Context) -> PairRow:
    """One norm: every binding agreement's finding, the strongest, and what the drafts would change."""
    found = tuple(evaluate_norm(a, ns, n, ctx, index) for a, index in views)
    best = strongest(found)
    row = PairRow(f"{ns.id}.{n.id}", n.title, found, best)
    if not draft_views:
        return row
    dfound = tuple(evaluate_norm(d, ns, n, ctx, index) for d, index in draft_views)
    after = strongest(found + dfound)
    return attrs.evolve(row, draft_findings=dfound, with_drafts=after, effect=_effect(best, after))


def pair(agreements: Iterable[M.Agreement], x: str, y: str, norm_sets: Sequence[M.NormSet],
         as_of: Optional[dt.date] = None, drafts: Sequence[M.Agreement] = ()) -> Pair:
    """The pair view of ``x`` and ``y`` over resolved ``agreements`` (drafts: what they would change).

    Party codes may be alpha-2 or alpha-3, in any case.

    Raises:
        UsageError: a code is not a country's, both codes name the same country, or a draft does not
            name both countries as parties.
    """
    x, y = _codes(x, y)
    _check_drafts(drafts, x, y)
    ctx = F.Context(F.on_date(as_of))
    binding, not_binding = _sorted_out(agreements, x, y, ctx.as_of, {d.id for d in drafts})
    views, draft_views = _indexed(binding, x, y), _indexed(drafts, x, y)
    rows = tuple(_row(ns, n, views, draft_views, ctx) for ns in norm_sets for n in ns.norms)
    return Pair(
        __version__, ctx.as_of, x, y,
        tuple(Binding(AgreementInfo.of(a, ctx.as_of), a.entry_into_force(x), a.entry_into_force(y)) for a in binding),
        tuple(not_binding), tuple(AgreementInfo.of(d, ctx.as_of) for d in drafts),
        tuple(NormSetInfo.of(ns) for ns in norm_sets), rows,
        sum(1 for r in rows if r.effect == V.Effect.CLOSES), sum(1 for r in rows if r.effect == V.Effect.NARROWS),
    )
