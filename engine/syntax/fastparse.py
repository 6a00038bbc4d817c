"""The parse's fast path: one scan of the text feeding lark's own LALR table and callbacks.

lark's contextual lexer matches token by token against an expression per parser state and counts
lines as it goes: about 40 % of a parse.  Here one expression, built from lark's own terminal
definitions in lark's own order, scans the text once, and the parser state makes the two choices
lark's contextual lexer makes: a keyword the state cannot take where it takes a ``NAME`` is a
``NAME``; a ``NUMBER`` where only an ``INT`` fits is an ``INT`` (when it is all ``INT``).  The loop
over the table is lark's (``ParserState.feed_token``), calling lark's callbacks, so the same
:class:`~engine.syntax.lower.Lower` builds the model.

Anything else, and the fast path gives up (:class:`Refused`): a character no terminal starts with,
a token the state does not take, a state that cannot end where the text does.  The caller then
parses with lark, whose error recovery and messages stay as they are.  The grammar file stays the
one definition of the language: nothing here names a terminal the grammar does not define, and
``tests/syntax/test_fastparse.py`` checks that both paths give the same documents, spans, comments
and diagnostics on the corpus and on generated and fuzzed inputs.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple, Optional

from engine.language import model as M

if TYPE_CHECKING:
    from lark import Lark

_NAME, _NUMBER, _INT = "NAME", "NUMBER", "INT"  # the terminals the contextual lexer decides between
_COMMENT = "COMMENT"  # the formatter keeps comments: collected here, as scan_comments finds them
_UNKNOWN = "_UNKNOWN"  # one character no terminal starts with (not a terminal of the grammar)
_CHUNK = 3 * 1024  # the comments' table is gathered in tuples of this many values (see parse)


class Refused(Exception):
    """The fast path cannot take this text the way lark would: parse it with lark."""


class Action(NamedTuple):
    """One entry of the parse table: shift to ``target``; or reduce ``size`` values to ``origin``, keeping
    the children ``keep`` says (each index, and whether to splice its children in: lark's child filter;
    None: all) and building the value with ``build``."""

    shift: bool
    target: int = 0
    size: int = 0
    keep: Optional[tuple[tuple[int, bool], ...]] = None
    build: Callable[[list[Any]], Any] = list
    origin: str = ""


class _Inline:
    """What a rule lark inlines (``_rule``, a repetition) reduces to: children its parent splices in (lark
    builds a ``Tree`` for it and its parent's child filter takes the tree's children)."""

    __slots__ = ("children",)

    def __init__(self, children: list[Any]) -> None:
        self.children = children


class Tables:
    """What the fast path reads of a lark LALR parser, worked out once.

    Attributes:
        scan: one expression of every terminal, in lark's order, and one for any other character.
        keywords: each keyword's spelling -> its terminal (the strings lark folds into ``NAME``).
        ignore: the terminals the parser skips (white space, comments).
        rows: the parse table (state -> terminal or rule -> :class:`Action`), keyed by plain strings.
        start, end: the start and end states.
        whole_int: whether a ``NUMBER`` is all ``INT``.
    """

    def __init__(self, parser: Lark) -> None:
        from lark.lexer import PatternStr

        terminals = sorted(parser.terminals, key=lambda t: (-t.priority, -t.pattern.max_width,
                                                             -len(t.pattern.value), t.name))
        name = next(t for t in terminals if t.name == _NAME)
        folded = {t.name for t in terminals if isinstance(t.pattern, PatternStr) and t.priority == name.priority
                  and re.fullmatch(name.pattern.to_regexp(), t.pattern.value)}
        self.keywords = {t.pattern.value: t.name for t in terminals if t.name in folded}
        self.scan = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals
                                        if t.name not in folded) + f"|(?P<{_UNKNOWN}>(?s:.))")
        self.ignore = frozenset(parser.ignore_tokens)
        table = parser.parser.parser.parser
        if any(isinstance(k, str) for k in table.callbacks):  # a callback on a terminal: lark's loop calls it
            raise Refused("terminal callbacks")
        self.rows = _rows(table.parse_table.states, table.callbacks, _plain_default(parser))
        self.start, self.end = table.parse_table.start_states["start"], table.parse_table.end_states["start"]
        whole = re.compile(next(t for t in terminals if t.name == _INT).pattern.to_regexp())
        self.whole_int: Callable[[str], Optional[re.Match[str]]] = whole.fullmatch


def _plain_default(parser: Lark) -> bool:
    """Whether the parser's transformer builds lark's plain ``Tree`` for a rule it has no method for."""
    from lark import Transformer

    transformer = parser.options.transformer
    return transformer is not None and type(transformer).__default__ is Transformer.__default__


def _plan(callback: Any, origin: str, plain_default: bool) -> tuple[Optional[tuple[tuple[int, bool], ...]], Any]:
    """What lark's callback for a rule does, as (the children kept, what builds the value)."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders

    keep = None
    if type(callback) is ChildFilterLALR_NoPlaceholders:
        keep, callback = tuple(callback.to_include), callback.node_builder
    inlined = origin.startswith("_") and getattr(getattr(callback, "func", None), "__name__", "") == "default_callback"
    return keep, (_Inline if inlined and plain_default else callback)


