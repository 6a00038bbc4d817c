"""engine.util.wrap gives textwrap.wrap's lines (the renderers' options) on generated paragraphs."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from engine.util.wrap import wrap

# Words from the characters textwrap's expression treats apart: letters (ASCII and not), digits, the
# underscore, hyphens, the punctuation that ends a word, other punctuation, every kind of whitespace
# textwrap knows (and U+00A0, U+3000, which it does not).
PIECES = st.sampled_from([
    "a", "b", "Z", "é", "ß", "字", "1", "٣", "_", "-", "--", "---", "!", '"', "'", "&", ".", ",", "?", ";", "(", ")",
    "/", "·", "—", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\u00a0", "\u3000", "cross-border", "e-commerce",
    "non-discriminatory", "a-b-c", "x--y", "well-known", "co-operation", "self-judging", "14.2", "art.",
    "supercalifragilistic", "          ", "\t\t",
])
PARAGRAPHS = st.lists(PIECES, max_size=60).map("".join)
INDENTS = st.sampled_from(["", " ", "  - ", "     why: ", "x" * 12])


@given(PARAGRAPHS, st.integers(1, 90), INDENTS, INDENTS, st.booleans())
@settings(max_examples=3000, deadline=None)
@example("cross-border data flows", 6, "", "", True)
@example("a--b c---d --e f--", 3, "", "", True)
@example("aa-bb-cc a-b-cc ab-c-d", 4, "  ", "", True)
def test_the_same_lines_as_textwrap(text, width, first, rest, hyphens):
    # An indent as wide as the line makes textwrap loop for ever on a text that starts with a space
    # (both do); the renderers' indents are far narrower than their widths.
    assume(len(first) < width and len(rest) < width)
    assert wrap(text, width, first, rest, hyphens) == textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=hyphens)


def test_the_same_lines_on_every_bundled_text(corpus):
    for f in corpus.files:
        for line in f.text.split("\n"):
            for width in (10, 26, 78):
                assert wrap(line, width, "  ", "    ") == textwrap.wrap(line, width, initial_indent="  ",
                                                                        subsequent_indent="    ")


def test_a_width_that_is_not_positive_is_refused_as_textwrap_refuses_it():
    with pytest.raises(ValueError, match="invalid width 0"):
        wrap("x", 0)


WORDS = st.lists(st.text(st.sampled_from("abZé字1_.,!'\"()/·—-"), min_size=1, max_size=14), min_size=1, max_size=40)


@given(WORDS, st.integers(1, 90), INDENTS, INDENTS, st.booleans())
@settings(max_examples=2000, deadline=None)
@example(["cross", "border", "data", "flows"], 6, "", "", True)
@example(["abcdef", "ab"], 6, "", "  ", True)
def test_words_one_space_apart_wrap_as_textwrap_wraps_them(words, width, first, rest, hyphens):
    # The common case (words one space apart, no hyphen to cut at, none longer than a line) takes a
    # shorter path; it must give textwrap's lines too, and the cases around it the longer path's.
    assume(len(first) < width and len(rest) < width)
    text = " ".join(words)
    assert wrap(text, width, first, rest, hyphens) == textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=hyphens)
