"""The predicates of the norm language, in one table: name, arguments, meaning, argument check, text.

``PREDICATES`` is the one place a predicate is declared.  Validation checks a written atom against its
:class:`PredicateSpec`; the evaluator registers one function per spec
(:mod:`engine.evaluation.predicates`, complete by construction: it fails at import otherwise); the
printer and the trace write predicates with :func:`predicate_text`.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional

from engine.language import model as M
from engine.language import vocab as V
from engine.util.records import Record, field


class ArgProblem(Record):
    """What is wrong with an atom's arguments: the shape (``word`` None) or one word outside a vocabulary."""

    what: str  # "arguments", or the vocabulary's name ("strength", "exception kind" ...)
    word: Optional[str] = None
    table: Mapping[str, str] = field(factory=dict)


class PredicateSpec(Record):
    """One predicate: its DSL name, argument pattern, meaning, and how its arguments are checked."""

    name: str
    args: tuple[str, ...]  # the pattern shown by `tradegap list predicates`
    meaning: str
    usage: str  # a correct example, offered as the hint when the arguments are wrong
    check: Callable[[tuple[str, ...]], Optional[ArgProblem]]

    def problems(self, args: tuple[str, ...]) -> Optional[ArgProblem]:
        """None when ``args`` fit the predicate; else the first thing wrong with them."""
        return self.check(args)


def _none(args: tuple[str, ...]) -> Optional[ArgProblem]:
    return ArgProblem("arguments") if args else None


def _one(what: str, table: Mapping[str, str]) -> Callable[[tuple[str, ...]], Optional[ArgProblem]]:
    def check(args: tuple[str, ...]) -> Optional[ArgProblem]:
        if len(args) != 1:
            return ArgProblem("arguments")
        return None if args[0] in table else ArgProblem(what, args[0], table)
    return check


def _strength(args: tuple[str, ...]) -> Optional[ArgProblem]:
    if len(args) != 2 or args[0] != "at-least":
        return ArgProblem("arguments")
    return None if args[1] in V.STRENGTHS else ArgProblem("strength", args[1], V.STRENGTHS)


_KINDS_OR_ANY = {**V.EXCEPTION_KINDS, V.ANY_EXCEPTION: "an exception of any kind"}


def _exception(args: tuple[str, ...]) -> Optional[ArgProblem]:
    if not args:
        return ArgProblem("arguments")
    if args[0] not in _KINDS_OR_ANY:
        return ArgProblem("exception kind", args[0], _KINDS_OR_ANY)
    for q in args[1:]:
        if q not in V.EXCEPTION_QUALIFIERS:
            return ArgProblem("exception qualifier", q, V.EXCEPTION_QUALIFIERS)
    return None


class Pred(V.Word):
    """The predicate names (their meanings are in :data:`PREDICATES`)."""

    STRENGTH = "strength"
    FORM = "form"
    ENFORCEABLE = "enforceable"
    EXCEPTION = "exception"
    COVERS = V.ScopeMode.COVERS.value
    EXCLUDES = V.ScopeMode.EXCLUDES.value
    SOFTWARE = "software"
    CONTINGENT = "contingent"
    BINDS_ALL_PARTIES = "binds-all-parties"
    IN_FORCE = "in-force"


PREDICATES: Mapping[str, PredicateSpec] = {s.name: s for s in (
    PredicateSpec(Pred.STRENGTH, ("at-least", "STRENGTH"), "the commitment is at least this strong",
                  "strength at-least binding", _strength),
    PredicateSpec(Pred.FORM, ("FORM",), "the commitment has this form", "form prohibition", _one("form", V.FORMS)),
    PredicateSpec(Pred.ENFORCEABLE, (), "dispute settlement applies to the article, for every party, on the date",
                  "enforceable", _none),
    PredicateSpec(Pred.EXCEPTION, ("KIND-OR-ANY", "QUALIFIER..."),
                  "an exception of this kind with these qualifiers applies",
                  "exception public-policy self-judging (or `exception any self-judging`)", _exception),
    PredicateSpec(Pred.COVERS, ("SCOPE",), "the article expressly covers this", "covers financial-services",
                  _one("scope item", V.SCOPE_ITEMS)),
    PredicateSpec(Pred.EXCLUDES, ("SCOPE",), "the article excludes this from its scope",
                  "excludes financial-services", _one("scope item", V.SCOPE_ITEMS)),
    PredicateSpec(Pred.SOFTWARE, ("SOFTWARE",), "the software the article covers", "software mass-market-only",
                  _one("software coverage", V.SOFTWARE_COVERAGE)),
    PredicateSpec(Pred.CONTINGENT, (), "the commitment depends on something outside the agreement", "contingent",
                  _none),
    PredicateSpec(Pred.BINDS_ALL_PARTIES, (), "no transition, reservation or later entry into force on the date",
                  "binds-all-parties", _none),
    PredicateSpec(Pred.IN_FORCE, (), "the agreement is in force on the date", "in-force", _none),
)}


def predicate_text(p: M.Predicate, parent: str = "") -> str:
    """A predicate as written: ``strength at-least binding and not contingent``."""
    if isinstance(p, M.Atom):
        return " ".join((p.name, *p.args))
    if isinstance(p, M.Not):
        inner = p.operand
        text = predicate_text(inner)
        return "not " + (f"({text})" if isinstance(inner, (M.All, M.Any_)) else text)
    if isinstance(p, M.All):
        text = " and ".join(predicate_text(o, "and") for o in p.operands)
        return f"({text})" if parent == "and" else text
    text = " or ".join(predicate_text(o, "or") for o in p.operands)
    return f"({text})" if parent in ("and", "or") else text


def requirement_text(r: M.Requirement) -> str:
    """A requirement as written, without its ``because``: ``essential require enforceable``."""
    head = ("essential " if r.essential else "") + ("forbid " if r.forbid else "require ")
    return head + predicate_text(r.predicate)

