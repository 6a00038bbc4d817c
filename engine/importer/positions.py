"""Where a quote of an imported article comes from: page, line and footnote of the source.

The readers that know where words stand (plain text, PDF) give every article the position of each of its
source lines (:class:`~engine.importer.raw.RawArticle`).  A quote the auto-coder made is the article's own
words, white space aside (or the heading's, when the heading triggered the rule); :func:`source_of` finds
them and says where they start.  :func:`place_quotes` passes every quote of a coded value through a
function that is given that place, which is how citations get their page and line::

    # engine/importer/build.py, _Builder.article_list, right after `coding = code_article(...)`:
    coding = place_quotes(coding, item, lambda q, s: attrs.evolve(
        q, citation=M.Citation(number, footnote=s.footnote_number, page=s.page, line=s.line)))

(``Citation.page`` and ``Citation.line`` come with the language's ``page P line L``.)  A quote that is not
found (none should be: quotes are verbatim) is left as it is.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional, TypeVar

import attrs

from engine.language import model as M
from engine.importer.raw import RawArticle

T = TypeVar("T")


@attrs.frozen
class Source:
    """Where quoted words start: the page (None in a plain text), the line, and the footnote they are in
    (its number as printed; None in the body or the heading)."""

    page: Optional[int]
    line: int
    footnote: Optional[str] = None

    @property
    def footnote_number(self) -> Optional[int]:
        """The footnote's number when it is one (``*`` is not)."""
        return int(self.footnote) if self.footnote is not None and self.footnote.isdigit() else None


def source_of(raw: RawArticle, words: str) -> Optional[Source]:
    """Where ``words`` (white space aside) stand in the article's text, else in its title; None when they are
    in neither, when the reader gave no positions, or when they stand in more than one place (a citation
    that might point at the other copy is not given)."""
    pattern = _pattern(words)
    if pattern is None:
        return None
    found = {_source(raw, m.start()) for m in pattern.finditer(raw.text)}
    if found:
        return found.pop() if len(found) == 1 else None
    if raw.at is not None and raw.title and pattern.search(raw.title):
        return Source(raw.at.page, raw.at.line)
    return None


def _source(raw: RawArticle, offset: int) -> Optional[Source]:
    at = raw.position(offset)
    if at is None or not raw.lines:
        return None
    note = raw.footnote_at(offset)
    return Source(at.page, at.line, note.number if note is not None else None)


def _pattern(words: str) -> Optional[re.Pattern[str]]:
    parts = words.split()
    return re.compile(r"\s+".join(re.escape(w) for w in parts)) if parts else None


def place_quotes(value: T, raw: RawArticle, cite: Callable[[M.Quote, Source], M.Quote]) -> T:
    """``value`` (an article, a coding, any frozen value holding quotes) with each quote found in ``raw``
    replaced by ``cite(quote, where it is)``; quotes not found, and everything else, as they were."""
    if not raw.lines:
        return value

    def one(q: M.Quote) -> M.Quote:
        where = source_of(raw, q.text)
        return q if where is None else cite(q, where)

    out: T = _walk(value, one)
    return out


def _walk(value: Any, fn: Callable[[M.Quote], M.Quote]) -> Any:
    if isinstance(value, M.Quote):
        return fn(value)
    if isinstance(value, tuple):
        items = tuple(_walk(v, fn) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if attrs.has(type(value)) and not isinstance(value, M.Span):
        changes = {}
        for f in attrs.fields(type(value)):
            if f.init:
                old = getattr(value, f.name)
                new = _walk(old, fn)
                if new is not old:
                    changes[f.alias or f.name] = new
        return attrs.evolve(value, **changes) if changes else value
    return value
