"""Completion by context, on text that need not parse (the drafter is typing)."""

from __future__ import annotations

import pytest

from engine.lsp.completion import complete
from engine.lsp.language import KEYWORD_MEANINGS, STARTERS
from engine.lsp.workspace import Workspace
from engine.syntax.keywords import keywords

DRAFT = '''agreement d {
  based-on cptpp chapter 14
  parties KR J
  amend article 14.1
  chapter 14 {
    article 9bis "T" {
      topic cross
      exception public-policy self
      dispute-settlement 
    }
  }
  omit chapter 
'''
NORMS = "norms n { norm x { topic scope require strength at-least b"
EXPECT = "expect rcep tpp3.data-flows "


@pytest.fixture(scope="module")
def space():
    return Workspace()


def _labels(space, text, line, column=None):
    lines = text.split("\n")
    analysis = space.analyse("/nowhere/d.agr", text)
    return [i.label for i in complete(analysis, line, len(lines[line]) if column is None else column)]


@pytest.mark.parametrize("line,column,expected,absent", [
    (1, len("  based-on cp"), {"cptpp"}, {"rcep"}),
    (1, len("  based-on cptpp chapter "), {"14", "29"}, {"14.1"}),
    (2, None, {"JP", "JE"}, {"KR", "topic"}),
    (3, None, {"14.1", "14.17"}, {"17.6"}),  # the base's articles in the chapter taken
    (6, None, {"cross-border-data"}, {"cooperation"}),
    (7, None, {"self-judging"}, {"public-policy"}),
    (8, None, {"applies", "excluded", "shielded"}, set()),
    (11, None, {"14", "29"}, set()),
])
def test_what_may_come_next(space, line, column, expected, absent):
    found = set(_labels(space, DRAFT, line, column))
    assert expected <= found and not absent & found


def test_keywords_by_block(space):
    text = "agreement d {\n  \n  article 1 {\n    \n  }\n}\n"
    assert {"kind", "parties", "chapter", "amend"} <= set(_labels(space, text, 1))
    inside = set(_labels(space, text, 3))
    assert {"topic", "binding", "transition"} <= inside and "parties" not in inside
    assert set(_labels(space, "", 0)) == {"agreement", "norms", "expect"}


def test_predicates_and_expectations(space):
    assert set(_labels(space, NORMS, 0)) == {"binding", "best-endeavour"}
    assert {"strength", "enforceable", "not"} <= set(_labels(space, "norms n { norm x { require ", 0))
    assert {"met", "partial", "not-encoded"} <= set(_labels(space, EXPECT, 0))
    assert {"tpp3", "tpp3.data-flows"} <= set(_labels(space, "expect rcep ", 0))


def test_every_keyword_has_a_meaning_and_every_starter_is_a_keyword():
    assert set(KEYWORD_MEANINGS) == set(keywords())
    assert {k for block in STARTERS.values() for k in block} <= set(keywords())
