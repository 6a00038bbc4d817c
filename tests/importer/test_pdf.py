"""Importing a PDF: the same agreement as the same treaty in plain text, with pages and lines recorded.

The PDFs are made by the suite (``conftest.made``): a synthetic treaty, and RCEP from shared/texts when it
is there, each in three layouts (running headers, page numbers ``12-3``, ``Page N of M`` and ``- 3 -``,
footnotes at the foot of the page, justified and hyphenated text, headings of several shapes).
"""

from __future__ import annotations

import re

import attrs
import pytest

from engine.importer import detect_format, import_file
from engine.importer.pdf import read_pdf
from engine.importer.plaintext import read_text
from engine.importer.positions import place_quotes, source_of
from engine.language import model as M
from made_pdfs import TEXTS, layout, made  # noqa: F401  (fixtures)


def _comparable(agreement):
    """The agreement without what names its file (id, source, the notes that say how it was read), and its
    quotes' citations without the page and line only a PDF gives."""
    return _without_pages(attrs.evolve(agreement, id="x", source=None, notes=()))


def _without_pages(x):
    if isinstance(x, M.Citation):  # a text cites a quote of the article it stands in only for its footnote
        return attrs.evolve(x, page=None, line=None) if x.footnote is not None else None
    if isinstance(x, tuple):
        return tuple(_without_pages(y) for y in x)
    if not attrs.has(type(x)):
        return x
    changes = {}
    for f in attrs.fields(type(x)):
        value = getattr(x, f.name)
        if f.init and (isinstance(value, tuple) or attrs.has(type(value))):
            changes[f.name] = _without_pages(value)
    return attrs.evolve(x, **changes)


def _raw_pdf(path):
    raw, diags = read_pdf(path.read_bytes(), str(path))
    assert raw is not None, diags
    return raw


def _articles(raw):
    return [a for c in raw.chapters for a in c.articles] + list(raw.articles)


@pytest.mark.parametrize("which", ["synthetic", "rcep"])
def test_a_pdf_imports_to_the_agreement_its_text_imports_to(made, layout, which):
    if which not in made:
        pytest.skip("shared/texts/rcep.txt is not there")
    m = made[which]
    from_text = import_file(str(m.text))
    from_pdf = import_file(str(m.pdfs[layout]))
    assert from_pdf.format == "pdf" and from_pdf.ok, from_pdf.diagnostics
    # articles, numbers as written, titles, topics, strengths, exceptions, every quote's words
    assert _comparable(from_pdf.agreement) == _comparable(from_text.agreement)
    assert from_pdf.stats == from_text.stats
    numbers = [a.number for c in from_pdf.agreement.chapters for a in c.articles]
    assert numbers == [b.number for b in m.treaty.blocks if b.kind == "article"]


@pytest.mark.parametrize("which", ["synthetic", "rcep"])
def test_every_heading_records_the_page_and_line_it_is_drawn_on(made, layout, which):
    if which not in made:
        pytest.skip("shared/texts/rcep.txt is not there")
    m = made[which]
    raw = _raw_pdf(m.pdfs[layout])
    placed = m.placed[layout]
    for chapter in raw.chapters:
        number = chapter.label.split()[-1]
        assert chapter.ref == "page {} line {}".format(*placed[f"chapter {number}"])
    for article in _articles(raw):
        number = article.label.split()[-1]
        assert (article.at.page, article.at.line) == placed[f"article {number}"]
        assert article.ref == str(article.at)


def test_running_headers_page_numbers_and_footnote_texts_stay_out_of_the_body(made, layout):
    m = made["synthetic"]
    raw = _raw_pdf(m.pdfs[layout])
    for article in _articles(raw):
        body = article.text[:article.footnotes[0].start] if article.footnotes else article.text
        assert NAME_WORDS not in body and "Page " not in body
        assert not re.search(r"^\s*(?:\d+-\d+|- \d+ -)\s*$", article.text, re.MULTILINE)
        assert "For greater certainty" not in body  # every footnote of the synthetic treaty says so


NAME_WORDS = "between Alpha and Beta"


def test_a_superscript_marker_is_a_footnote_of_its_article_not_part_of_a_word(made, layout):
    raw = _raw_pdf(made["synthetic"].pdfs[layout])
    definitions = _articles(raw)[0]
    assert "covered person means" in definitions.text and "person1" not in definitions.text
    (note,) = [f for f in definitions.footnotes if f.number == "1"]
    assert definitions.text[note.anchor - len("covered person"):note.anchor] == "covered person"
    assert definitions.text[note.start:note.end].startswith("For greater certainty, a covered person")
    scope = _articles(raw)[1]
    assert scope.title == "Scope" and [(f.number, f.anchor) for f in scope.footnotes] == [("2", None)]
    # "... this Article.3, 4" printed as two markers side by side: two footnotes at the same place
    paperless = _articles(raw)[2]
    three, four = paperless.footnotes
    assert (three.number, four.number) == ("3", "4") and three.anchor == four.anchor
    assert paperless.text[three.anchor - 8:three.anchor] == "Article."
    assert three.at.page is not None and three.at.line > 1


