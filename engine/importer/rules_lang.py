"""The coding-rules language: parse and check a ``.coding`` file into a :class:`RuleSet`.

A rule is ``[chapter] ACTION when CONDITION``; conditions test the article's
heading, its text, its chapter's title or the topics found so far, with
``and``, ``or``, ``not`` and parentheses.  Phrases are matched on whole words
after :func:`normalize` (case, punctuation, hyphens, accents and enumerators
such as ``(a)`` do not matter).  See docs/importing.md for the language.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from typing import TYPE_CHECKING, Any, Collection, Iterator, Optional, Union

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.syntax.lark_util import Found, describe_unexpected, lalr_parser, terminal_spelling, token_span, unquote

if TYPE_CHECKING:
    from lark import Lark, Token

MAX_RULES_BYTES = 1024 * 1024
PLACEHOLDERS = {"ds-chapter": "the chapter on dispute settlement, as its heading writes it (e.g. `chapter 16`)"}


class Action(V.Word):
    """What a rule suggests: the first word of its head (the grammar's keywords, coding.lark)."""

    TOPIC = "topic", "the article's topics"
    STRENGTH = "strength", "the strength of a segment of a paragraph (each topic takes its segments' strongest)"
    FORM = "form", "the form of the commitment, read from the segment that gave its strength"
    EXCEPTION = "exception", "an exception of a kind, with qualifiers"
    QUALIFY = "qualify", "qualifiers for an exception found by another rule"
    COVERS = V.ScopeMode.COVERS.value, "a scope item the article expressly covers"
    EXCLUDES = V.ScopeMode.EXCLUDES.value, "a scope item the article excludes"
    SOFTWARE = "software", "which software a source-code article covers"
    CONTINGENT = "contingent", "what the commitment depends on"
    DISPUTE_SETTLEMENT = "dispute-settlement", "dispute settlement excluded, or parties shielded (a sentence)"
    TRANSITION = "transition", "a transition period for named parties (a sentence)"


# `strength none`: the segment commits no one (a rule that keeps it from counting); not a V.Strength
NO_STRENGTH = "none"
STRENGTH_WORDS = tuple(s.value for s in reversed(V.Strength) if s is not V.Strength.ABSENT) + (NO_STRENGTH,)
DS_MODES = (V.DsMode.EXCLUDED.value, V.DsMode.SHIELDED.value)
# Actions a `chapter` prefix may put on the chapter instead of the article.
CHAPTER_ACTIONS = (Action.EXCEPTION, Action.EXCLUDES, Action.COVERS, Action.DISPUTE_SETTLEMENT)
# What a rule's arguments are checked against, by the kind of head: (what, words) for the first
# argument, then for each further one; None: any word.
_Words = Optional[tuple[str, Collection[str]]]
_TOPIC: _Words = ("topic", V.TOPICS)
_KIND: _Words = ("exception kind", V.EXCEPTION_KINDS)
_QUALIFIER: _Words = ("exception qualifier", V.EXCEPTION_QUALIFIERS)
HEAD_ARGUMENTS: dict[str, tuple[_Words, _Words]] = {
    "topic_head": (_TOPIC, _TOPIC),
    "strength_head": (("strength", STRENGTH_WORDS), None),
    "form_head": (("form", V.FORMS), None),
    "exception_head": (_KIND, _QUALIFIER),
    "qualify_head": (_KIND, _QUALIFIER),
    "scope_head": (("scope item", V.SCOPE_ITEMS), None),
    "software_head": (("software coverage", V.SOFTWARE_COVERAGE), None),
    "contingent_head": (None, None),
    "ds_head": (("dispute-settlement mode", DS_MODES), None),
    "transition_head": (None, None),
}

_ENUMERATOR = re.compile(r"\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)")
# bytes -> themselves for a-z and 0-9, a space for everything else
_WORD_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))
_PLACEHOLDER = re.compile(r"\{([a-z-]*)\}")


