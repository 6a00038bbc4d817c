"""The printer: comments kept in place, `#` inside strings, escapes (layouts: tests/golden/fmt/)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from engine.language import model as M
from engine.syntax.parse import parse_text
from engine.syntax.printer import format_document


def test_comments_are_kept_in_place():
    src = ('# header\nagreement x "X" { # trailing on the opening line\n  # before kind\n  kind fta\n'
           '  article 1 {\n    topic scope  # why\n    # last in block\n  }\n  # closing\n}\n# end\n')
    doc = parse_text(src, "c.agr").document
    out = format_document(doc)
    for comment in ("# header", "# trailing on the opening line", "# before kind", "# why", "# last in block",
                    "# closing", "# end"):
        assert comment in out
    assert out.index("# before kind") < out.index("kind     fta") < out.index("# why")
    assert "topic scope  # why" in out
    assert format_document(parse_text(out, "c.agr").document) == out


def _line_after(text: str, comment: str) -> str:
    """The first line that is not a comment after the line holding ``comment``."""
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if comment in line)
    return next(line.strip() for line in lines[i + 1:] if not line.strip().startswith("#"))


def test_a_comment_travels_with_the_block_the_printer_moves():
    src = ('agreement x {\n  based-on y\n  # why amend\n  amend article 2 {\n    topic scope\n  }\n'
           '  # why omit\n  omit article 3\n  # why the chapter\n  chapter 1 {\n    # why 1.1\n'
           '    article 1.1 {\n      topic scope\n    }\n  }\n  # the end\n}\n')
    out = format_document(parse_text(src, "c.agr").document)
    assert out.index("chapter 1") < out.index("amend article 2") < out.index("omit article 3")
    assert _line_after(out, "# why amend") == "amend article 2 {"
    assert _line_after(out, "# why omit") == "omit article 3"
    assert _line_after(out, "# why the chapter") == "chapter 1 {"
    assert _line_after(out, "# why 1.1") == "article 1.1 {"
    assert _line_after(out, "# the end") == "}" and out.endswith("  # the end\n}\n")
    assert format_document(parse_text(out, "c.agr").document) == out


@pytest.mark.parametrize("comment, block", [
    ("# Choice 2, data flows.", "amend article 14.14"),
    ("# Choice 2, computing facilities.", "amend article 14.15"),
    ("# Choice 3:", "amend article 14.16"),
    ("# Choice 4:", "amend article 14.17"),
    ("# Choice 5:", "article 14.30"),
    ("# Choice 6:", "amend article 14.18"),
    ("# Choice 7.", "omit article 14.10"),
])
def test_the_kjdpa_draft_keeps_each_choice_above_what_it_explains(comment: str, block: str) -> None:
    text = (ROOT / "examples" / "kjdpa.agr").read_text(encoding="utf-8")
    assert format_document(parse_text(text, "kjdpa.agr").document) == text
    assert _line_after(text, comment).startswith(block)


def test_hash_inside_a_string_is_not_a_comment():
    src = 'agreement x "No. #1 # not a comment" {\n}\n'
    doc = parse_text(src, "c.agr").document
    assert doc.items[0].title == "No. #1 # not a comment"
    assert doc.comments == ()
    assert format_document(doc) == 'agreement x "No. #1 # not a comment" {\n}\n'


def test_escapes_round_trip():
    src = 'agreement x "a \\"quoted\\" word and a back\\\\slash" {\n}\n'
    doc = parse_text(src, "e.agr").document
    assert doc.items[0].title == 'a "quoted" word and a back\\slash'
    assert format_document(doc) == src


def test_the_statements_of_issue_11_are_written_back():
    period = M.Period(years=5, extension_years=3)
    article = M.Article("1", topics=("cross-border-data",), commitment=M.Commitment(
        "binding", None, (M.Quote("said", M.Citation("1", 2), paraphrase=True),)),
        transitions=(M.Transition(("KH",), period, paragraph="1(a)"),),
        reservations=(M.Reservation(("LA",), M.Period(event="a law \"passed\"")),
                      M.Reservation(("MM",), M.Period(until=dt.date(2025, 1, 1), event="e"), paragraph="2")))
    agreement = M.Agreement("a", in_force=(M.PartyEntry(None, ("MM",)),), coverage=("customs", "dispute-resolution"),
                            chapters=(M.Chapter("1", part="customs", articles=(article,)),))
    requirement = M.Requirement(M.Atom("enforceable"), "why", weight=4)
    norms = M.NormSet("n", norms=(M.Norm("m", requirements=(requirement,)),), weight=2)
    expectation = M.Expectation("a", "n", "m", "not-encoded", score_min=0, score_max=10)
    out = format_document(M.Document("p.agr", (agreement, norms, expectation)))
    for line in ("  in-force MM unknown", "  coverage customs dispute-resolution", "    part customs",
                 '      binding paraphrase "said" art 1 fn 2',
                 '      transition KH years 5 extendable 3 paragraph "1(a)"',
                 '      reservation LA until "a law \\"passed\\""',
                 '      reservation MM until "e" 2025-01-01 paragraph "2"', "  weight  2",
                 '    require enforceable weight 4 because "why"', "expect a n.m not-encoded score 0..10"):
        assert line + "\n" in out
    assert parse_text(out, "p.agr").document == M.Document("p.agr", (agreement, norms, expectation))
