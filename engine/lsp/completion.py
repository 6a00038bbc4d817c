"""Completion: the words that may come next at the cursor, by the statement it is in.

Keywords by block; after a keyword, the words it takes: topics after ``topic``, qualifiers after an
exception's kind, party codes after ``parties``, agreement ids after ``based-on``, the base's article
numbers after ``amend article`` and ``omit article``, predicates and their words in a requirement.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Optional

import attrs
from lsprotocol import types as T

from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.predicates import PREDICATES, Pred
from engine.lsp.language import KEYWORD_MEANINGS, STARTERS
from engine.lsp.words import Context, context, written_base
from engine.lsp.workspace import Analysis

Kind = T.CompletionItemKind


@attrs.frozen
class Offer:
    """Words offered, with what each means and what kind of word it is."""

    words: Mapping[str, str]
    kind: T.CompletionItemKind = Kind.EnumMember


def _keywords(*names: str) -> Offer:
    return Offer({n: KEYWORD_MEANINGS.get(n, "") for n in names}, Kind.Keyword)


_COVERAGE = {**V.PARTS, V.COMPLETE: "every part of the treaty is encoded"}
_KINDS_OR_ANY = {**V.EXCEPTION_KINDS, V.ANY_EXCEPTION: "an exception of any kind"}
_ONE_WORD: Mapping[str, Mapping[str, str]] = {
    "kind": V.AGREEMENT_KINDS, "status": V.STATUSES, "verification": V.VERIFICATION_LEVELS, "part": V.PARTS,
    "software": V.SOFTWARE_COVERAGE, **{m.value: V.SCOPE_ITEMS for m in V.ScopeMode},
    **{s.value: V.FORMS for s in (V.Strength.BINDING, V.Strength.BEST_ENDEAVOUR, V.Strength.HORTATORY)},
}
"""Statements that take one word of a vocabulary (then quotes)."""
_MANY_WORDS: Mapping[str, Mapping[str, str]] = {"topic": V.TOPICS, "coverage": _COVERAGE}
_REMOVE_WHICH: Mapping[str, Mapping[str, str]] = {
    V.Removable.EXCEPTION: V.EXCEPTION_KINDS, V.Removable.SCOPE: V.SCOPE_ITEMS, V.Removable.TOPIC: V.TOPICS,
    V.Removable.COMMITMENT: V.TOPICS}
_PREDICATE_WORDS: Mapping[str, Mapping[str, str]] = {
    Pred.FORM: V.FORMS, Pred.COVERS: V.SCOPE_ITEMS, Pred.EXCLUDES: V.SCOPE_ITEMS, Pred.SOFTWARE: V.SOFTWARE_COVERAGE,
    Pred.EXCEPTION: _KINDS_OR_ANY, Pred.STRENGTH: {"at-least": "at least this strong"}}
_PERIOD = ("years", "until", "paragraph")


def _parties() -> Offer:
    return Offer({code: P.name(code) for code in P.known_codes()}, Kind.Constant)


def _agreements(a: Analysis) -> Offer:
    return Offer({ident: ag.title or "" for ident, ag in sorted(a.corpus.agreements.items())}, Kind.Module)


def _base(a: Analysis, line: int) -> tuple[Optional[M.Agreement], tuple[str, ...]]:
    """The base of the draft at a 1-based line (resolved) and the chapters it takes of it (none: all).

    Read from the words when the text does not parse (it seldom does while the drafter types).
    """
    draft = a.agreement_at(line) if a.document is not None else None
    if draft is not None:
        base_id, taken = draft.based_on, tuple(ch.number for ch in draft.base_chapters)
    else:
        base_id, taken = written_base(a.lines, line - 1)
    return (a.corpus.agreements.get(base_id) if base_id else None), taken


def _base_articles(a: Analysis, line: int) -> Offer:
    base, taken = _base(a, line)
    found = base.all_articles() if base is not None else ()
    return Offer({x.number: x.title or "" for ch, x in found if not taken or (ch is not None and ch.number in taken)},
                 Kind.Value)


def _base_chapters(a: Analysis, line: int) -> Offer:
    base, _ = _base(a, line)
    return Offer({ch.number: ch.title or "" for ch in (base.chapters if base is not None else ())}, Kind.Value)


def _predicate(args: tuple[str, ...]) -> list[Offer]:
    """What may come next in a requirement's condition."""
    last = args[-1] if args else ""
    if last in ("", "require", "forbid", "essential", "and", "or", "not", "("):
        return [Offer({n: p.meaning for n, p in PREDICATES.items()}, Kind.Function), _keywords("not")]
    if last == "at-least":
        return [Offer(V.STRENGTHS)]
    if last in _PREDICATE_WORDS:
        return [Offer(_PREDICATE_WORDS[last])]
    if Pred.EXCEPTION in args[-3:] and last != ")":
        return [Offer(V.EXCEPTION_QUALIFIERS), _keywords("and", "or", "because", "weight")]
    return [_keywords("and", "or", "because", "weight")]