# A footnote number glued to the end of a word by a PDF's text (``window16-``, ``Scope3``): at least three
# letters, then one or two digits.
_FOOTNOTE_MARK = re.compile(r"([a-z]{3})\d{1,2}\b")


def normalize(text: str) -> str:
    """Lower case, footnote marks glued to a word dropped (``window16`` is ``window``), enumerators such
    as ``(a)`` removed, every run of characters other than a-z and 0-9 one space, padded with a space at
    each end so that `` phrase `` matches whole words."""
    lowered = _FOOTNOTE_MARK.sub(r"\1", text.lower())
    ascii_bytes = _ENUMERATOR.sub(" ", lowered).encode("ascii", "replace").translate(_WORD_BYTES)
    return " " + " ".join(ascii_bytes.decode("ascii").split()) + " "


# ---------------------------------------------------------------- the rule model


@attrs.frozen
class Phrase:
    """A phrase as written, its normalized form and its longest word (a quick pre-test)."""

    text: str
    norm: str
    key: str
    placeholder: Optional[str] = None  # a phrase with {ds-chapter} is bound per agreement


@attrs.frozen
class Test:
    """``heading "a" "b"``: holds when any phrase is found (``topic`` names: any topic)."""

    field: str  # "heading" | "text" | "chapter" | "topic"
    values: tuple[Any, ...]  # of Phrase, or of topic names (str) for `topic`
    span: M.Span = attrs.field(default=M.NO_SPAN, eq=False)


@attrs.frozen
class Not:
    operand: "Cond"


@attrs.frozen
class All:
    operands: tuple["Cond", ...]


@attrs.frozen
class AnyOf:
    operands: tuple["Cond", ...]


Cond = Union[Test, Not, All, AnyOf]


@attrs.frozen
class Rule:
    """One rule: what it suggests (``action`` and ``args``) and when."""

    action: Action
    args: tuple[str, ...]
    condition: Cond
    on_chapter: bool = False
    span: M.Span = attrs.field(default=M.NO_SPAN, eq=False)
    within: Optional[str] = None  # `topic a within b`: the topics are part of topic b

    def label(self) -> str:
        within = ("within", self.within) if self.within else ()
        return " ".join((("chapter",) if self.on_chapter else ()) + (self.action,) + self.args + within)


