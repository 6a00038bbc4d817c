"""Line wrapping: what ``textwrap.wrap`` gives with its default options, without importing it.

:mod:`textwrap` compiles its word-splitting expression when it is imported and builds a
``TextWrapper`` on every call: a few per cent of a ``tradegap report`` that wraps about a hundred
short paragraphs.  :func:`wrap` gives the same lines for the options the renderers use (``width``,
the two indents, ``break_on_hyphens``; tabs expanded to 8, whitespace made spaces, whitespace at
line ends dropped, long words broken).  It follows textwrap's two steps: the text cut into chunks
(runs of spaces; words, cut after a hyphen between letters as textwrap's expression cuts them), then
the chunks laid into lines by textwrap's own loop.  Most paragraphs are words one space apart with
no hyphen and no word longer than a line: their lines are found from where the words end, without the
chunks.  ``tests/util/test_wrap.py`` compares the two on generated paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_WHITESPACE = "\t\n\x0b\x0c\r "  # what textwrap calls whitespace (ASCII only; U+00A0 is a word character)
_TO_SPACE = {ord(c): " " for c in _WHITESPACE}
_RUNS = re.compile(r" +|[^ ]+")  # after the whitespace is made spaces: runs of spaces, and words
_NOT_SPACE = re.compile("[\t\n\x0b\x0c\r]")  # whitespace other than a space (a tab, a line end)
_WORD_PUNCTUATION = "!\"'&.,?"


def wrap(text: str, width: int = 70, initial_indent: str = "", subsequent_indent: str = "",
         break_on_hyphens: bool = True) -> list[str]:
    """``textwrap.wrap(text, width, initial_indent=..., subsequent_indent=..., break_on_hyphens=...)``.

    Raises:
        ValueError: ``width`` is not positive (as textwrap does).
    """
    if width <= 0:
        raise ValueError(f"invalid width {width!r} (must be > 0)")
    if _NOT_SPACE.search(text):
        text = text.expandtabs(8).translate(_TO_SPACE)
    words = text.split(" ")
    if _plain_words(words, text, width - max(len(initial_indent), len(subsequent_indent)), break_on_hyphens):
        return _word_lines(words, text, width, initial_indent, subsequent_indent)
    chunks: list[str] = []
    for run in _RUNS.findall(text):
        if break_on_hyphens and "-" in run:
            chunks.extend(_word_chunks(run))
        else:
            chunks.append(run)
    return _lines(chunks, width, initial_indent, subsequent_indent, break_on_hyphens)


def _plain_words(words: list[str], text: str, room: int, break_on_hyphens: bool) -> bool:
    """Whether ``text`` (split at its spaces into ``words``) is words one space apart, none empty, none
    holding other whitespace (U+00A0 is whitespace to ``str.strip``, as textwrap uses it), none cut at a
    hyphen and none longer than ``room``: its chunks are then the words and the spaces between them,
    and no word is broken."""
    return (bool(text) and words == text.split() and not (break_on_hyphens and "-" in text)
            and len(max(words, key=len)) <= room)


def _word_lines(words: list[str], text: str, width: int, initial_indent: str, subsequent_indent: str) -> list[str]:
    """textwrap's lines for a text :func:`_plain_words` accepts: each line as many whole
    words as fit, found with one bisection over where the words end (a line's last space is dropped,
    as is the space a line would start with)."""
    after = list(accumulate(map((1).__add__, map(len, words))))  # where the space after each word ends
    lines: list[str] = []
    k, pos, indent = 0, 0, initial_indent  # the next word, where it starts, the line's indent
    while k < len(after):
        k = bisect_right(after, pos + width - len(indent) + 1, k)  # words up to k - 1 fit (at least one does)
        lines.append(indent + text[pos:after[k - 1] - 1])
        pos, indent = after[k - 1], subsequent_indent
    return lines


def _w(c: str) -> bool:  # the expression's \w
    return c.isalnum() or c == "_"


def _letter(c: str) -> bool:  # [^\d\W]: a word character that is not a decimal digit
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _wp(c: str) -> bool:  # [\w!"'&.,?]
    return c.isalnum() or c == "_" or c in _WORD_PUNCTUATION


def _dashes_then_word(word: str, at: int) -> int:
    """Where a run of two or more hyphens starting at ``at`` ends, if a word character follows it; else -1."""
    end = at
    while end < len(word) and word[end] == "-":
        end += 1
    return end if end - at >= 2 and end < len(word) and _w(word[end]) else -1


def _cut_after_hyphen(word: str, j: int) -> bool:
    """Whether textwrap cuts ``word`` after the hyphen at ``j``: two letters (or letter, hyphen,
    letter) before it, and a letter, perhaps a hyphen, and a letter after it."""
    before = (j >= 2 and _letter(word[j - 2]) and _letter(word[j - 1])) or \
        (j >= 3 and _letter(word[j - 3]) and word[j - 2] == "-" and _letter(word[j - 1]))
    if not before or j + 2 >= len(word) or not _letter(word[j + 1]):
        return False
    return _letter(word[j + 2]) or (word[j + 2] == "-" and j + 3 < len(word) and _letter(word[j + 3]))


def _word_chunks(word: str) -> list[str]:
    """A word (no spaces) cut as textwrap's expression cuts it: after a hyphen between letters, and
    around a dash of two or more hyphens between words (``a--b``: ``a``, ``--``, ``b``).  The
    characters before the word count as a space."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        if i and word[i] == "-" and _wp(word[i - 1]):  # a dash starting a chunk
            end = _dashes_then_word(word, i)
            if end > 0:
                out.append(word[i:end])
                i = end
                continue
        j = i + 1
        while j < n:
            if word[j] == "-":
                if _cut_after_hyphen(word, j):
                    j += 1
                    break
                if _wp(word[j - 1]) and _dashes_then_word(word, j) > 0:
                    break
            j += 1
        out.append(word[i:j])
        i = j
    return out


