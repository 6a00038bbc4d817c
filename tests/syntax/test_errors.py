"""A block left open is reported at its `{`, once, without the errors it causes further down."""

from engine.language import codes as C
from engine.syntax.errors import unclosed_brace
from engine.syntax.parse import parse_text

DRAFT = '''agreement kjdpa2 "K" {
  based-on cptpp
  chapter 14 "Electronic Commerce" {
    article 14.19 "Location" {
      topic financial-computing-facilities
      binding prohibition "Neither Party shall require"
    article 14.20 "Cooperation" {
      topic cooperation
      hortatory "recognise"
    }
  }
}
'''


def test_the_brace_left_open_is_the_one_named_not_the_end_of_the_file():
    (diag,) = parse_text(DRAFT, "d.agr").diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == (C.UNEXPECTED_END.id, 4, 30)
    assert diag.message == "the `{` of article 14.19 is never closed"


def test_errors_before_the_brace_are_kept():
    text = "agreement a {\n  kind fta fta\n  article 1 {\n    topic scope\n  article 2 { topic scope }\n}\n"
    found = [(d.code, d.span.line) for d in parse_text(text, "a.agr").diagnostics]
    assert found == [(C.UNEXPECTED_WORD.id, 2), (C.UNEXPECTED_END.id, 3)]


def test_the_indentation_finds_the_inner_block_and_counting_the_outer_one():
    assert unclosed_brace("agreement a {\n  article 1 {\n  article 2 {\n  }\n}\n").owner == "article 1"
    assert unclosed_brace("a { b {\n}").owner == "a"
    assert unclosed_brace('  amend article 14.17 "Title {" {\n').owner == "amend article 14.17"


def test_balanced_braces_leave_nothing_open_however_they_are_indented():
    assert unclosed_brace("agreement a {\n      article 1 {\n  }\n}\n") is None
    assert unclosed_brace('agreement a { note "{" # {\n}\n') is None
    assert unclosed_brace("") is None


def test_many_braces_are_read_in_linear_time():
    assert unclosed_brace("{\n" * 100_000).line == 100_000
    assert unclosed_brace("{" * 100_000).owner == "this block"