@attrs.frozen(cache_hash=True)
class RuleSet:
    """A parsed coding file: its rules in order and the party-name aliases.

    Frozen and hashed once (hashing walks every condition), so that the importer caches the
    compiled form of a rule set by the rule set itself (:func:`engine.importer.autocode.rule_table`).
    """

    id: str
    title: Optional[str] = None
    version: Optional[str] = None
    rules: tuple[Rule, ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (alpha-2 code, names)
    path: str = ""


def make_phrase(text: str) -> Phrase:
    """A phrase ready to match; a ``{ds-chapter}`` placeholder is kept for :func:`bind`."""
    m = _PLACEHOLDER.search(text)
    norm = normalize(_PLACEHOLDER.sub(" ", text)) if m is None else normalize(text.replace(m.group(0), " zzph "))
    words = [w for w in norm.split() if w != "zzph"]
    key = max(words, key=len) if words else ""
    return Phrase(text, norm, key, m.group(1) if m else None)


def bind(rs: RuleSet, values: dict[str, Optional[str]]) -> RuleSet:
    """The rule set with its placeholders replaced (a phrase whose value is None never matches)."""
    if not any(has_placeholder(r.condition) for r in rs.rules):
        return rs
    return attrs.evolve(rs, rules=tuple(attrs.evolve(r, condition=_bind(r.condition, values)) for r in rs.rules))


def has_placeholder(c: Cond) -> bool:
    """Whether a condition holds a phrase with a placeholder."""
    if isinstance(c, Test):
        return c.field != "topic" and any(p.placeholder for p in c.values)
    if isinstance(c, Not):
        return has_placeholder(c.operand)
    return any(has_placeholder(o) for o in c.operands)


def _bind(c: Cond, values: dict[str, Optional[str]]) -> Cond:
    if isinstance(c, Test):
        if c.field == "topic" or not any(p.placeholder for p in c.values):
            return c
        out = []
        for p in c.values:
            value = values.get(p.placeholder) if p.placeholder is not None else None
            if p.placeholder is None:
                out.append(p)
            elif value:
                out.append(Phrase(p.text, p.norm.replace(" zzph ", normalize(value)), p.key))
            else:
                out.append(Phrase(p.text, " \x00never\x00 ", "\x00never\x00"))
        return attrs.evolve(c, values=tuple(out))
    if isinstance(c, Not):
        return Not(_bind(c.operand, values))
    return type(c)(tuple(_bind(o, values) for o in c.operands))


# ---------------------------------------------------------------- parsing


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return lalr_parser("importer", "coding.lark")


class _Builder:
    """Walks the lark tree into rules, collecting vocabulary errors."""

    def __init__(self, path: str):
        self.path = path
        self.diags: list[D.Diagnostic] = []

    def error(self, message: C.Message, tok: Token, focus: Optional[str] = None, **fields: Any) -> None:
        self.diags.append(message.at(token_span(self.path, tok), focus=focus, **fields))

    def vocab(self, what: str, tok: Token, table: Collection[str]) -> None:
        if str(tok) not in table:
            self.diags.append(C.NO_SUCH_RULE_WORD.unknown(token_span(self.path, tok), what, str(tok), table))

    def ruleset(self, tree: Any) -> RuleSet:
        from lark import Token

        kids = tree.children
        ident, title = str(kids[1]), None
        if isinstance(kids[2], Token) and kids[2].type == "STRING":
            title = unquote(kids[2])
        version, rules, aliases = None, [], []
        for node in kids:
            if isinstance(node, Token):
                continue
            if node.data == "version_stmt":
                version = unquote(node.children[1])
            elif node.data == "alias_stmt":
                code_tok = node.children[1]
                code = P.canonical(str(code_tok))
                if code is None:
                    self.error(C.ALIAS_PARTY_CODE, code_tok, focus=str(code_tok), code=code_tok)
                else:
                    aliases.append((code, tuple(unquote(s) for s in node.children[2:])))
            elif node.data == "rule":
                rules.append(self.rule(node))
        return RuleSet(ident, title, version, tuple(rules), tuple(aliases), self.path)

    def rule(self, node: Any) -> Rule:
        from lark import Token

        kids = node.children
        on_chapter = isinstance(kids[0], Token) and kids[0].type == "CHAPTER"
        head = next(k for k in kids if not isinstance(k, Token))
        cond_node = kids[-1]
        words = head.children
        action = Action(str(words[0]))
        within = None
        if len(words) > 2 and words[-2].type == "WITHIN":
            within = str(words[-1])
            self.vocab("topic", words[-1], V.TOPICS)
            words = words[:-2]
        args = tuple(str(w) for w in words[1:])
        first = kids[0] if on_chapter else words[0]
        for word, (what, table) in _checked_arguments(head.data, words[1:]):
            self.vocab(what, word, table)
        if on_chapter and action not in CHAPTER_ACTIONS:
            self.error(C.CHAPTER_ACTION, first, action=action, actions=", ".join(CHAPTER_ACTIONS))
        cond = self.cond(cond_node)
        return Rule(action, args, cond, on_chapter, span=token_span(self.path, first, head.children[-1]),
                    within=within)

    def cond(self, node: Any) -> Cond:
        from lark import Token

        if node.data == "test":
            field_tok = node.children[0]
            field = str(field_tok)
            if field == "topic":
                for w in node.children[1:]:
                    self.vocab("topic", w, V.TOPICS)
                return Test("topic", tuple(str(w) for w in node.children[1:]), token_span(self.path, field_tok))
            phrases = []
            for s in node.children[1:]:
                text = unquote(s)
                phrase = make_phrase(text)
                bad = [m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1) not in PLACEHOLDERS]
                if bad:
                    self.error(C.UNKNOWN_PLACEHOLDER, s, name=bad[0])
                elif len(_PLACEHOLDER.findall(text)) > 1:
                    self.error(C.TWO_PLACEHOLDERS, s)
                elif not phrase.key:
                    self.error(C.PHRASE_WITHOUT_LETTERS, s)
                phrases.append(phrase)
            return Test(field, tuple(phrases), token_span(self.path, field_tok))
        if node.data == "not_cond":
            return Not(self.cond(next(c for c in node.children if not isinstance(c, Token))))
        parts = tuple(self.cond(c) for c in node.children if not isinstance(c, Token))
        return All(parts) if node.data == "and_cond" else AnyOf(parts)


