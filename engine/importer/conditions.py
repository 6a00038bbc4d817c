"""Coding-rule conditions compiled into plain functions of an article, with the cheap pre-tests
(heading gates, anchor words) that let the importer skip most rules for most articles."""

from __future__ import annotations

from typing import Optional

from engine.importer.rules_lang import All, AnyOf, Not, Test


class Env:
    """What a compiled condition looks at: normalized heading and chapter title, topics so far,
    the text being tested (the article, a sentence or a clause) and, for the article, its words."""

    __slots__ = ("heading", "chapter", "topics", "hay", "words")

    def __init__(self, heading: str, chapter: str, topics: list, hay: str, words: Optional[frozenset]):
        self.heading, self.chapter, self.topics, self.hay, self.words = heading, chapter, topics, hay, words


def without_text(c) -> bool:
    """Whether ``c`` may hold when no text phrase is found."""
    if isinstance(c, Test):
        return c.field != "text"
    if isinstance(c, All):
        return all(map(without_text, c.operands))
    if isinstance(c, AnyOf):
        return any(map(without_text, c.operands))
    return True


def heading_gate(c) -> Optional[frozenset]:
    """Words one of which the heading must hold for ``c`` to hold (None: no such condition)."""
    if isinstance(c, Test):
        return frozenset(p.key for p in c.values) if c.field == "heading" else None
    if isinstance(c, All):
        gates = [g for g in map(heading_gate, c.operands) if g is not None]
        return min(gates, key=len) if gates else None
    if isinstance(c, AnyOf):
        gates = [heading_gate(o) for o in c.operands]
        return frozenset().union(*gates) if all(g is not None for g in gates) else None
    return None


def cheap_first(c):
    """The same condition with heading, chapter and topic tests before text tests (``and`` is pure)."""
    if isinstance(c, All):
        parts = tuple(cheap_first(o) for o in c.operands)
        return All(tuple(sorted(parts, key=lambda o: 1 if has_text(o) else 0)))
    if isinstance(c, AnyOf):
        return AnyOf(tuple(cheap_first(o) for o in c.operands))
    if isinstance(c, Not):
        return Not(cheap_first(c.operand))
    return c


def has_text(c) -> bool:
    if isinstance(c, Test):
        return c.field == "text"
    if isinstance(c, Not):
        return has_text(c.operand)
    return any(has_text(o) for o in c.operands)


def keys(c) -> set:
    """The key words of the text phrases a condition tests."""
    if isinstance(c, Test):
        return {p.key for p in c.values} if c.field == "text" else set()
    if isinstance(c, Not):
        return keys(c.operand)
    return set().union(*(keys(o) for o in c.operands))


def compile_condition(c):
    """A function of the article (see :class:`Env`): None when ``c`` fails, else the tests that held."""
    if isinstance(c, Test):
        if c.field == "topic":
            name, found = c.values[0], (("topic", c.values[0]),)
            return lambda env: found if name in env.topics else None
        if c.field == "text":
            text_phrases = tuple((p.key, p.norm, (("text", p),)) for p in c.values)

            def text_test(env):
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
        field = c.field
        phrases = tuple((p.norm, ((field, p),)) for p in c.values)

        def title_test(env):
            hay = env.heading if field == "heading" else env.chapter
            for norm, found in phrases:
                if norm in hay:
                    return found
            return None
        return title_test
    if isinstance(c, Not):
        inner = compile_condition(c.operand)
        return lambda env: () if inner(env) is None else None
    parts = tuple(compile_condition(o) for o in c.operands)
    if isinstance(c, All):
        def all_test(env):
            found: tuple = ()
            for f in parts:
                r = f(env)
                if r is None:
                    return None
                found += r
            return found
        return all_test

    def any_test(env):
        for f in parts:
            r = f(env)
            if r is not None:
                return r
        return None
    return any_test
