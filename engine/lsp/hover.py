"""Hover: what a word means, and how an article fares.

On a keyword, a word of the vocabulary, a predicate, a party code, an agreement or norm-set id: its meaning
(a party's name, an agreement's title).  On an article's header: its grades against the norm sets of the
``tradegap.norms`` setting, with the reasons that decide them.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from lsprotocol import types as T

from engine import api
from engine.evaluation.findings import Finding
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import article_words
from engine.language.predicates import PREDICATES
from engine.lsp.language import KEYWORD_MEANINGS
from engine.lsp.words import Kind, Word, word_at
from engine.lsp.workspace import Analysis

_TABLES: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("topic", V.TOPICS), ("strength", V.STRENGTHS), ("form", V.FORMS), ("scope item", V.SCOPE_ITEMS),
    ("software coverage", V.SOFTWARE_COVERAGE), ("exception kind", V.EXCEPTION_KINDS),
    ("exception qualifier", V.EXCEPTION_QUALIFIERS), ("dispute-settlement mode", V.DISPUTE_SETTLEMENT_MODES),
    ("verification level", V.VERIFICATION_LEVELS), ("agreement kind", V.AGREEMENT_KINDS), ("status", V.STATUSES),
    ("grade", V.GRADES), ("part of a treaty", V.PARTS), ("what an amendment removes", V.REMOVABLE),
)
"""The vocabularies a word may belong to, each with what it calls its words."""


def _vocabulary(word: str) -> list[str]:
    found = [f"**{word}** ({what}): {table[word]}" for what, table in _TABLES if word in table]
    if word in KEYWORD_MEANINGS:
        found.append(f"**{word}** (keyword): {KEYWORD_MEANINGS[word]}")
    spec = PREDICATES.get(word)
    if spec is not None:
        found.append(f"**{word}** (predicate): {spec.meaning}; e.g. `{spec.usage}`")
    return found


def _ids(a: Analysis, word: str) -> list[str]:
    found = []
    agreement = a.corpus.agreements.get(word)
    if agreement is not None:
        parties = " ".join(agreement.parties) or "no parties"
        found.append(f"**{word}** (agreement): {agreement.title or 'untitled'}; {agreement.status or 'status not given'}"
                     f"; {parties}")
    set_id, _, norm_id = word.partition(".")
    norm_set = a.corpus.norm_sets.get(set_id)
    norm = norm_set.norm(norm_id) if norm_set is not None and norm_id else None
    if norm_set is not None and not norm_id:
        found.append(f"**{word}** (norm set): {norm_set.title or 'untitled'}; {len(norm_set.norms)} norms")
    if norm is not None:
        found.append(f"**{word}** (norm): {norm.title or 'untitled'}; topics {', '.join(norm.topics)}")
    return found


def meaning(a: Analysis, word: Word) -> list[str]:
    """What a word means, one line for each reading of it (``covers`` is a keyword and a predicate)."""
    if word.kind is Kind.CODE:
        code = P.canonical(word.text)
        return [f"**{word.text}** (party): {P.name(code)}" if code else f"**{word.text}**: not an ISO 3166-1 code"]
    return _vocabulary(word.text) + _ids(a, word.text)


# ---------------------------------------------------------------- an article's grades


Named = tuple[str, Optional[str]]  # an article's number, and its chapter where it is named with one


def _header(a: Analysis, line: int) -> Optional[tuple[M.Agreement, Named, M.Span]]:
    """The agreement and article (number, and chapter where the agreement numbers per chapter or an amendment
    names one) of the article or amendment whose header is on a 1-based line."""
    doc = a.document
    for item in doc.items if doc is not None else ():
        if not isinstance(item, M.Agreement):
            continue
        blocks: Sequence[tuple[Optional[str], M.Article | M.Amendment]] = (
            *[(item.cited_chapter(ch), x) for ch, x in item.all_articles()], *[(x.chapter, x) for x in item.amendments])
        for chapter, block in blocks:
            if block.span.line == line:
                return item, (block.number, chapter), block.span
    return None


def _names(article: Optional[str], chapter: Optional[str], named: Named) -> bool:
    """Whether a finding's (or candidate's) article is the one named (any chapter, where none is named)."""
    return article == named[0] and (named[1] is None or chapter == named[1])


def _finding_line(f: Finding, named: Named) -> str:
    score = f" ({f.score})" if f.score is not None else ""
    if not _names(f.article, f.chapter, named):
        return f"- `{f.norm}`: decided by {article_words(f.article or '', f.chapter)} ({f.grade}{score})"
    reasons = "".join(f"\n  - {r.requirement}: {r.because}" + (f" ({' '.join(r.parties)})" if r.parties else "")
                      for r in f.reasons)
    return f"- `{f.norm}`: **{f.grade}**{score}{reasons}"


def grades(a: Analysis, agreement: M.Agreement, named: Named) -> str:
    """An article's grades against the norm sets of the settings, with the reasons that decide them."""
    resolved = a.corpus.agreements.get(agreement.id)
    chosen = [a.corpus.norm_sets[n] for n in a.settings.norms if n in a.corpus.norm_sets]
    head = f"**{article_words(*named)}** of `{agreement.id}` against {', '.join(a.settings.norms)} on {a.today.isoformat()}"
    if any(d.is_error for d in a.diagnostics):
        return head + "\n\nThe text has errors: grades are shown once `check` passes."
    if resolved is None or not chosen:
        return head + "\n\nNo norm set of the `tradegap.norms` setting is known."
    report = api.evaluate(resolved, chosen, as_of=a.today)
    found = [f for f in report.findings
             if _names(f.article, f.chapter, named) or any(_names(c.article, c.chapter, named) for c in f.candidates)]
    if not found:
        return head + "\n\nNo norm of these sets is on this article's topics."
    return head + "\n\n" + "\n".join(_finding_line(f, named) for f in found)


def hover(a: Analysis, line: int, column: int) -> Optional[T.Hover]:
    """The hover at a 0-based line and character column."""
    header = _header(a, line + 1)
    on_word = word_at(a.lines, line, column)
    if header is not None and (on_word is None or on_word.text in ("article", "amend", header[1][0])):
        agreement, named, span = header
        return T.Hover(T.MarkupContent(T.MarkupKind.Markdown, grades(a, agreement, named)),
                       a.at.head(span))
    if on_word is None:
        return None
    found = meaning(a, on_word)
    if not found:
        return None
    where = T.Range(a.at.position(line + 1, on_word.start + 1), a.at.position(line + 1, on_word.end + 1))
    return T.Hover(T.MarkupContent(T.MarkupKind.Markdown, "\n\n".join(found)), where)

