"""Comments (engine/syntax/comments.py): found outside strings, with their line and column."""

from __future__ import annotations

import attrs
import pytest

from engine.language import model as M
from engine.syntax.comments import scan_comments
from engine.syntax.parse import parse_text


@pytest.mark.parametrize("line, found", [
    ("kind fta  # a comment  ", (1, 11, "# a comment")),
    ('note "# not a comment" # one', (1, 24, "# one")),
    ('note "a \\" # still a string" # one', (1, 30, "# one")),
    ('note "not closed # is in the string', None),
    ("# only a comment", (1, 1, "# only a comment")),
    ("no comment \\# here? yes", (1, 13, "# here? yes")),  # a backslash outside a string is no escape
])
def test_comments_are_found_outside_strings(line, found):
    assert scan_comments(line) == ((M.Comment(*found),) if found else ())


def test_comments_on_several_lines_keep_their_line_numbers():
    text = 'agreement a { # opens\n  note "x"\n\n  # alone\r\n}\n'
    assert scan_comments(text) == (M.Comment(1, 15, "# opens"), M.Comment(4, 3, "# alone"))


def test_a_document_gives_its_comments_however_they_were_given():
    comments = (M.Comment(1, 15, "# opens"), M.Comment(4, 3, "# alone"))
    given = M.Document("a.agr", (), comments)
    as_table = M.Document("a.agr", (), (1, 15, "# opens", 4, 3, "# alone"))
    assert given.comments == as_table.comments == comments
    assert attrs.evolve(given, comments=comments[:1]).comments == comments[:1]
    assert M.Document("a.agr").comments == ()
    assert given == M.Document("a.agr")  # comments stay outside equality


def test_a_parsed_document_keeps_its_comments():
    text = 'agreement a { # opens\n  kind fta\n  # alone\n}\n'
    assert parse_text(text, "a.agr").document.comments == scan_comments(text)
