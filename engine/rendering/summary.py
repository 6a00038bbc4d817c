"""Executive summaries: one paragraph per agreement, in the words a brief uses.

The model is the README's closing paragraph on RCEP: which norms an agreement meets, which fall short and
the decisive reasons in plain words (a self-judging public-policy exception, no dispute settlement, a
transition period for Cambodia ...), which it has no article on, and which the encoding cannot tell
(not encoded: said as such, never as a gap).  A text that binds no one on the date, and an encoding that
is not checked against the treaty, are said too.  Nothing here is escaped: each format escapes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import attrs

from engine.evaluation.findings import AgreementInfo, Reason, Report
from engine.language import names
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.predicates import Pred
from engine.rendering import common as C

if TYPE_CHECKING:
    from engine.views.compare import Comparison

NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
PLAIN_QUALIFIERS = (V.Qualifier.SELF_JUDGING, V.Qualifier.NON_DISPUTABLE)  # what a brief names of an exception


@attrs.frozen
class Verdict:
    """One norm's outcome for one agreement, whatever result it comes from (a finding, a comparison cell)."""

    norm: str  # its name in a sentence: the norm's id in words (``data flows`` for ``tpp3.data-flows``)
    grade: Optional[str]
    article: Optional[str]  # the decisive article, cited: ``Art. 12.15``, ``Ch. 14, Art. 3``
    reasons: tuple[Reason, ...] = ()


def _count(n: int) -> str:
    return NUMBERS[n] if n < len(NUMBERS) else str(n)


