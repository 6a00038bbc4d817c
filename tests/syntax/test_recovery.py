"""Syntax errors (engine/syntax/parse.py recovery, engine/syntax/errors.py wording): one per line, within limits."""

from __future__ import annotations

from engine.language import codes as C
from engine.syntax.limits import MAX_RECOVERY_STEPS, MAX_SYNTAX_ERRORS
from engine.syntax.parse import parse_text


def diagnostics(text: str) -> list[tuple[str, int, int]]:
    result = parse_text(text, "x.agr")
    assert result.document is None or not any(d.is_error for d in result.diagnostics)
    return [(d.code, d.span.line, d.span.column) for d in result.diagnostics]


def test_one_diagnostic_per_line():
    assert diagnostics("agreement a {\n  kind fta $ @ %\n}\n") == [(C.UNEXPECTED_CHARACTER.id, 2, 12)]


def test_after_an_unclosed_string_the_next_lines_are_still_read():
    found = diagnostics('agreement a {\n  note "unclosed\n  kind fta\n  stauts x\n}\n')
    assert found == [(C.UNTERMINATED_STRING.id, 2, 8), (C.UNEXPECTED_WORD.id, 3, 3),
                     (C.UNEXPECTED_WORD.id, 4, 3), (C.UNEXPECTED_WORD.id, 5, 1)]


def test_a_file_is_given_up_on_after_the_most_syntax_errors():
    found = diagnostics("\n".join("agreement a { kind }" for _ in range(3 * MAX_SYNTAX_ERRORS)))
    assert [line for _, line, _ in found] == list(range(1, MAX_SYNTAX_ERRORS + 1))


def test_a_line_of_junk_is_given_up_on_after_the_most_recovery_steps():
    def lines_reported(junk: int) -> list[int]:
        # `(` rather than `{`: a line of `{` is now reported once, as a block never closed
        return [line for _, line, _ in diagnostics("agreement a {" + "(" * junk + "\n  Kind x\n}\n")]

    assert lines_reported(MAX_RECOVERY_STEPS // 2) == [1, 2]  # recovered, and the next line read
    assert lines_reported(MAX_RECOVERY_STEPS + 1) == [1]  # gave up within the first line


def test_the_end_of_the_file_inside_a_block_points_at_the_brace_left_open():
    result = parse_text("agreement a {\n  article 1 {\n   binding   \n\n  ", "x.agr")
    (diag,) = result.diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == (C.UNEXPECTED_END.id, 2, 13)
    assert diag.message == "the `{` of article 1 is never closed"
    assert [(s.line, s.column, label) for s, label in diag.secondary] == [(3, 11, "the file ends here")]


def test_the_end_of_the_file_inside_a_statement_lists_what_was_expected():
    (diag,) = parse_text("expect a n", "x.agr").diagnostics
    assert diag.code == C.UNEXPECTED_END.id and diag.hint == "expected `.`, a name"


def test_a_misspelt_keyword_gets_a_suggestion_and_a_wrong_word_what_was_expected():
    (diag,) = parse_text("agreement a {\n  knd fta\n}\n", "x.agr").diagnostics
    assert (diag.message, diag.hint) == ("unexpected word `knd`", "did you mean `kind`?")
    first = parse_text("agreement a {\n  signed fta\n}\n", "x.agr").diagnostics[0]
    assert (first.message, first.hint) == ("unexpected word `fta`", "expected a date (YYYY-MM-DD) here")


def test_a_stray_capital_is_told_apart_from_other_characters():
    (capital,) = parse_text("agreement a {\n  Kind fta\n}\n", "x.agr").diagnostics
    assert "party codes are 2 or 3 capital letters" in capital.hint
    (other,) = parse_text("agreement a {\n  kind fta ~\n}\n", "x.agr").diagnostics
    assert other.message == "unexpected character `~`" and other.hint.startswith("expected `amend`, `article`")


def test_a_long_token_is_shortened_in_the_message():
    (diag,) = parse_text("agreement a {\n  " + "x" * 60 + "\n}\n", "x.agr").diagnostics
    assert diag.message == "unexpected word `" + "x" * 37 + "...`"
