"""The printer: comments kept in place, `#` inside strings, escapes (layouts: tests/golden/fmt/)."""

from __future__ import annotations

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
