"""Adopting a precedent: one article of an agreement copied into a draft, renumbered, its provenance kept.

``tradegap adopt usmca 19.17 --into draft.agr --as 14.20`` writes USMCA Art. 19.17 into the draft's
chapter 14 as Art. 14.20 (a chapter block is added when the draft has none of that number).  An article of an
agreement numbered per chapter (``--chapter 14``, Ch. 14, Art. 3) goes into the draft's chapter 14 unless its
new number's part before the dot names another; a draft numbered per chapter already writing an article of that
number in another chapter is no conflict.  The article
means there what it meant in its agreement: its inherited context (dispute settlement, chapter exceptions
and scope) is written on it, as for a precedent (:func:`engine.views.precedents.explicit`).  Honestly:

- the adopted words keep their source's verification level (written on the article), whatever the draft's;
- a ``note`` names the source article and its level, and what the drafter must look at;
- a quote's ``art N`` citation pointed into the source agreement: it is removed (in the draft it would point
  at the draft's own article N), and each one is flagged (``cites usmca Art. 32.1``);
- terms that name the source's parties (transitions, reservations, shields) are left out and flagged.

The draft's text is changed only where the article goes: its comments and layout stay as written.
"""

from __future__ import annotations

from typing import Optional, TypeVar

import attrs

from engine.checking.corpus import Corpus, SourceFile, load_text
from engine.errors import InvalidInput, UsageError
from engine.evaluation import context as F
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import vocab as V
from engine.language.citations import article_words, cite
from engine.syntax.printer import INDENT, format_article, quote_string
from engine.views.precedents import explicit


@attrs.frozen
class Adoption:
    """A draft with a precedent article adopted into it.

    Attributes:
        text: the draft's new text.
        source, number: the agreement and article adopted.
        new_number: the article's number in the draft.
        chapter: the draft chapter it stands in (None: outside chapters).
        verification: the source article's level, which the adopted words keep.
        flags: what the drafter must look at (cross-references removed, terms left out, an article replaced).
        diagnostics: the problems of the new text in the corpus (none when it checks clean).
    """

    text: str
    source: str
    number: str
    new_number: str
    chapter: Optional[str]
    verification: str
    flags: tuple[str, ...] = ()
    diagnostics: tuple[D.Diagnostic, ...] = ()


def _uncited(q: M.Quote, placed: F.Placed, flags: list[str]) -> M.Quote:
    """A quote without its citation; a citation of another article of the source (another number, or the same
    number in another chapter) is flagged."""
    c, number, source = q.citation, placed.article.number, placed.agreement.id
    own = placed.chapter.number if placed.chapter is not None else None
    cited_chapter = placed.agreement.cited_chapter(placed.chapter)
    if c is not None and (c.article != number or c.chapter not in (None, own)):
        flags.append(f"a quote cited {source} {cite(c.article, c.chapter or cited_chapter, c.footnote or None)}"
                     + ", which this draft does not hold: the citation was removed")
    elif c is not None and c.footnote is not None:
        flags.append(f"a quote cited {source} {cite(number, c.chapter or cited_chapter, c.footnote)}: the footnote "
                     "is the source's")
    return attrs.evolve(q, citation=None)


Statement = TypeVar("Statement", M.Commitment, M.Scope, M.Software, M.Exception_, M.DisputeSettlement,
                     M.Contingency)


def _statements(article: M.Article, placed: F.Placed, flags: list[str]) -> M.Article:
    """The article with every quote's citation removed (and flagged when it pointed elsewhere)."""
    def quotes(s: Statement) -> Statement:
        return attrs.evolve(s, quotes=tuple(_uncited(q, placed, flags) for q in s.quotes))

    return attrs.evolve(
        article,
        commitment=quotes(article.commitment) if article.commitment else None,
        topic_commitments=tuple(quotes(c) for c in article.topic_commitments),
        software=quotes(article.software) if article.software else None,
        contingency=quotes(article.contingency) if article.contingency else None,
        scope=tuple(quotes(s) for s in article.scope), exceptions=tuple(quotes(e) for e in article.exceptions),
        dispute_settlement=tuple(quotes(d) for d in article.dispute_settlement),
    )


