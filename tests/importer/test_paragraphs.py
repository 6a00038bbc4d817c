"""An article cut into numbered paragraphs and segments: paragraph numbers in sequence, footnotes
moved to the paragraph (and item) of their mark, items one level under their chapeau."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.importer.paragraphs import CAPITALS, LETTERS, ROMAN, paragraph_starts, paragraphs, segments

ARTICLE = """1. Each Party shall adopt measures on electronic commerce.

2. The Parties agree to:

(a) exchange views on regulation; and

(b) endeavour to ensure that:

(i) rules are clear;2

(ii) costs are low.

 2 Ruritania shall not be required to apply this subparagraph for a period of five years.

3. Nothing in Article 16.3. shall prevent a Party from acting."""


def _text(raw: str, seg) -> str:
    return " ".join(raw[seg.start:seg.end].split())


def test_paragraphs_are_numbered_in_sequence_at_a_line_start_or_after_a_sentence():
    assert [label for _, label in paragraph_starts(ARTICLE)] == ["1", "2", "3"]
    inline = "1. The Parties recognise its value. 2. For greater certainty, nothing applies."
    assert [label for _, label in paragraph_starts(inline)] == ["1", "2"]
    # a number out of sequence, a decimal reference, a footnote number: none of them starts a paragraph
    assert paragraph_starts("Each Party shall apply Article 16.3 and\n3. not more.") == []
    assert paragraph_starts("No Party shall.\n11\nIn particular, a footnote.") == []


def test_an_article_without_numbered_paragraphs_is_one_paragraph():
    raw = "Each Party shall maintain its practice of not imposing customs duties."
    assert [label for label, _ in paragraphs(raw)] == [""]
    assert {s.paragraph for s in segments(raw)} == {""}


def test_a_footnote_moves_to_the_paragraph_and_item_of_its_mark():
    segs = segments(ARTICLE)
    note = [s for s in segs if s.footnote]
    assert len(note) == 1
    assert note[0].where == "2(b)(i)"
    assert _text(ARTICLE, note[0]).startswith("2 Ruritania shall not be required")
    # after the paragraph's own text, not between its items
    assert segs.index(note[0]) > max(i for i, s in enumerate(segs) if s.paragraph == "2" and not s.footnote)


def test_a_footnote_without_a_mark_stays_where_it_is_printed():
    raw = "1. Each Party shall act.\n\n 7 Some note.\n\n2. Each Party shall also act."
    note = [s for s in segments(raw) if s.footnote]
    assert [s.paragraph for s in note] == ["1"]


def test_items_sit_one_level_under_their_chapeau():
    segs = segments(ARTICLE)
    by_text = {_text(ARTICLE, s): s for s in segs}
    chapeau = by_text["2. The Parties agree to:"]
    assert chapeau.chapeau and chapeau.level == 0
    assert by_text["(a) exchange views on regulation; and"].level == LETTERS
    sub = by_text["(b) endeavour to ensure that:"]
    assert sub.chapeau and sub.level == LETTERS and sub.where == "2(b)"
    assert by_text["(ii) costs are low."].level == ROMAN
    assert by_text["(ii) costs are low."].where == "2(b)(ii)"


def test_an_i_after_h_is_a_letter_and_capitals_are_a_third_level():
    raw = "1. The Parties shall:\n(h) act;\n(i) act again;\n(j) and act:\n(A) first."
    levels = {_text(raw, s)[:3]: s.level for s in segments(raw)}
    assert levels["(h)"] == levels["(i)"] == levels["(j)"] == LETTERS
    assert levels["(A)"] == CAPITALS


def test_a_decimal_reference_does_not_end_a_segment_early():
    last = [s for s in segments(ARTICLE) if s.paragraph == "3"]
    assert "shall prevent a party" in " ".join(s.norm for s in last)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["1. ", "2. ", "3. ", "(a) ", "(ii) ", "Each Party shall act", ":", ";", ".",
                                 "\n", "\n\n", " 4 A note", "word4", ", each Party ", "x"]), max_size=30))
def test_segments_cover_the_text_in_order_without_overlap(parts):
    raw = "".join(parts)
    segs = segments(raw)
    own = [s for s in segs if not s.footnote]
    for a, b in zip(own, own[1:]):
        assert a.end <= b.start
    labels = {label for _, label in paragraph_starts(raw)} | {""}
    for s in segs:
        assert 0 <= s.start < s.end <= len(raw) and raw[s.start:s.end].strip()
        assert s.paragraph in labels
    covered = "".join(raw[s.start:s.end] for s in sorted(segs, key=lambda s: s.start))
    assert "".join(covered.split()) == "".join(raw.split())


PDF_ARTICLE = ("1. Each Party shall adopt measures on electronic commerce.\n\n"
               "2. Each Party shall not require a covered person to use computing facilities in its territory.\n\n"
               "3. The Parties recognise the importance of cooperation.\n\n"
               "Ruritania shall not be obliged to apply this paragraph for a period of five years.")


def test_a_footnote_the_reader_found_goes_to_the_paragraph_where_its_mark_stood():
    # a PDF reader takes the mark out of the words ("territory2" reads "territory") and puts the footnote after
    # the body, unnumbered: the paragraph comes from the mark's offset, not from the text
    start = PDF_ARTICLE.index("Ruritania")
    mark = PDF_ARTICLE.index(" in its territory") + len(" in its territory")
    known = ((start, len(PDF_ARTICLE), "2", mark),)
    found = {label: [(lo, hi, at) for lo, hi, at in spans if at is not None] for label, spans in
             paragraphs(PDF_ARTICLE, known)}
    assert found == {"1": [], "2": [(start, len(PDF_ARTICLE), mark)], "3": []}
    note = next(s for s in segments(PDF_ARTICLE, known) if "Ruritania" in PDF_ARTICLE[s.start:s.end])
    assert note.paragraph == "2"
    # without what the reader found, the unnumbered footnote reads as part of the last paragraph
    assert next(s for s in segments(PDF_ARTICLE) if "Ruritania" in PDF_ARTICLE[s.start:s.end]).paragraph == "3"
