"""Line wrapping: what ``textwrap.wrap`` gives with its default options, without importing it.

:mod:`textwrap` compiles its word-splitting expression when it is imported and builds a
``TextWrapper`` on every call: a few per cent of a ``tradegap report`` that wraps about a hundred
short paragraphs.  :func:`wrap` gives the same lines for the options the renderers use (``width``,
the two indents, ``break_on_hyphens``; tabs expanded to 8, whitespace made spaces, whitespace at
line ends dropped, long words broken).  It follows textwrap's two steps: the text cut into chunks
(runs of spaces; words, cut after a hyphen between letters as textwrap's expression cuts them), then
the chunks laid into lines by textwrap's own loop.  ``tests/util/test_wrap.py`` compares the two on
generated paragraphs.
"""

from __future__ import annotations

import re

_WHITESPACE = "\t\n\x0b\x0c\r "  # what textwrap calls whitespace (ASCII only; U+00A0 is a word character)
_TO_SPACE = {ord(c): " " for c in _WHITESPACE}
_RUNS = re.compile(r" +|[^ ]+")  # after the whitespace is made spaces: runs of spaces, and words
_WORD_PUNCTUATION = "!\"'&.,?"


def wrap(text: str, width: int = 70, initial_indent: str = "", subsequent_indent: str = "",
         break_on_hyphens: bool = True) -> list[str]:
    """``textwrap.wrap(text, width, initial_indent=..., subsequent_indent=..., break_on_hyphens=...)``.

    Raises:
        ValueError: ``width`` is not positive (as textwrap does).
    """
    if width <= 0:
        raise ValueError(f"invalid width {width!r} (must be > 0)")
    text = text.expandtabs(8).translate(_TO_SPACE)
    chunks: list[str] = []
    for run in _RUNS.findall(text):
        if break_on_hyphens and "-" in run:
            chunks.extend(_word_chunks(run))
        else:
            chunks.append(run)
    return _lines(chunks, width, initial_indent, subsequent_indent, break_on_hyphens)


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
    """textwrap's ``TextWrapper._wrap_chunks`` (whitespace dropped at line ends, long words broken)."""
    lines: list[str] = []
    chunks.reverse()
    while chunks:
        indent = subsequent_indent if lines else initial_indent
        room = width - len(indent)
        line: list[str] = []
        used = 0
        if chunks[-1].strip() == "" and lines:
            del chunks[-1]
        while chunks and used + len(chunks[-1]) <= room:
            used += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and len(chunks[-1]) > room:
            _break_long_word(chunks, line, used, room, break_on_hyphens)
        if line and line[-1].strip() == "":
            del line[-1]
        if line:
            lines.append(indent + "".join(line))
    return lines


def _break_long_word(chunks: list[str], line: list[str], used: int, room: int, break_on_hyphens: bool) -> None:
    """textwrap's ``_handle_long_word``: as much of the next chunk as fits (at least one character),
    cut after its last hyphen that fits if non-hyphens come before it."""
    space_left = 1 if room < 1 else room - used
    chunk = chunks[-1]
    end = space_left
    if break_on_hyphens and len(chunk) > space_left:
        hyphen = chunk.rfind("-", 0, space_left)
        if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
            end = hyphen + 1
    line.append(chunk[:end])
    chunks[-1] = chunk[end:]