def adopted_article(placed: F.Placed, new_number: str) -> tuple[M.Article, tuple[str, ...]]:
    """The article as the draft holds it: renumbered, context explicit, citations removed, noted; and the flags."""
    source, number = placed.agreement.id, placed.article.number
    article, folded, dropped = explicit(placed)
    flags: list[str] = [f"left out (it names {source}'s parties): {d}" for d in dropped]
    article = _statements(article, placed, flags)
    level = placed.article.verification or placed.agreement.verification or V.Verification.UNVERIFIED.value
    cited = article_words(number, placed.agreement.cited_chapter(placed.chapter))
    note = (f"Adopted from {source} {cited}" + (f" {placed.article.title}" if placed.article.title else "")
            + f"; its words keep {source}'s verification ({level})"
            + (f"; written on it from its context there: {'; '.join(folded)}" if folded else "")
            + (f". To check: {'; '.join(flags)}." if flags else "."))
    article = attrs.evolve(article, number=new_number, verification=level, transitions=(), reservations=(),
                           notes=article.notes + (M.Note(note),))
    return article, tuple(flags)


# ---------------------------------------------------------------- where the article goes in the draft's text


def _before_brace(lines: list[str], span: M.Span, block: list[str]) -> list[str]:
    """The lines with ``block`` put inside the block that ``span`` closes, just before its ``}``, one level in."""
    index, brace = span.end_line - 1, span.end_column - 2
    line = lines[index]
    before, after = line[:brace], line[brace:]
    outer = before if not before.strip() else line[:len(line) - len(line.lstrip())]
    inner = [outer + INDENT + x if x else "" for x in block]
    head = lines[:index] + ([before.rstrip()] if before.strip() else [])
    gap = [""] if head and head[-1].strip() and not head[-1].rstrip().endswith("{") else []
    return head + gap + inner + [outer + after.lstrip()] + lines[index + 1:]


def _chapter_block(number: str, base: Optional[M.Agreement], article: list[str]) -> list[str]:
    """A new ``chapter N`` block holding the article (titled as the base's chapter N, if it has one)."""
    title = next((ch.title for ch in (base.chapters if base else ()) if ch.number == number), None)
    head = f"chapter {number}" + (f" {quote_string(title)}" if title else "") + " {"
    return [head] + [INDENT + x if x else "" for x in article] + ["}"]


def _target_chapter(draft: M.Agreement, number: str, placed: F.Placed, per_chapter: bool) -> Optional[str]:
    """The draft chapter the article goes in: the part of its new number before the first dot, else (a source
    numbered per chapter) the chapter it stands in there; None (outside chapters) when the draft has no chapters,
    no base and numbers agreement-wide."""
    chapter = number.partition(".")[0] if "." in number else placed.agreement.cited_chapter(placed.chapter)
    if chapter is None or any(ch.number == chapter for ch in draft.chapters):
        return chapter
    return chapter if draft.based_on or draft.chapters or per_chapter else None


def _insert(text: str, draft: M.Agreement, article: M.Article, base: Optional[M.Agreement],
            number: Optional[str]) -> str:
    """The draft's text with the article in its chapter ``number`` (a block added when the draft has none)."""
    lines = text.split("\n")
    snippet = format_article(article).rstrip("\n").split("\n")
    chapter = next((ch for ch in draft.chapters if ch.number == number), None)
    if chapter is not None:
        return "\n".join(_before_brace(lines, chapter.span, snippet))
    if number is not None:
        return "\n".join(_before_brace(lines, draft.span, _chapter_block(number, base, snippet)))
    return "\n".join(_before_brace(lines, draft.span, snippet))


def _named(number: str, chapter: Optional[str], per_chapter: bool) -> str:
    """``article 3``; numbered per chapter, ``article 3 of chapter 14`` (``of the articles outside chapters``)."""
    if not per_chapter:
        return f"article {number}"
    return f"article {number} " + (f"of chapter {chapter}" if chapter is not None else "outside chapters")