def _series(items: Sequence[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} {items[-1]}"


def _lower(norm: str) -> str:
    """A norm inside a sentence: ``tpp3.data-flows`` -> ``data flows``, as a brief says it."""
    return norm.split(".", 1)[-1].replace("-", " ")


def _held(detail: str) -> str:
    """``KH: transition period until 2027-01-01; LA: ...`` -> ``a transition period until 2027-01-01 for
    Cambodia and Laos``, one clause per kind of hold."""
    groups: dict[str, list[str]] = {}
    for part in detail.split("; "):
        code, sep, what = part.partition(": ")
        if sep:
            groups.setdefault(what, []).append(P.name(code))
    return ", ".join(_clause(what, who) for what, who in groups.items()) or detail


def _clause(what: str, who: list[str]) -> str:
    """``a transition period ... for Cambodia and Laos``; a hold that reads as a sentence (``its entry into
    force is not known``) is turned round: ``for Myanmar, its entry into force is not known``."""
    if what.startswith(("its ", "the ")):
        return f"for {_series(who)}, {what}"
    article = "an" if what[:1] in "aeiou" else "a"
    return f"{article} {what} for {_series(who)}"


def plain_reason(r: Reason) -> str:
    """A failed requirement in a brief's words: ``no dispute settlement``, ``a self-judging public-policy
    exception``, ``a transition period until 2027-01-01 for Cambodia``; else what was found."""
    words = r.requirement.split()
    body = words[1:] if words[:1] == ["essential"] else words
    forbid, atom = body[:1] == ["forbid"], body[1:]
    if atom == [Pred.ENFORCEABLE] and not forbid:
        return "no dispute settlement"
    if forbid and atom[:1] == [Pred.EXCEPTION] and len(atom) > 1:
        quals = [q for q in atom[2:] if q in PLAIN_QUALIFIERS]
        phrase = " ".join([*quals, atom[1]])
        return ("an " if phrase[:1] in "aeiou" else "a ") + phrase + " exception"
    if r.parties and r.detail:
        return _held(r.detail)
    return r.detail or r.because


def _reasons(verdicts: Iterable[Verdict]) -> list[str]:
    return list(dict.fromkeys(plain_reason(r) for v in verdicts for r in v.reasons))


def _short_of(name: str, partial: Sequence[Verdict]) -> list[str]:
    """``Its rules on a and b fall short (reasons)``: norms that share their reasons said together."""
    groups: dict[tuple[str, ...], list[Verdict]] = {}
    for v in partial:
        groups.setdefault(tuple(_reasons([v])), []).append(v)
    out = []
    for reasons, vs in groups.items():
        where = _series([f"{_lower(v.norm)} ({v.article})" if v.article else _lower(v.norm) for v in vs])
        why = f": {', '.join(reasons)}" if reasons else ""
        out.append(f"On {where}, {name} falls short{why}.")
    return out


def _by(verdicts: Sequence[Verdict], *grades: str) -> list[Verdict]:
    return [v for v in verdicts if v.grade in grades]


def _met(name: str, verdicts: Sequence[Verdict]) -> str:
    graded = [v for v in verdicts if v.grade not in C.UNGRADED_BY_STRENGTH]
    met = _by(verdicts, V.Grade.MET)
    if graded and len(met) == len(graded):
        return f"{name} meets {'all ' if len(met) > 2 else 'both ' if len(met) == 2 else ''}" \
               f"{_count(len(met))} norm{'s' if len(met) != 1 else ''}."
    if not graded:
        return f"{name}: no norm could be graded."
    if not met:
        return f"{name} meets none of the {_count(len(graded))} norms."
    return f"{name} meets {_count(len(met))} of the {_count(len(graded))} norms " \
           f"({_series([_lower(v.norm) for v in met])})."


def _unmet(name: str, verdicts: Sequence[Verdict]) -> list[str]:
    absent = [v for v in _by(verdicts, V.Grade.UNMET) if not v.article]
    failed = [v for v in _by(verdicts, V.Grade.UNMET) if v.article]
    out = [f"{name} has no article on {_series([_lower(v.norm) for v in absent], 'or')} at all."] if absent else []
    out += [f"Its article on {_lower(v.norm)} ({v.article}) fails an essential requirement: "
            f"{', '.join(_reasons([v]))}." for v in failed]
    unknown = _by(verdicts, V.Grade.NOT_ENCODED)
    if unknown:
        out.append(f"On {_series([_lower(v.norm) for v in unknown])} the engine cannot tell: the encoding does not "
                   "cover the part of the treaty where such a rule would stand (not encoded, not a gap).")
    na = _by(verdicts, V.Grade.NOT_APPLICABLE)
    out += [f"The party in view is not a party to it ({_count(len(na))} norm{'s' if len(na) != 1 else ''} n/a)."] \
        if na else []
    return out


def paragraph(info: AgreementInfo, verdicts: Sequence[Verdict], force: str = "") -> str:
    """The executive summary of one agreement: met, falling short (and why), absent, not encoded, force and
    the encoding's verification."""
    name = names.short(info.id)
    if not verdicts:
        return f"{name}: nothing was graded."
    parts = [_met(name, verdicts)] + _short_of(name, _by(verdicts, V.Grade.PARTIAL)) + _unmet(name, verdicts)
    if force:
        parts.append(f"On the date: {force}.")
    if info.verification and info.verification != V.Verification.TEXT:
        parts.append(f"Its encoding is checked to the level '{info.verification}': "
                     f"{C.verification_meaning(info.verification) or 'not a level tradegap knows'}.")
    return " ".join(p for p in parts if p)


def report_summaries(r: Report) -> list[tuple[AgreementInfo, str]]:
    """Each agreement of a report with its paragraph."""
    out = []
    for info in r.agreements:
        verdicts = [Verdict(f.norm, f.grade, C.cited(f.article, f.chapter) or None, f.reasons)
                    for f in r.findings if f.agreement == info.id]
        out.append((info, paragraph(info, verdicts, C.info_force(info, r.as_of))))
    return out


def comparison_summaries(c: Comparison) -> list[tuple[AgreementInfo, str]]:
    """Each agreement of a comparison with its paragraph (norm rows only: a topic row has no grade)."""
    out = []
    for info in c.agreements:
        verdicts = []
        for row in c.rows:
            cell = c.cell(row.key, info.id)
            if row.kind is V.RowKind.NORM:
                decided = cell.articles and cell.unmet_because != V.UnmetBecause.NO_ARTICLE
                article = cell.articles[0].citation if decided else None
                verdicts.append(Verdict(row.key, cell.grade, article, cell.reasons))
        out.append((info, paragraph(info, verdicts, C.info_force(info, c.as_of)) if verdicts else ""))
    return out