def test_hyphenated_line_ends_are_joined_and_real_hyphens_kept(made):
    m = made["synthetic"]
    raw = _raw_pdf(m.pdfs["B"])  # justified, words hyphenated at line ends
    text = " ".join(a.text for a in _articles(raw))
    pdf_words = set(re.findall(r"[\w-]+", text))
    text_words = set(re.findall(r"[\w-]+", " ".join(a.text for a in _articles(read_text(m.text.read_text(), "t.txt")[0]))))
    assert pdf_words == text_words
    assert {"non-discriminatory", "e-mail", "Non-Conforming", "notwithstanding"} <= pdf_words


def test_quotes_are_found_at_their_page_line_and_footnote(made):
    m = made["rcep"] if "rcep" in made else None
    if m is None:
        pytest.skip("shared/texts/rcep.txt is not there")
    from engine.importer import bundled_rules
    from engine.importer.build import build_agreement

    raw = _raw_pdf(m.pdfs["A"])
    agreement, _ = build_agreement(raw, bundled_rules())
    seen = []
    for item, article in zip(_articles(raw), [a for c in agreement.chapters for a in c.articles]):
        place_quotes(article, item, lambda q, s, n=article.number: seen.append((n, s, q.text)) or q)
    assert seen and all(s.page is not None for _, s, _ in seen)
    by_article = {}
    for number, s, words in seen:
        by_article.setdefault(number, []).append((s.footnote, words))
    # the transitions of Art. 12.14 are read from its footnote 11, and cited there
    assert any(fn == "11" and words.startswith("Cambodia, Lao PDR, and Myanmar") for fn, words in by_article["12.14"])
    assert all(fn is None for fn, _ in by_article["12.11"])


def test_the_text_and_the_pdf_of_rcep_give_the_same_articles_and_topics(made):
    """The raw text (a PDF dump with footnotes and page numbers where they fell) against a PDF of it."""
    if "rcep" not in made:
        pytest.skip("shared/texts/rcep.txt is not there")
    raw_text = import_file(str(TEXTS / "rcep.txt")).agreement
    pdf = import_file(str(made["rcep"].pdfs["A"])).agreement
    topics = lambda a: [(x.number, x.topics) for c in a.chapters for x in c.articles]  # noqa: E731
    assert topics(pdf) == topics(raw_text)


def test_the_format_is_detected_from_the_header(made):
    data = made["synthetic"].pdfs["A"].read_bytes()
    assert detect_format(data) == "pdf" and detect_format(b"junk\n" + data) == "pdf"
    assert detect_format(b"Article 1 mentions %PDF-1.4 in its text\n") == "text"


def test_progress_is_told_page_by_page(made):
    calls = []
    result = import_file(str(made["synthetic"].pdfs["A"]), progress=lambda done, total: calls.append((done, total)))
    assert result.ok
    total = calls[-1][1]
    assert total >= 3 and calls == [(n, total) for n in range(1, total + 1)]


def test_source_of_finds_words_across_line_breaks_and_in_the_heading(made):
    raw = _raw_pdf(made["synthetic"].pdfs["A"])
    paperless = _articles(raw)[2]
    first = paperless.paragraphs()[0]
    assert first.at == paperless.lines[0][1] and first.footnote is None
    words = " ".join(paperless.text[first.start:first.end].split()[3:12])
    assert source_of(paperless, words).line in {pos.line for _, pos in paperless.lines}
    assert source_of(paperless, "Paperless Trading") == attrs.evolve(source_of(paperless, "Paperless Trading"),
                                                                      page=paperless.at.page, line=paperless.at.line)
    assert source_of(paperless, "words that are not there") is None


def test_words_written_twice_get_no_page_and_line_rather_than_the_first_copys():
    from engine.importer.raw import Position, RawArticle

    text = "1. Each Party shall act.\n\n2. Each Party shall act."
    raw = RawArticle("1", "Title", text, "line 1", Position(3, 1),
                     lines=((0, Position(3, 2)), (text.index("2."), Position(3, 4))))
    assert source_of(raw, "Each Party shall act.") is None
    assert source_of(raw, "1. Each Party").line == 2 and source_of(raw, "2. Each Party").line == 4


def test_pypdf_is_imported_only_when_a_pdf_is_read():
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys; from engine.importer import import_file; "
            "import_file('tests/fixtures/import/treaty.txt'); import engine.cli.import_cmd; "
            "print('pypdf' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
