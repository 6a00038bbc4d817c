"""`based-on X chapter N` takes one chapter of a base; `omit chapter N` leaves one out; an empty file is an error."""

import engine
from engine.api import format_source
from engine.language import codes as C
from engine.language import vocab as V


def _corpus(text):
    return engine.parse(text, "d.agr")


def test_a_draft_based_on_one_chapter_takes_only_that_chapter():
    corpus = _corpus('agreement d "D" { based-on cptpp chapter 14  status draft  parties KR JP }')
    assert not corpus.errors
    d = corpus.agreement("d")
    assert [ch.number for ch in d.chapters] == ["14"]
    assert d.articles == ()
    assert d.coverage == ()  # the base's `coverage` does not carry over to a part of it
    report = engine.evaluate(d, corpus.norms("cptpp21"))
    assert report.finding("d", "cptpp21.soe-non-commercial-assistance").grade == V.Grade.NOT_ENCODED


def test_chapters_of_the_base_can_be_amended_and_a_missing_one_is_reported():
    corpus = _corpus('agreement d { based-on cptpp chapter 14 chapter 99\n'
                     '  amend article 14.17 { remove scope critical-infrastructure }\n'
                     '  amend article 17.6 { }\n}')
    found = sorted((d.code, d.message) for d in corpus.diagnostics if d.span.file == "d.agr")
    assert found == [(C.NOT_IN_BASE.id, "article 17.6 is not in `cptpp`, so it cannot be amended"),
                     (C.NOT_IN_BASE.id, "chapter 99 is not in `cptpp`, so it cannot be taken")]


def test_omit_chapter_removes_a_chapter_with_its_articles():
    corpus = _corpus('agreement d { based-on cptpp  omit chapter 17 "no SOE rules"  omit chapter 98 }')
    d = corpus.agreement("d")
    assert "17" not in [ch.number for ch in d.chapters]
    assert "17.6" not in [a.number for _, a in d.all_articles()]
    (diag,) = [x for x in corpus.diagnostics if x.span.file == "d.agr"]
    assert diag.message == "chapter 98 is not in `cptpp`, so it cannot be omitted"


def test_chapter_statements_need_a_base():
    corpus = _corpus("agreement d { chapter 14  omit chapter 3 }")
    assert [d.code for d in corpus.errors if d.span.file == "d.agr"] == [C.NOT_ALLOWED_HERE.id] * 2


def test_the_formatter_writes_chapter_choices_back():
    text = 'agreement d {\n  based-on cptpp chapter 14 chapter 9\n\n  omit chapter 3 "why"\n  omit article 9.1\n}\n'
    assert format_source(text) == text


def test_an_empty_file_or_one_of_comments_defines_nothing():
    for text in ("", "\n\n", "# a truncated draft\n# nothing else\n"):
        (diag,) = engine.parse(text, "empty.agr").errors
        assert diag.code == C.DEFINES_NOTHING.id
        assert (diag.span.file, diag.span.line) == ("empty.agr", 1)
