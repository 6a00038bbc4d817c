"""The printer: comments kept in place, `#` inside strings, escapes (layouts: tests/golden/fmt/)."""

from __future__ import annotations

import datetime as dt

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