def _checked_arguments(head: str, words: list[Any]) -> Iterator[tuple[Any, tuple[str, Collection[str]]]]:
    """Each argument of a rule's head that is checked, with (what it is, the words it may be)."""
    first, rest = HEAD_ARGUMENTS[head]
    for i, word in enumerate(words):
        checked = first if i == 0 else rest
        if checked is not None:
            yield word, checked


def _syntax_error(exc: Exception, path: str, text: str) -> D.Diagnostic:
    u = describe_unexpected(exc, path, text)
    if u.found is Found.CHARACTER:
        return (C.RULES_STRAY_QUOTE if u.text == '"' else C.RULES_STRAY_CHARACTER).at(u.span, shown=u.escaped)
    if u.found is Found.TOKEN:
        expected = sorted(terminal_spelling(t) for t in u.expected)[:8]
        return C.RULES_STRAY_TOKEN.at(u.span, shown=u.text[:40], expected=", ".join(expected))
    line = text.count("\n") + 1
    return C.RULES_END_EARLY.at(M.Span(path, line, 1, line, 2))


def parse_rules(text: str, path: str = "<rules>") -> tuple[Optional[RuleSet], tuple[D.Diagnostic, ...]]:
    """A rule set from source text, or None with the diagnostics that prevent it."""
    from lark.exceptions import LarkError, UnexpectedInput

    if len(text) > MAX_RULES_BYTES:
        return None, (C.RULES_TOO_LARGE.at(M.Span(path, 1, 1, 1, 2)),)
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        return None, (_syntax_error(exc, path, text),)
    except (LarkError, RecursionError) as exc:  # pragma: no cover - defensive
        return None, (C.RULES_UNPARSABLE.at(M.Span(path, 1, 1, 1, 2), error=type(exc).__name__),)
    blocks = tree.children
    if len(blocks) != 1:
        return None, (C.RULES_BLOCK_COUNT.at(M.Span(path, 1, 1, 1, 2), count=len(blocks)),)
    builder = _Builder(path)
    rs = builder.ruleset(blocks[0])
    diags = tuple(D.narrow(d, text) for d in builder.diags)
    return (None if diags else rs), diags


def read_rules(path: str) -> tuple[Optional[RuleSet], tuple[D.Diagnostic, ...]]:
    """A rule set from a file."""
    from engine.syntax.parse import read_source

    text, diags = read_source(path)
    if text is None:
        return None, diags
    return parse_rules(text, path)


@functools.lru_cache(maxsize=1)
def bundled_rules() -> RuleSet:
    """The rules shipped with tradegap (``rules/autocode.coding``); a bad file there is a bug."""
    text = (importlib.resources.files("engine") / "rules" / "autocode.coding").read_text(encoding="utf-8")
    rs, diags = parse_rules(text, "rules/autocode.coding")
    if rs is None:
        raise ValueError("the bundled coding rules do not parse: "
                         + "; ".join(D.render_text(d) for d in diags))
    return rs
