"""How an article, a footnote, a page and a line are cited: one function, used by every output.

``Art. 12.15``; ``Art. 12.15, fn 14``; in an agreement numbered per chapter ``Ch. 14, Art. 3``; with the
page and line of the source PDF ``Art. 12.15, fn 14 (p. 12, l. 4)``; an article the source gives no number
``unnumbered article 1 of Ch. 14`` (never as if the treaty had numbered it).  A chapter is named only when
the caller passes one: that is, when the agreement numbers its articles per chapter (see
:meth:`engine.language.model.Agreement.cited_chapter`) or when a citation names its chapter (``ch 14``).
"""

from __future__ import annotations

from typing import Optional, Sequence

from engine.language.model import Citation, unnumbered_ordinal

AGREEMENT_LEVEL = "Agreement"  # what a statement written at agreement level is cited as


def article_words(number: str, chapter: Optional[str] = None) -> str:
    """An article: ``Art. 3``, ``Ch. 14, Art. 3``, ``unnumbered article 1`` or ``unnumbered article 1 of Ch. 14``."""
    ordinal = unnumbered_ordinal(number)
    if ordinal is not None:
        return f"unnumbered article {ordinal}" + (f" of {chapter_words(chapter)}" if chapter else "")
    return (f"{chapter_words(chapter)}, " if chapter else "") + f"Art. {number}"


def articles_words(articles: Sequence[tuple[str, Optional[str]]]) -> str:
    """Several articles of one agreement, each as (number, chapter): ``Art. 14.11, 14.13`` when numbers alone
    name them; else each cited in full, ``Ch. 14, Art. 3; Ch. 15, Art. 3; unnumbered article 1``."""
    if all(chapter is None and unnumbered_ordinal(number) is None for number, chapter in articles):
        return f"Art. {', '.join(number for number, _ in articles)}"
    return "; ".join(article_words(number, chapter) for number, chapter in articles)


def cite(number: Optional[str], chapter: Optional[str] = None, footnote: Optional[int] = None,
         page: Optional[int] = None, line: Optional[int] = None) -> str:
    """A citation in words: ``Ch. 14, Art. 3, fn 2 (p. 12, l. 4)`` (each part only when given; no article:
    the footnote and page alone, or nothing)."""
    parts = [article_words(number, chapter)] if number else ([chapter_words(chapter)] if chapter else [])
    if footnote is not None:
        parts.append(f"fn {footnote}")
    words = ", ".join(parts)
    if page is not None:
        where = f"p. {page}" + (f", l. {line}" if line is not None else "")
        words = f"{words} ({where})" if words else where
    return words


def cite_quote(citation: Citation, chapter: Optional[str] = None) -> str:
    """A quote's citation in words; ``chapter``: the chapter its article is cited with when the citation names
    none (the chapter it is written in, in an agreement numbered per chapter)."""
    return cite(citation.article, citation.chapter or chapter, citation.footnote, citation.page, citation.line)


def chapter_words(number: str) -> str:
    """A chapter: ``Ch. 14``; a chapter the source gives no number: ``unnumbered chapter 2``."""
    ordinal = unnumbered_ordinal(number)
    return f"unnumbered chapter {ordinal}" if ordinal is not None else f"Ch. {number}"
