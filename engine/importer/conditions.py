"""Coding-rule conditions compiled into plain functions of an article, with the cheap pre-tests
(heading gates, anchor words) that let the importer skip most rules for most articles."""

from __future__ import annotations

import functools
from typing import Callable, Optional, Union

from engine.importer.rules_lang import All, AnyOf, Cond, Not, Phrase, Test

# The tests that held: (field, phrase) for a heading, text or chapter phrase, ("topic", name) for a topic.
Found = tuple[tuple[str, Union[Phrase, str]], ...]


class Env:
    """What a compiled condition looks at: normalized heading and chapter title, topics so far,
    the text being tested (the article, a sentence or a clause) and, for the article, its words."""

    __slots__ = ("heading", "chapter", "topics", "hay", "words")

    def __init__(self, heading: str, chapter: str, topics: list[str], hay: str,
                 words: Optional[frozenset[str]]) -> None:
        self.heading, self.chapter, self.topics, self.hay, self.words = heading, chapter, topics, hay, words


# A compiled condition: None when it fails, else the tests that held.
Compiled = Callable[[Env], Optional[Found]]


def without_text(c: Cond) -> bool:
    """Whether ``c`` may hold when no text phrase is found."""
    if isinstance(c, Test):
        return c.field != "text"
    if isinstance(c, All):
        return all(map(without_text, c.operands))
    if isinstance(c, AnyOf):
        return any(map(without_text, c.operands))
    return True


def heading_gate(c: Cond) -> Optional[frozenset[str]]:
    """Words one of which the heading must hold for ``c`` to hold (None: no such condition)."""
    if isinstance(c, Test):
        return frozenset(p.key for p in c.values) if c.field == "heading" else None
    if isinstance(c, All):
        gates = [g for g in map(heading_gate, c.operands) if g is not None]
        return min(gates, key=len) if gates else None
    if isinstance(c, AnyOf):
        any_gates = [heading_gate(o) for o in c.operands]
        if any(g is None for g in any_gates):
            return None
        return frozenset().union(*(g for g in any_gates if g is not None))
    return None


def cheap_first(c: Cond) -> Cond:
    """The same condition with heading, chapter and topic tests before text tests (``and`` is pure)."""
    if isinstance(c, All):
        parts = tuple(cheap_first(o) for o in c.operands)
        return All(tuple(sorted(parts, key=lambda o: 1 if has_text(o) else 0)))
    if isinstance(c, AnyOf):
        return AnyOf(tuple(cheap_first(o) for o in c.operands))
    if isinstance(c, Not):
        return Not(cheap_first(c.operand))
    return c


def has_text(c: Cond) -> bool:
    if isinstance(c, Test):
        return c.field == "text"
    if isinstance(c, Not):
        return has_text(c.operand)
    return any(has_text(o) for o in c.operands)


def keys(c: Cond) -> set[str]:
    """The key words of the text phrases a condition tests."""
    if isinstance(c, Test):
        return {p.key for p in c.values} if c.field == "text" else set()
    if isinstance(c, Not):
        return keys(c.operand)
    return set().union(*(keys(o) for o in c.operands))


# ---------------------------------------------------------------- compiling


@functools.singledispatch
def compile_condition(c: Cond) -> Compiled:
    """A function of the article (see :class:`Env`): None when ``c`` fails, else the tests that held."""
    raise TypeError(f"not a condition: {type(c).__name__}")


@compile_condition.register
def _compile_test(c: Test) -> Compiled:
    if c.field == "topic":
        return _topic_test(c)
    if c.field == "text":
        return _text_test(c)
    return _title_test(c)


def _topic_test(c: Test) -> Compiled:
    name, found = c.values[0], (("topic", c.values[0]),)
    return lambda env: found if name in env.topics else None


def _text_test(c: Test) -> Compiled:
    text_phrases = tuple((p.key, p.norm, (("text", p),)) for p in c.values)

    def text_test(env: Env) -> Optional[Found]:
        hay, words = env.hay, env.words
        if words is None:  # a clause or a sentence: short, searched directly
            for _, norm, found in text_phrases:
                if norm in hay:
                    return found
            return None
        for key, norm, found in text_phrases:  # the article: its words first
            if key in words and norm in hay:
                return found
        return None
    return text_test


def _title_test(c: Test) -> Compiled:
    """A heading or chapter test."""
    field = c.field
    phrases = tuple((p.norm, ((field, p),)) for p in c.values)

    def title_test(env: Env) -> Optional[Found]:
        hay = env.heading if field == "heading" else env.chapter
        for norm, found in phrases:
            if norm in hay:
                return found
        return None
    return title_test


@compile_condition.register
def _compile_not(c: Not) -> Compiled:
    inner = compile_condition(c.operand)
    return lambda env: () if inner(env) is None else None


@compile_condition.register
def _compile_all(c: All) -> Compiled:
    parts = tuple(compile_condition(o) for o in c.operands)

    def all_test(env: Env) -> Optional[Found]:
        found: Found = ()
        for f in parts:
            r = f(env)
            if r is None:
                return None
            found += r
        return found
    return all_test


@compile_condition.register
def _compile_any(c: AnyOf) -> Compiled:
    parts = tuple(compile_condition(o) for o in c.operands)

    def any_test(env: Env) -> Optional[Found]:
        for f in parts:
            r = f(env)
            if r is not None:
                return r
        return None
    return any_test