def _expectation(a: Analysis, args: tuple[str, ...]) -> list[Offer]:
    if not args:
        return [_agreements(a)]
    if len(args) == 1:
        refs = {ns.id: ns.title or "" for ns in a.corpus.norm_sets.values()}
        refs.update({f"{ns.id}.{n.id}": n.title or "" for ns in a.corpus.norm_sets.values() for n in ns.norms})
        return [Offer(refs, Kind.Reference)]
    if len(args) == 2:
        return [Offer(V.GRADES)]
    return [_parties()] if args[-1] == "party" else [_keywords("as-of", "party", "score")]


Rule = Callable[[Analysis, Context, int], list[Offer]]


def _vocabulary(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    if ctx.keyword in _MANY_WORDS:
        return [Offer(_MANY_WORDS[ctx.keyword])]
    return [Offer(_ONE_WORD[ctx.keyword])] if not ctx.args else []


def _commitment(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    """``binding [FORM] [for TOPIC... [paragraph "N"]]``: a form or ``for``, then the topics."""
    if "for" in ctx.args:
        return [Offer(V.TOPICS), _keywords("paragraph")]
    return ([Offer(V.FORMS)] if not ctx.args else []) + [_keywords("for")]


def _exception(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    return [Offer(V.EXCEPTION_KINDS if not ctx.args else V.EXCEPTION_QUALIFIERS)]


def _dispute(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    if not ctx.args:
        return [Offer(V.DISPUTE_SETTLEMENT_MODES)]
    return [_parties(), _keywords("years", "until")] if ctx.args[0] == V.DsMode.SHIELDED else []


def _codes(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    more = _keywords(*_PERIOD) if ctx.keyword in ("transition", "reservation") else _keywords("unknown")
    return [_parties(), more] if ctx.keyword != "parties" else [_parties()]


def _remove(_a: Analysis, ctx: Context, _line: int) -> list[Offer]:
    if not ctx.args:
        return [Offer(V.REMOVABLE)]
    table = _REMOVE_WHICH.get(ctx.args[0])
    return [Offer(table)] if table is not None and len(ctx.args) == 1 else []


def _based_on(a: Analysis, ctx: Context, line: int) -> list[Offer]:
    if not ctx.args:
        return [_agreements(a)]
    return [_keywords("chapter")]


def _chapter(a: Analysis, ctx: Context, line: int) -> list[Offer]:
    return [_base_chapters(a, line)] if not ctx.args else []


def _amend_or_omit(a: Analysis, ctx: Context, line: int) -> list[Offer]:
    if not ctx.args:
        return [_keywords("article") if ctx.keyword == "amend" else _keywords("article", "chapter")]
    if len(ctx.args) == 1:
        return [_base_articles(a, line) if ctx.args[0] == "article" else _base_chapters(a, line)]
    return []


_RULES: Mapping[str, Rule] = {
    **{k: _vocabulary for k in (*_ONE_WORD, *_MANY_WORDS)},
    **{s.value: _commitment for s in (V.Strength.BINDING, V.Strength.BEST_ENDEAVOUR, V.Strength.HORTATORY)},
    "exception": _exception, "dispute-settlement": _dispute, "remove": _remove,
    **{k: _codes for k in ("parties", "in-force", "transition", "reservation")},
    "based-on": _based_on, "chapter": _chapter, "amend": _amend_or_omit, "omit": _amend_or_omit,
    **{k: (lambda _a, ctx, _l: _predicate(ctx.statement_words)) for k in ("require", "forbid", "essential")},
    "expect": lambda a, ctx, _l: _expectation(a, ctx.args),
}
"""What each statement takes after its keyword."""


def _offers(a: Analysis, ctx: Context, line: int) -> list[Offer]:
    rule = _RULES.get(ctx.keyword)
    found = rule(a, ctx, line) if rule is not None else []
    if ctx.block == "" and ctx.keyword == "expect" and len(ctx.args) < 3:
        return found
    if not ctx.statement or ctx.args or rule is None:
        found.append(_keywords(*STARTERS.get(ctx.block, ())))
    return found


def _items(offers: Iterable[Offer], typed: str) -> list[T.CompletionItem]:
    seen: dict[str, T.CompletionItem] = {}
    for offer in offers:
        for word, meaning in offer.words.items():
            if word.lower().startswith(typed.lower()) and word not in seen:
                seen[word] = T.CompletionItem(label=word, kind=offer.kind, detail=meaning or None)
    return list(seen.values())


def complete(a: Analysis, line: int, column: int) -> list[T.CompletionItem]:
    """The completions at a 0-based line and character column."""
    ctx = context(a.lines, line, column)
    return _items(_offers(a, ctx, line + 1), ctx.typed)
