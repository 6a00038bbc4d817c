"""The grammar (engine/syntax/grammar/tradegap.lark): keywords never take a vocabulary word's place.

The lexer is contextual: a word lexes as a keyword only where the parser can take that keyword.  Where a
list of names may be followed by a statement (topics, coverage, qualifiers, predicate arguments), a
vocabulary word spelled like a keyword that can start the next statement would end the list; these tests
write every vocabulary word in every such place.
"""

from __future__ import annotations

import pathlib

import pytest

from conftest import ROOT
from engine.language import model as M
from engine.language import vocab as V
from engine.language.predicates import PREDICATES
from engine.syntax.parse import parse_file, parse_text
from engine.syntax.printer import format_document

import strategies as S

NEW_KEYWORDS = {"coverage", "part", "unknown", "extendable", "paragraph", "paraphrase", "weight", "score",
                "numbering", "unnumbered", "ch", "page", "line", "for"}
VOCABULARY = (set(V.TOPICS) | set(V.PARTS) | set(V.FORMS) | set(V.SCOPE_ITEMS) | set(V.SOFTWARE_COVERAGE)
              | set(V.EXCEPTION_KINDS) | set(V.EXCEPTION_QUALIFIERS) | set(V.DISPUTE_SETTLEMENT_MODES)
              | set(V.VERIFICATION_LEVELS) | set(V.AGREEMENT_KINDS) | set(V.STATUSES) | set(V.GRADES)
              | set(V.REMOVABLE) | set(V.NUMBERINGS) | set(PREDICATES) | {V.COMPLETE, V.ANY_EXCEPTION})


def parse(text: str) -> M.Document:
    result = parse_text(text, "g.agr")
    assert result.document is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return result.document


def test_the_new_keywords_are_keywords_and_no_vocabulary_word():
    assert NEW_KEYWORDS <= S.KEYWORDS
    assert NEW_KEYWORDS & VOCABULARY == set()


def test_every_vocabulary_word_is_read_as_a_word_where_a_list_of_words_ends_before_a_statement():
    parts = sorted(V.PARTS)
    text = (f"agreement a {{\n  coverage {' '.join(parts)}\n  dispute-settlement applies\n"
            f"  exception general {' '.join(sorted(V.EXCEPTION_QUALIFIERS))}\n"
            f"  chapter 1 {{\n    exception general {' '.join(sorted(V.EXCEPTION_QUALIFIERS))}\n"
            f"    part {parts[1]}\n  }}\n"
            f"  article 1 {{\n    topic {' '.join(sorted(V.TOPICS))}\n    binding\n  }}\n}}\n"
            f"agreement b {{\n  coverage {' '.join(reversed(parts))}\n  dispute-settlement excluded\n}}\n")
    a, b = parse(text).items
    assert a.coverage == tuple(parts) and b.coverage == tuple(reversed(parts))
    assert a.exceptions[0].qualifiers == a.chapters[0].exceptions[0].qualifiers == tuple(sorted(V.EXCEPTION_QUALIFIERS))
    assert a.chapters[0].part == parts[1]
    assert a.articles[0].topics == tuple(sorted(V.TOPICS))
    assert [ds.mode for ds in a.dispute_settlement + b.dispute_settlement] == [V.DsMode.APPLIES, V.DsMode.EXCLUDED]


def test_every_vocabulary_word_is_read_as_a_predicate_argument_before_weight():
    words = sorted(VOCABULARY)
    doc = parse(f'norms n {{\n  norm m {{\n    require covers {" ".join(words)} weight 2 because "x"\n  }}\n}}\n')
    (requirement,) = doc.items[0].norms[0].requirements
    assert requirement.predicate == M.Atom("covers", tuple(words)) and requirement.weight == 2


@pytest.mark.parametrize("grade", sorted(V.GRADES))
def test_every_grade_can_be_expected_with_a_score_range(grade):
    (expectation,) = parse(f"expect a n.m {grade} score 0..100").items
    assert (expectation.grade, expectation.score_min, expectation.score_max) == (grade, 0, 100)


def test_no_part_is_spelled_like_a_keyword():
    # A word in a list (`coverage electronic-commerce dispute-resolution`) must not lex as the keyword that
    # starts the next statement; this is why the part is `dispute-resolution`, like the topic.
    assert set(V.PARTS) & S.KEYWORDS == set()


def _dsl_files() -> list[pathlib.Path]:
    folders = ("agreements", "rules", "examples", "tests/fixtures", "tests/conformance")
    return sorted(p for f in folders for p in (ROOT / f).rglob("*") if p.suffix in (".agr", ".norms", ".expect"))


@pytest.mark.parametrize("path", _dsl_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_file_of_the_repository_parses_and_formats_to_the_same_document(path):
    result = parse_file(str(path))
    assert result.document is not None and not [d for d in result.diagnostics if d.is_error]
    text = format_document(result.document)
    again = parse_text(text, str(path)).document
    assert again == result.document
    assert format_document(again) == text


def test_every_topic_is_read_as_a_word_in_a_commitment_per_topic_before_the_next_statement():
    topics = sorted(V.TOPICS)
    doc = parse(f"agreement a {{\n  article 1 {{\n    topic {' '.join(topics)}\n    hortatory for {' '.join(topics)}\n"
                f"    binding for {' '.join(reversed(topics))} paragraph \"2\"\n    verification auto\n  }}\n}}\n")
    (art,) = doc.items[0].articles
    assert [c.topics for c in art.topic_commitments] == [tuple(topics), tuple(reversed(topics))]
    assert art.verification == "auto"
