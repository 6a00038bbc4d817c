"""Reading a treaty in plain text: which lines are headings, where titles and bodies go."""

from __future__ import annotations

from engine.importer.plaintext import read_text


def _read(text: str):
    raw, diags = read_text(text, "folder/my-treaty.txt")
    assert raw is not None, diags
    return raw


def _articles(raw):
    return [(a.label, a.title, a.text) for c in raw.chapters for a in c.articles]


def test_title_on_the_next_line_is_read_once():
    raw = _read("CHAPTER 12\n\nElectronic Commerce\n\nARTICLE 8\n\nDefinitions\n\n1. For the purposes of this Chapter:\n")
    (chapter,) = raw.chapters
    assert (chapter.label, chapter.title, chapter.ref) == ("CHAPTER 12", "Electronic Commerce", "line 1")
    # the title line is not read again as body text, and a numbered paragraph is not a title
    assert _articles(raw) == [("ARTICLE 8", "Definitions", "1. For the purposes of this Chapter:")]
    assert chapter.articles[0].ref == "line 5"


def test_a_numbered_paragraph_is_not_a_title():
    raw = _read("Article 3\n1. Each Party shall adopt measures.\n")
    assert raw.articles[0].title is None and raw.articles[0].text == "1. Each Party shall adopt measures."


def test_headings_that_read_as_running_text_stay_in_the_body():
    # a heading is a line of its own: after a blank line, or a line that ends a sentence
    text = ("Chapter 1: General\n\n"
            "Article 1.1: Scope\n"
            "This Chapter applies as set out in\n"
            "Article 44. It also applies to measures.\n"      # continues the sentence before it
            "\nArticle 10.8 (Reservations) applies.\n"       # not a title: it opens with a bracket
            "\nArticle 8.71 of the Agreement shall apply.\n"  # not a title: it reads on
            "\nArticle Definitions\n"                         # no number
            "\nArticle 1.2 - Cooperation\n"
            "The Parties shall cooperate.\n")
    raw = _read(text)
    assert [(a[0], a[1]) for a in _articles(raw)] == [("Article 1.1", "Scope"), ("Article 1.2", "Cooperation")]
    body = _articles(raw)[0][2]
    for line in ("Article 44.", "Article 10.8 (Reservations)", "Article 8.71 of the", "Article Definitions"):
        assert line in body


def test_markdown_marks_page_numbers_and_header_lines():
    text = ("# converted from PDF\n# page 1\n"
            "AGREEMENT ON DIGITAL TRADE\n\nPreamble words.\n\n"
            "## CHAPTER 2 DIGITAL TRADE\n"
            "**Article 2.1: Paperless Trading**\n"
            "Each Party shall accept\n"
            "- 3 -\n"
            "documents in electronic form.\n")
    raw = _read(text)
    assert raw.title == "AGREEMENT ON DIGITAL TRADE" and raw.ident == "my-treaty" and raw.source == "my-treaty.txt"
    assert any("before the first heading" in n for n in raw.notes)
    ((label, title, body),) = _articles(raw)
    assert (raw.chapters[0].title, label, title) == ("DIGITAL TRADE", "Article 2.1", "Paperless Trading")
    assert body == "Each Party shall accept\n\ndocuments in electronic form."  # the page number is dropped


def test_articles_before_any_chapter_stand_alone():
    raw = _read("Article 1: Objectives\nTo promote trade.\nCHAPTER 2 SERVICES\nArticle 2.1: Scope\nIt applies.\n")
    assert [(a.label, a.title, a.text) for a in raw.articles] == [("Article 1", "Objectives", "To promote trade.")]
    assert _articles(raw) == [("Article 2.1", "Scope", "It applies.")]
    assert not any("before the first heading" in n for n in raw.notes)


def test_an_empty_chapter_is_kept_and_the_last_article_is_closed():
    raw = _read("CHAPTER 1 ONE\nCHAPTER 2 TWO\nArticle 2.1: Last\nfinal words")
    assert [(c.title, len(c.articles)) for c in raw.chapters] == [("ONE", 0), ("TWO", 1)]
    assert raw.chapters[1].articles[0].text == "final words"


def test_no_article_heading_gives_a_diagnostic():
    raw, diags = read_text("CHAPTER 1 GENERAL\nSome words.\n", "t.txt")
    assert raw is None and [d.code for d in diags] == ["E0507"]


def test_the_title_is_the_line_that_names_the_agreement_not_a_cover_pages_letterhead():
    from engine.importer.plaintext import lead_title

    lead = ["**World Trade Organization**", "**Document symbol** INF/ECOM/87",
            "# JOINT STATEMENT INITIATIVE ON ELECTRONIC COMMERCE",
            "We recognise the importance of global electronic commerce under this Agreement.",
            "# AGREEMENT ON ELECTRONIC COMMERCE"]
    assert lead_title(lead) == "AGREEMENT ON ELECTRONIC COMMERCE"
    assert lead_title(["Free Trade Agreement between Alpha and Beta", "Preamble"]) == (
        "Free Trade Agreement between Alpha and Beta")
    assert lead_title(["**Some Ministry**", "Notes on the text"]) == "Some Ministry"
    assert lead_title([]) is None
