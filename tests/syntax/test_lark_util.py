"""The lark plumbing both grammars share (engine/syntax/lark_util.py)."""

from __future__ import annotations

import pytest
from lark import Token
from lark.exceptions import UnexpectedInput

from engine.importer.rules_lang import parse_rules
from engine.language import model as M
from engine.syntax.lark_util import (Found, describe_unexpected, end_span, lalr_parser, terminal_spelling, token_span,
                                     unquote)


@pytest.mark.parametrize("literal, text", [
    ('""', ""), ('"plain"', "plain"), ('"a \\"quote\\""', 'a "quote"'), ('"back\\\\slash"', "back\\slash"),
    ('"\\n is n"', "n is n"),
])
def test_unquote_reads_each_escape_as_the_character_escaped(literal, text):
    assert unquote(literal) == text


def test_a_token_span_runs_from_the_first_token_to_the_end_of_the_last():
    first = Token("NAME", "kind", line=2, column=3, end_line=2, end_column=7)
    last = Token("STRING", '"x"', line=3, column=5, end_line=3, end_column=8)
    assert token_span("f", first) == M.Span("f", 2, 3, 2, 7)
    assert token_span("f", first, last) == M.Span("f", 2, 3, 3, 8)


def test_terminals_are_spelt_as_written():
    assert [terminal_spelling(t) for t in ("IN_FORCE", "_AND", "KIND")] == ["in-force", "and", "kind"]


def test_the_end_span_is_after_the_last_character_that_is_not_white_space():
    assert end_span("f", "a {\n  b  \n\n") == M.Span("f", 2, 4, 2, 5)


def describe(text: str):
    with pytest.raises(UnexpectedInput) as caught:
        lalr_parser("syntax/grammar", "tradegap.lark").parse(text)
    return describe_unexpected(caught.value, "f", text)


def test_what_a_syntax_error_found_and_where():
    character = describe("agreement a { ~ }")
    assert (character.found, character.text, character.escaped, character.span) == (
        Found.CHARACTER, "~", "~", M.Span("f", 1, 15, 1, 16))
    token = describe("agreement a { kind }")
    assert (token.found, token.text, token.type, token.expected) == (Found.TOKEN, "}", "RBRACE", {"NAME"})
    end = describe("agreement a {\n  kind fta\n")
    assert (end.found, end.span, "RBRACE" in end.expected) == (Found.END, M.Span("f", 2, 11, 2, 12), True)


def test_the_coding_rules_word_the_same_findings_their_own_way():
    def first(text: str):
        rules, diags = parse_rules(text, "r.coding")
        assert rules is None
        return diags[0]

    assert first('coding c {\n  topic x when heading "a" $\n}\n').message == "unexpected character `$` in the coding rules"
    token = first("coding c {\n  topic data-flows heading\n}\n")
    assert (token.message, token.hint, token.span.line) == ("unexpected `}` in the coding rules",
                                                           "expected one of: name", 3)
    assert first('coding c {\n  topic data-flows when heading "a"\n').span.line == 3
