"""The parts of the PDF reader one at a time: rows and superscripts, running headers and page numbers,
footnote zones, hyphens, and positions in plain text."""

from __future__ import annotations

import pytest

from engine.importer.hyphens import keeps_hyphen, repair
from engine.importer.lines import Line, keys, visible
from engine.importer.pdf_layout import Page, furniture, split
from engine.importer.pdf_rows import Piece, rows
from engine.importer.plaintext import read_text
from engine.importer.raw import Position


def _page(number, texts, top=800.0, size=11.0, step=14.0, header=False):
    """A page of rows: each text a row, one under the other (a tuple (text, size) sets its size); with
    ``header``, the first row stands 40 points above the others, as a running header does."""
    pieces = []
    y = top
    for i, t in enumerate(texts):
        text, s = t if isinstance(t, tuple) else (t, size)
        pieces.append(Piece(text, 72, y, s))
        y -= 40 if header and i == 0 else step
    return Page(number, tuple(rows(pieces)))


def test_a_raised_small_piece_is_a_superscript_of_the_row_below():
    got = rows([Piece("covered person", 72, 700, 11), Piece(" or", 160, 700, 11), Piece("1", 150, 704, 6.6)])
    (row,) = got
    assert row.segments() == [("covered person", False), ("1", True), (" or", False)]
    # drawn first, before its row (a footnote's number): still that row's, at its x
    (note,) = rows([Piece("1", 72, 102.8, 4.8), Piece(" For greater certainty", 74.4, 100, 8)])
    assert note.segments()[0] == ("1", True)


def test_a_small_number_glued_to_a_word_is_a_marker_but_not_a_small_word():
    (row,) = rows([Piece("Organization;", 72, 500, 10), Piece("4", 72, 500, 6)])
    assert row.segments()[-1] == ("4", True)
    (row,) = rows([Piece("Article 2", 72, 500, 10), Piece(" bis", 72, 500, 6)])
    assert row.segments()[-1] == (" bis", False)
    (row,) = rows([Piece("commerce.", 72, 500, 10), Piece("7", 72, 504, 6), Piece(", ", 72, 504, 6),
                   Piece("8", 72, 504, 6)])
    assert row.segments()[-1] == ("7, 8", True)


@pytest.mark.parametrize("number", ["12", "12-3", "- 12 -", "Page 12 of 40", "page 3", "12/40", "\u2013 7 \u2013"])
def test_page_numbers_at_the_top_or_foot_are_dropped(number):
    page = _page(1, ["Article 1: Scope", "The Parties agree on this.", number])
    assert furniture([page]) == {(1, 2)}


def test_a_running_header_is_dropped_but_headings_at_the_top_of_pages_are_not():
    pages = [_page(n, ["Agreement between Alpha and Beta", f"Article {n}", f"Words of article {n}.", "More."],
                   header=True) for n in range(1, 7)]
    assert furniture(pages) == {(n, 0) for n in range(1, 7)}  # "Article 1" ... "Article 6" stay
    # a header that counts the pages ("Chapter 2 - 5", "Chapter 2 - 6", ...) is one too
    pages = [_page(n, [f"Chapter 2 - {n + 4}", f"Words of article {n}.", "More."], header=True) for n in range(1, 5)]
    assert furniture(pages) == {(n, 0) for n in range(1, 5)}
    # the same words at the top of pages, but one line of the text (the next row at the usual spacing): kept
    pages = [_page(n, ["Agreement between Alpha and Beta", f"Article {n}", f"Words of article {n}.", "More."])
             for n in range(1, 7)]
    assert furniture(pages) == set()
    # "ARTICLE 1" opening a chapter at the top of four of eight pages is a heading
    pages = [_page(n, ["ARTICLE 1" if n % 2 == 0 else f"ARTICLE {n + 10}", f"Title {n}", f"Words {n}.", f"More {n}."],
                   header=True) for n in range(1, 9)]
    assert furniture(pages) == set()


def test_footnotes_at_the_foot_of_the_page_and_their_markers():
    pieces = [Piece("Each Party shall protect, in accordance with its laws, a covered person", 72, 700, 11),
              Piece("1", 300, 704, 6.6), Piece(".", 304, 700, 11), Piece("1 For greater certainty, a person", 72, 120, 8),
              Piece("of a Party.", 72, 110, 8), Piece("- 1 -", 290, 30, 8)]
    body, notes = split([Page(1, tuple(rows(pieces)))])
    assert [visible(x.text) for x in body] == ["Each Party shall protect, in accordance with its laws, a covered person."]
    (note,) = notes
    assert keys(body[0].text) == [note.key] and note.number == "1"
    assert [x.text for x in note.lines] == ["For greater certainty, a person", "of a Party."]
    assert [x.at for x in note.lines] == [Position(1, 2), Position(1, 3)]


def test_small_text_at_the_foot_that_starts_no_footnote_stays_in_the_body():
    page = _page(1, ["Article 1: Scope", "The Parties agree.", ("Signed at Geneva in two originals.", 8)])
    body, notes = split([page])
    assert notes == [] and visible(body[-1].text) == "Signed at Geneva in two originals."


@pytest.mark.parametrize("head,tail,kept", [
    ("commit", "ment", False),       # nothing says it is hyphenated: the typesetter's hyphen
    ("Non", "Conforming", True),     # a capital
    ("e", "mail", True),             # one letter
    ("non", "discriminatory", True),  # a prefix written with a hyphen
    ("cross", "border", True),       # found hyphenated elsewhere
    ("elec", "tronic", False),       # found joined elsewhere
    ("sector", "specific", True),    # both words elsewhere, the joined one not
])
def test_a_hyphen_at_a_line_end_is_kept_or_dropped_by_the_documented_rules(head, tail, kept):
    words = frozenset({"cross-border", "electronic", "sector", "specific", "commit"})
    assert keeps_hyphen(head, tail, words) is kept


def test_repair_moves_the_word_up_and_drops_an_emptied_line():
    at = [Position(1, n) for n in range(1, 5)]
    lines = [Line("the Parties shall com-", at[0]), Line("mit to this.", at[1]), Line("a cross-", at[2]),
             Line("border. ", at[3])]
    assert [(x.text, x.at.line) for x in repair(lines + [Line("cross-border data", at[0])])][:3] == [
        ("the Parties shall commit", 1), ("to this.", 2), ("a cross-border.", 3)]


def test_plain_text_records_lines_and_reads_markdown_footnotes():
    text = ("AGREEMENT\n\nArticle 1: Scope[^1]\n\n1. A covered person[^2] is\nprotected.\n\n"
            "[^1]: Heading note.\n[^2]: Body note, which\nruns on.\n\nArticle 2: Other\n\nMore words.\n")
    raw, _ = read_text(text, "t.txt")
    first, second = raw.articles
    assert first.at == Position(None, 3) and first.ref == "line 3" and first.title == "Scope"
    assert first.text == "1. A covered person is\nprotected.\n\nHeading note.\n\nBody note, which\nruns on."
    assert [(f.number, f.anchor, f.at.line) for f in first.footnotes] == [("1", None, 8), ("2", 19, 9)]
    assert first.position(first.text.index("protected")) == Position(None, 6)
    assert first.position(first.text.index("runs on")) == Position(None, 10)
    assert [(p.at.line, p.footnote) for p in first.paragraphs()] == [(5, None), (8, "1"), (9, "2")]
    assert second.at == Position(None, 12) and second.footnotes == ()
