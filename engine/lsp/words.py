"""The words of a text around a cursor: which word it is on, and what was written before it.

Hover and completion must work on text that does not parse (the drafter is typing), so they read the
words directly: names, numbers, party codes, dates, strings, braces, with comments left out.  Every
statement of the language starts with a keyword, so the words since the last keyword that starts a
statement of the enclosing block say what may come next.
"""

from __future__ import annotations

import enum
import re
from typing import Optional, Sequence

import attrs

from engine.lsp.language import STARTERS, TAKES_A_WORD, TOP

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|\.\.|[A-Za-z0-9][A-Za-z0-9.-]*|[{}()]')
_CODE = re.compile(r"[A-Z]{2,3}")


class Kind(enum.Enum):
    """What a word of the text is."""

    WORD = enum.auto()  # a keyword or a name
    NUMBER = enum.auto()  # an article or chapter number, a date, a whole number
    CODE = enum.auto()  # a party code
    STRING = enum.auto()
    SYMBOL = enum.auto()  # { } ( ) ..


@attrs.frozen
class Word:
    """One word of the text: 0-based line, columns in characters (end exclusive)."""

    text: str
    line: int
    start: int
    end: int
    kind: Kind


def _kind(text: str) -> Kind:
    if text.startswith('"'):
        return Kind.STRING
    if text[0].isdigit():
        return Kind.NUMBER
    if _CODE.fullmatch(text):
        return Kind.CODE
    return Kind.WORD if text[0].isalpha() else Kind.SYMBOL


def words(lines: Sequence[str], upto: Optional[tuple[int, int]] = None) -> list[Word]:
    """The words of the lines (comments left out), up to a (line, column) if given."""
    out: list[Word] = []
    last = len(lines) if upto is None else min(upto[0] + 1, len(lines))
    for index in range(last):
        line = lines[index] if upto is None or index < upto[0] else lines[index][:upto[1]]
        for m in _TOKEN.finditer(line):
            if not m.group().startswith("#"):
                out.append(Word(m.group(), index, m.start(), m.end(), _kind(m.group())))
    return out


def word_at(lines: Sequence[str], line: int, column: int) -> Optional[Word]:
    """The word (not a string, comment or symbol) the cursor is on or just after, or None."""
    if not 0 <= line < len(lines):
        return None
    for w in words(lines[line:line + 1]):
        if w.start <= column <= w.end and w.kind not in (Kind.STRING, Kind.SYMBOL):
            return attrs.evolve(w, line=line)
    return None


@attrs.frozen
class Context:
    """What is written before a cursor: the blocks it stands in, the statement it is in, the word typed so far.

    ``blocks`` are the keywords that opened the enclosing blocks, outermost first (``agreement``, ``chapter``,
    ``article``); ``statement`` the words of the statement the cursor is in, from its keyword, not counting
    ``typed``, the part of a word under the cursor.
    """

    blocks: tuple[str, ...]
    statement: tuple[Word, ...]
    typed: str = ""

    @property
    def block(self) -> str:
        """The innermost block (``""`` at the top of the file)."""
        return self.blocks[-1] if self.blocks else ""

    @property
    def keyword(self) -> str:
        """The keyword the statement starts with (``""`` where a statement would start)."""
        return self.statement[0].text if self.statement else ""

    @property
    def args(self) -> tuple[str, ...]:
        """The words of the statement after its keyword."""
        return tuple(w.text for w in self.statement[1:])

    @property
    def statement_words(self) -> tuple[str, ...]:
        """The words of the statement, its keyword first."""
        return tuple(w.text for w in self.statement)


def _starts_statement(w: Word, block: str, statement: list[Word]) -> bool:
    """Whether ``w`` starts a statement of ``block`` (not the word a `remove` or `status` takes)."""
    if w.kind is not Kind.WORD or w.text not in STARTERS.get(block, ()):
        return False
    return not (statement and statement[-1].text in TAKES_A_WORD)


def context(lines: Sequence[str], line: int, column: int) -> Context:
    """What is written before the cursor at a 0-based ``line`` and character ``column``."""
    before = words(lines, (line, column))
    typed = ""
    if before and (before[-1].line, before[-1].end) == (line, column) and before[-1].kind in (
            Kind.WORD, Kind.NUMBER, Kind.CODE):
        typed = before.pop().text
    blocks: list[str] = []
    statement: list[Word] = []
    for w in before:
        block = blocks[-1] if blocks else TOP
        if w.text == "{":
            blocks.append(statement[0].text if statement else "")
            statement = []
        elif w.text == "}":
            blocks = blocks[:-1]
            statement = []
        elif _starts_statement(w, block, statement):
            statement = [w]
        elif statement or block == TOP:
            statement.append(w)
    return Context(tuple(blocks), tuple(statement), typed)


def written_base(lines: Sequence[str], line: int) -> tuple[Optional[str], tuple[str, ...]]:
    """The ``based-on ID [chapter N]...`` of the last agreement begun by a 0-based line, read from the words."""
    found = words(lines, (line, len(lines[line]) if 0 <= line < len(lines) else 0))
    starts = [i for i, w in enumerate(found) if w.text == "agreement"]
    ahead = found[starts[-1]:] if starts else found
    at = next((i for i, w in enumerate(ahead) if w.text == "based-on"), None)
    if at is None or at + 1 >= len(ahead) or ahead[at + 1].kind is not Kind.WORD:
        return None, ()
    chapters: list[str] = []
    rest = ahead[at + 2:]
    while len(rest) >= 2 and rest[0].text == "chapter" and rest[1].kind is Kind.NUMBER:
        chapters.append(rest[1].text)
        rest = rest[2:]
    return ahead[at + 1].text, tuple(chapters)