def _holds(a: M.Agreement, number: str, chapter: Optional[str], per_chapter: bool) -> bool:
    """Whether ``a`` writes article ``number`` (numbered per chapter: in ``chapter``, None outside chapters)."""
    return any(art.number == number and (not per_chapter or (ch.number if ch else None) == chapter)
               for ch, art in a.all_articles())


# ---------------------------------------------------------------- adopting


def _source_article(source: M.Agreement, number: str, chapter: Optional[str] = None) -> F.Placed:
    """The source's article ``number`` (in ``chapter``, when given); in an agreement numbered per chapter, a
    number that stands in several chapters needs its chapter."""
    found = [p for p in F.placed_articles(source)
             if p.article.number == number and (chapter is None or (p.chapter is not None and p.chapter.number == chapter))]
    if not found:
        numbers = [a.number for _, a in source.all_articles()]
        where = f" in chapter {chapter}" if chapter is not None else ""
        raise UsageError(f"`{source.id}` has no article {number}{where}",
                         D.did_you_mean(number, numbers) or f"its articles: {', '.join(numbers[:12])}")
    if len(found) > 1:
        chapters = ", ".join(p.chapter.number if p.chapter else "outside chapters" for p in found)
        raise UsageError(f"article {number} stands in several chapters of `{source.id}` ({chapters})",
                         "name the chapter (`--chapter N`)")
    return found[0]


def _draft(text: str, path: str) -> M.Agreement:
    from engine.syntax.parse import parse_text

    result = parse_text(text, path)
    if not result.ok or result.document is None:
        raise InvalidInput(f"{path} does not parse", result.diagnostics, "run `tradegap check` on it first")
    found = [i for i in result.document.items if isinstance(i, M.Agreement)]
    if not found:
        raise UsageError(f"{path} defines no agreement", "adopt writes an article into a draft agreement")
    return found[0]


def _checked(corpus: Corpus, path: str, text: str) -> tuple[D.Diagnostic, ...]:
    """The problems of the new text, checked with the corpus it was adopted in."""
    others: list[SourceFile] = [f for f in corpus.files if f.path != path]
    after = Corpus.build([*others, load_text(text, path)], corpus.discovery)
    return tuple(d for d in after.diagnostics if d.span.file == path)


def adopt(corpus: Corpus, source: str, number: str, path: str, text: str,
          new_number: Optional[str] = None, chapter: Optional[str] = None) -> Adoption:
    """Adopt article ``number`` of agreement ``source`` (of its ``chapter``, when given: needed where the source
    numbers its articles per chapter and the number stands in several) into the draft ``text`` (from ``path``)
    as ``new_number``.

    Raises:
        UnknownId: no agreement ``source``.
        UsageError: it has no such article, the draft defines no agreement or already writes that number.
        InvalidInput: the draft does not parse.
    """
    placed = _source_article(corpus.agreement(source), number, chapter)
    draft = _draft(text, path)
    new = new_number or number
    base = corpus.agreements.get(draft.based_on) if draft.based_on else None
    per_chapter = draft.per_chapter or (draft.numbering is None and base is not None and base.per_chapter)
    where = _target_chapter(draft, new, placed, per_chapter)
    if _holds(draft, new, where, per_chapter):
        raise UsageError(f"the draft already writes {_named(new, where, per_chapter)}",
                         "choose another number with --as")
    article, flags = adopted_article(placed, new)
    if base is not None and _holds(base, new, where, base.per_chapter):
        flags += (f"{_named(new, where, base.per_chapter)} replaces {base.id}'s "
                  f"{_named(new, where, base.per_chapter)}",)
    new_text = _insert(text, draft, article, base, where)
    level = article.verification or V.Verification.UNVERIFIED.value
    return Adoption(new_text, source, number, new, where, level, flags, _checked(corpus, path, new_text))