def _lines(chunks: list[str], width: int, initial_indent: str, subsequent_indent: str,
           break_on_hyphens: bool) -> list[str]:
    """textwrap's ``TextWrapper._wrap_chunks`` (whitespace dropped at line ends, long words broken), the
    chunks that fit a line found with one bisection over where the chunks end rather than one by one."""
    text = "".join(chunks)
    ends = list(accumulate(map(len, chunks)))  # chunk k is text[ends[k - 1]:ends[k]] (text[:ends[0]] for k = 0)
    lines: list[str] = []
    k, pos = 0, 0  # the next chunk, and where it starts
    while k < len(ends):
        indent = subsequent_indent if lines else initial_indent
        room = width - len(indent)
        if lines and text[pos:ends[k]].strip() == "":  # whitespace at the start of a line after the first
            pos = ends[k]
            k += 1
            if k == len(ends):
                break
        start, first = pos, k
        k = bisect_right(ends, pos + room, k)  # chunks first..k-1 fit whole
        pos = ends[k - 1] if k > first else start
        last = first if k > first else -1  # where the line's last chunk starts (-1: none)
        if k > first:
            last = ends[k - 2] if k - 1 > first else start
        empty_head = False
        if k < len(ends) and ends[k] - pos > room:  # textwrap's _handle_long_word
            cut = _long_word_cut(text[pos:ends[k]], 1 if room < 1 else room - (pos - start), break_on_hyphens)
            empty_head = cut == 0
            if cut:
                ends.insert(k, pos + cut)
                last, pos, k = pos, pos + cut, k + 1
        end = pos
        if not empty_head and last >= 0 and text[last:end].strip() == "":
            end = last  # whitespace at the end of the line is dropped
        if end > start or (empty_head and last >= 0):
            lines.append(indent + text[start:end])
    return lines


def _long_word_cut(chunk: str, space_left: int, break_on_hyphens: bool) -> int:
    """How much of a chunk longer than the line goes on it (textwrap's ``_handle_long_word``): as much as
    fits, cut after its last hyphen that fits if non-hyphens come before it."""
    end = space_left
    if break_on_hyphens and len(chunk) > space_left:
        hyphen = chunk.rfind("-", 0, space_left)
        if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
            end = hyphen + 1
    return end