def _rows(states: Mapping[int, Mapping[Any, tuple[Any, Any]]], callbacks: Mapping[Any, Callable[[list[Any]], Any]],
          plain_default: bool) -> dict[int, dict[str, Action]]:
    """lark's table with each rule's size, plan and origin worked out once (lark looks them up on each
    reduction, comparing its own token and rule objects in Python)."""
    from lark.parsers.lalr_analysis import Shift

    made: dict[tuple[bool, Any], Action] = {}  # one action per target or rule, shared by the states (5,000 -> 600)

    def action(kind: Any, arg: Any) -> Action:
        key = (kind is Shift, arg)
        if key not in made:
            if kind is Shift:
                made[key] = Action(True, arg)
            else:
                origin = str(arg.origin.name)
                made[key] = Action(False, 0, len(arg.expansion), *_plan(callbacks[arg], origin, plain_default), origin)
        return made[key]
    return {state: {str(k): action(*v) for k, v in row.items()} for state, row in states.items()}


@functools.lru_cache(maxsize=4)
def tables(parser: Lark) -> Tables:
    """The tables of ``parser`` (built once per parser)."""
    return Tables(parser)


def parse(parser: Lark, text: str) -> tuple[Any, M.CommentTable]:
    """What ``parser.parse(text)`` returns (the transformer's result), and the text's comments as a table (see
    :func:`engine.syntax.comments.scan_comment_table`); or :class:`Refused`."""
    from lark import Token

    t = tables(parser)
    rows, keywords, ignore, whole_int, new = t.rows, t.keywords, t.ignore, t.whole_int, str.__new__
    stack: list[int] = [t.start]
    values: list[Any] = []
    comments: list[int | str] = []  # line, column, text, line, ...: the latest comments
    # the earlier ones, in tuples: a tuple of numbers and strings the collector stops tracking, where one list
    # of every comment is scanned, item by item, by each full collection during a large parse (P5)
    chunks: list[tuple[int | str, ...]] = []
    line, line_start = 1, 0
    token: Optional[Token] = None
    for m in t.scan.finditer(text):
        kind, value = m.lastgroup or _UNKNOWN, m.group()
        if kind in ignore:
            if kind == _COMMENT:
                comments += (line, m.start() - line_start + 1, value.rstrip())
                if len(comments) >= _CHUNK:
                    chunks.append(tuple(comments))
                    comments = []
            elif "\n" in value:
                line += value.count("\n")
                line_start = m.start() + value.rindex("\n") + 1
            continue
        row = rows[stack[-1]]
        if kind == _NAME:  # the contextual lexer's choices, made from the state's actions
            keyword = keywords.get(value)
            if keyword is not None and keyword in row:
                kind = keyword
        elif kind == _NUMBER and _NUMBER not in row and _INT in row and whole_int(value):
            kind = _INT
        start = m.start()
        token = new(Token, value)  # what Token(kind, value, start, line, column, ...) makes, in one step
        token.type, token.start_pos, token.value, token.line = kind, start, value, line
        token.column = column = start - line_start + 1
        token.end_line, token.end_column, token.end_pos = line, column + len(value), start + len(value)
        while True:  # lark's ParserState.feed_token: reduce as the table says, then shift
            action = row.get(kind)
            if action is None:
                raise Refused(kind)
            if action.shift:
                stack.append(action.target)
                values.append(token)
                break
            _reduce(rows, stack, values, action)
            row = rows[stack[-1]]
    end = Token.new_borrow_pos("$END", "", token) if token is not None else Token("$END", "", 0, 1, 1)
    while True:
        action = rows[stack[-1]].get(end.type)
        if action is None or action.shift:
            raise Refused(end.type)
        _reduce(rows, stack, values, action)
        if stack[-1] == t.end:
            return values[-1], tuple(itertools.chain(*chunks, comments))


def _reduce(rows: Mapping[int, Mapping[str, Action]], stack: list[int], values: list[Any], action: Action) -> None:
    """One reduction: the rule's children off the stacks, its callback's result on, the state it goes to."""
    size = action.size
    if size:
        children = values[-size:]
        del stack[-size:]
        del values[-size:]
    else:
        children = []
    if action.keep is not None:  # lark's ChildFilterLALR_NoPlaceholders
        kept: list[Any] = []
        for i, splice in action.keep:
            if not splice:
                kept.append(children[i])
            elif kept:
                kept += children[i].children
            else:
                kept = children[i].children
        children = kept
    values.append(action.build(children))
    stack.append(rows[stack[-1]][action.origin].target)
