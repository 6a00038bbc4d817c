"""Go to definition and the outline.

``based-on X`` (and an expectation's agreement) leads to the file that defines X; ``amend article N`` and
``omit article N`` to the base's article N; ``based-on X chapter N`` and ``omit chapter N`` to the base's
chapter.  The outline lists agreements, chapters, articles, amendments and omissions, norm sets, norms and
expectations, each with its block's range.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence

from lsprotocol import types as T

from engine.checking.corpus import AGREEMENT
from engine.language import model as M
from engine.lsp.positions import Positions
from engine.lsp.words import Kind, Word, word_at, words, written_base
from engine.lsp.workspace import Analysis, uri_of

# ---------------------------------------------------------------- definition


def _positions_in(a: Analysis, path: str) -> Positions:
    """The positions of a file a definition points into (the text itself, or the file of a corpus entry)."""
    if path == a.path:
        return a.at
    text = next((f.text for f in a.corpus.files if f.path == path), "")
    return Positions(text.split("\n"), a.encoding)


def _location(a: Analysis, span: M.Span) -> Optional[T.Location]:
    if not span.written:
        return None
    return T.Location(uri_of(os.path.abspath(a.real_path(span.file))), _positions_in(a, span.file).head(span))


def _agreement(a: Analysis, ident: str) -> Optional[T.Location]:
    written = a.corpus.written.get(ident)
    if written is None or (AGREEMENT, ident) not in a.corpus.origin:
        return None
    return _location(a, written.span)


def _in_base(a: Analysis, line: int, number: str, chapter: bool, in_chapter: Optional[str] = None) \
        -> Optional[T.Location]:
    """The base's article (or chapter) with this number (an article in chapter ``in_chapter``, when the reference
    names one: ``amend article 3 ch 14``), for the draft around a 0-based line."""
    draft = a.agreement_at(line + 1) if a.document is not None else None
    base_id = draft.based_on if draft is not None else written_base(a.lines, line)[0]
    base = a.corpus.agreements.get(base_id) if base_id else None
    if base is None:
        return None
    if chapter:
        return next((_location(a, ch.span) for ch in base.chapters if ch.number == number), None)
    return next((_location(a, x.span) for ch, x in base.all_articles()
                 if x.number == number and (in_chapter is None or (ch is not None and ch.number == in_chapter))), None)


def _before(a: Analysis, w: Word, count: int) -> tuple[str, ...]:
    """The texts of the ``count`` words before ``w`` (fewer at the start of the text)."""
    found = words(a.lines, (w.line, w.start))
    return tuple(x.text for x in found[-count:])


def definition(a: Analysis, line: int, column: int) -> Optional[T.Location]:
    """Where the word at a 0-based line and character column is defined, or None."""
    w = word_at(a.lines, line, column)
    if w is None:
        return None
    before = _before(a, w, 2)
    last = before[-1] if before else ""
    if w.kind is Kind.WORD and last in ("based-on", "expect"):
        return _agreement(a, w.text)
    if w.kind is Kind.NUMBER and last == "article" and len(before) == 2 and before[0] in ("amend", "omit"):
        return _in_base(a, line, w.text, chapter=False, in_chapter=_named_chapter(a, w))
    if w.kind is Kind.NUMBER and last == "chapter" and _is_base_chapter(a, w, before):
        return _in_base(a, line, w.text, chapter=True)
    return None


def _named_chapter(a: Analysis, w: Word) -> Optional[str]:
    """The chapter an article reference at ``w`` names (``amend article 3 ch 14``: 14), if it names one."""
    following = [x for x in words(a.lines[w.line:w.line + 1]) if x.start > w.start]
    return following[1].text if len(following) > 1 and following[0].text == "ch" else None


def _is_base_chapter(a: Analysis, w: Word, before: tuple[str, ...]) -> bool:
    """Whether ``chapter N`` at ``w`` names a chapter of the base (``omit chapter N``, or no block follows)."""
    if len(before) == 2 and before[0] == "omit":
        return True
    # the words of its line and the next, counted from its line: the first after the number says
    following = [x for x in words(a.lines[w.line:w.line + 2]) if (x.line, x.start) > (0, w.start)]
    return not following or (following[0].kind is not Kind.STRING and following[0].text != "{")


# ---------------------------------------------------------------- the outline


def _symbol(name: str, detail: Optional[str], kind: T.SymbolKind, span: M.Span, lines: Positions,
            children: Sequence[T.DocumentSymbol] = ()) -> T.DocumentSymbol:
    return T.DocumentSymbol(name=name, detail=detail, kind=kind, range=lines.range(span),
                            selection_range=lines.head(span), children=list(children))


def _agreement_symbols(a: M.Agreement, lines: Positions) -> T.DocumentSymbol:
    def article(x: M.Article) -> T.DocumentSymbol:
        return _symbol(f"article {x.number}", x.title, T.SymbolKind.Class, x.span, lines)

    children = [article(x) for x in a.articles]
    children += [_symbol(f"chapter {ch.number}", ch.title, T.SymbolKind.Namespace, ch.span, lines,
                         [article(x) for x in ch.articles]) for ch in a.chapters]
    children += [_symbol(f"amend article {am.number}", am.title, T.SymbolKind.Method, am.span, lines)
                 for am in a.amendments]
    children += [_symbol(f"omit {what} {om.number}", om.reason, T.SymbolKind.Null, om.span, lines)
                 for what, found in (("chapter", a.chapter_omissions), ("article", a.omissions)) for om in found]
    children.sort(key=lambda s: (s.range.start.line, s.range.start.character))
    return _symbol(f"agreement {a.id}", a.title, T.SymbolKind.Module, a.span, lines, children)


def _item_symbol(item: M.Item, lines: Positions) -> T.DocumentSymbol:
    if isinstance(item, M.Agreement):
        return _agreement_symbols(item, lines)
    if isinstance(item, M.NormSet):
        norms = [_symbol(f"norm {n.id}", n.title, T.SymbolKind.Function, n.span, lines) for n in item.norms]
        return _symbol(f"norms {item.id}", item.title, T.SymbolKind.Module, item.span, lines, norms)
    ref = item.norm_set + (f".{item.norm}" if item.norm else "")
    return _symbol(f"expect {item.agreement} {ref} {item.grade}", None, T.SymbolKind.Event, item.span, lines)


def symbols(a: Analysis) -> list[T.DocumentSymbol]:
    """The outline of the text (empty while it does not parse)."""
    return [_item_symbol(item, a.at) for item in (a.document.items if a.document is not None else ())]
