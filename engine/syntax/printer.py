"""The formatter: one canonical layout for every document, comments kept.

Statements come out in a fixed order within each block (settings, then
exceptions and notes, then nested blocks).  Every ``#`` comment of the
input comes out too, with what it describes: a comment (or a run of them)
stays above the statement or block that followed it in the input, wherever
that block is written; a comment that ended a line stays at the end of that
line; a comment at the end of a block stays at its end.
``format_document(parse(x))`` is idempotent.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Optional

import attrs

from engine.language import model as M
from engine.language.predicates import predicate_text

INDENT = "  "
WIDTH = 100


def quote_string(text: str) -> str:
    """A string literal for ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quote(q: M.Quote) -> str:
    out = ("paraphrase " if q.paraphrase else "") + quote_string(q.text)
    c = q.citation
    if c is not None:
        out += f" art {c.article}" + (f" ch {c.chapter}" if c.chapter is not None else "")
        out += f" fn {c.footnote}" if c.footnote is not None else ""
        if c.page is not None:
            out += f" page {c.page}" + (f" line {c.line}" if c.line is not None else "")
    return out


def _in_chapter(chapter: Optional[str]) -> list[str]:
    return ["ch", chapter] if chapter is not None else []


def _period(p: Optional[M.Period]) -> list[str]:
    if p is None:
        return []
    if p.years is not None:
        extension = ["extendable", str(p.extension_years)] if p.extension_years is not None else []
        return ["years", str(p.years), *extension]
    until = [p.until.isoformat()] if p.until else []
    if p.event is not None:
        return ["until", quote_string(p.event), *until]
    return ["until", *until] if until else []


def _paragraph(paragraph: Optional[str]) -> list[str]:
    return ["paragraph", quote_string(paragraph)] if paragraph is not None else []


@attrs.frozen
class _Placement:
    """Where each comment goes: above the statement or block starting on a line, or after a line's text."""

    above: dict[int, list[M.Comment]] = attrs.Factory(dict)
    after: dict[int, M.Comment] = attrs.Factory(dict)
    rest: list[M.Comment] = attrs.Factory(list)
    known: list[int] = attrs.Factory(list)  # the source lines the printer writes something from, sorted

    def line_before(self, line: int) -> int:
        """The last source line before ``line`` that the printer writes something from (0 if none)."""
        i = bisect.bisect_left(self.known, line)
        return self.known[i - 1] if i else 0


def _place(comments: Iterable[M.Comment], anchors: list[int], ends: set[int]) -> _Placement:
    """Attach each comment to what it describes.

    A comment on a line whose text the printer writes (``ends``) stays at the end of that line; any other
    comment goes with the next statement or block in the source (a run of comments above a block travels with
    it), or stays at the end of its block (before the ``}``); a comment after everything stays last.
    """
    lines = sorted(set(anchors))
    placed = _Placement(known=sorted(set(lines) | ends))
    for c in sorted(comments, key=lambda c: (c.line, c.column)):
        if c.line in ends and c.line not in placed.after:
            placed.after[c.line] = c
            continue
        i = bisect.bisect_right(lines, c.line)
        if i < len(lines):
            placed.above.setdefault(lines[i], []).append(c)
        else:
            placed.rest.append(c)
    return placed


class _Writer:
    """Lines of text at the current depth, each input comment put back with what it describes.

    Printing runs twice: a first pass with ``placement=None`` only records the source lines the printer
    asks about (``anchors``: where statements and blocks start or end; ``ends``: lines whose end it writes),
    from which the second pass knows where every comment belongs, whatever order the blocks come out in.
    """

    def __init__(self, placement: Optional[_Placement] = None) -> None:
        self.lines: list[str] = []
        self.placement = placement if placement is not None else _Placement()
        self.anchors: list[int] = []
        self.ends: set[int] = set()
        self.depth = 0
        self.last_line = 0  # source line of the last thing written

    # comments ----------------------------------------------------
    def flush_before(self, line: int, gap_after: bool = True) -> None:
        """Write the own-line comments that stood above ``line``, keeping blank lines around them."""
        if not line:
            return
        self.anchors.append(line)
        run = self.placement.above.pop(line, [])
        prev = self.last_line
        if run:  # what stood before the run in the source, unless something written since comes closer
            prev = max(self.placement.line_before(run[0].line), prev if prev < run[0].line else 0)
        for c in run:
            if prev and prev + 1 < c.line:
                self.blank()
            self.lines.append(INDENT * self.depth + c.text)
            prev = c.line
        if run and gap_after and line > prev + 1:
            self.blank()
        if run:
            self.last_line = prev

    def trailing(self, line: int) -> str:
        """The comment at the end of ``line``, if any."""
        if not line:
            return ""
        self.ends.add(line)
        c = self.placement.after.pop(line, None)
        return "  " + c.text if c is not None else ""

    # statements --------------------------------------------------
    def stmt(self, head: list[str], quotes: Iterable[M.Quote] = (), span: M.Span = M.NO_SPAN) -> None:
        self.flush_before(span.line)
        shown = [_quote(q) for q in quotes]
        pad = INDENT * self.depth
        one = pad + " ".join(head + shown)
        # A statement the model keeps no span for (`verification`, a norm set's `version` and
        # `source`) is taken to follow the last one: the guess is exact in formatted text, so a
        # second formatting puts blank lines where the first did.
        self.last_line = max(self.last_line, span.end_line or span.line) if span.line else self.last_line + 1
        if len(one) <= WIDTH or not shown:
            self.lines.append(one + self.trailing(span.end_line or span.line))
            return
        self.lines.append(pad + " ".join(head) + self.trailing(span.line))
        for q in shown:
            self.lines.append(pad + INDENT * 2 + q)
        self.lines[-1] += self.trailing(span.end_line)  # a comment after the last quote stays there

    def open(self, head: list[str], span: M.Span) -> None:
        self.flush_before(span.line)
        self.lines.append(INDENT * self.depth + " ".join(head) + " {" + self.trailing(span.line))
        self.last_line = max(self.last_line, span.line)
        self.depth += 1

    def close(self, span: M.Span) -> None:
        self.flush_before(span.end_line, gap_after=False)
        self.depth -= 1
        self.lines.append(INDENT * self.depth + "}" + self.trailing(span.end_line))
        self.last_line = max(self.last_line, span.end_line)

    def blank(self) -> None:
        """A blank line, unless one is there already or a block was just opened."""
        if self.lines and self.lines[-1] != "" and not self.lines[-1].endswith("{"):
            self.lines.append("")


def _title(head: list[str], title: Optional[str]) -> list[str]:
    return head + [quote_string(title)] if title is not None else head


# ---------------------------------------------------------------- agreements


def _article_body(w: _Writer, a: M.Article) -> None:
    if a.topics:
        w.stmt(["topic", *a.topics], span=a.topic_span)
    if a.commitment is not None:
        c = a.commitment
        w.stmt([c.strength] + ([c.form] if c.form else []), c.quotes, c.span)
    for c in a.topic_commitments:
        w.stmt([c.strength] + ([c.form] if c.form else []) + ["for", *c.topics, *_paragraph(c.paragraph)], c.quotes,
               c.span)
    for s in a.scope:
        w.stmt([s.mode, s.item], s.quotes, s.span)
    if a.software is not None:
        w.stmt(["software", a.software.coverage], a.software.quotes, a.software.span)
    _exceptions(w, a.exceptions)
    _dispute(w, a.dispute_settlement)
    if a.contingency is not None:
        w.stmt(["contingent", a.contingency.condition], a.contingency.quotes, a.contingency.span)
    for t in a.transitions:
        w.stmt(["transition", *t.parties, *_period(t.period), *_paragraph(t.paragraph)], t.quotes, t.span)
    for r in a.reservations:
        w.stmt(["reservation", *r.parties, *_period(r.period), *_paragraph(r.paragraph)], r.quotes, r.span)
    if a.verification is not None:
        w.stmt(["verification", a.verification])
    _notes(w, a.notes)


def _exceptions(w: _Writer, exceptions: Iterable[M.Exception_]) -> None:
    for e in exceptions:
        w.stmt(["exception", e.kind, *e.qualifiers], e.quotes, e.span)


def _dispute(w: _Writer, items: Iterable[M.DisputeSettlement]) -> None:
    for d in items:
        w.stmt(["dispute-settlement", d.mode, *d.parties, *_period(d.period)], d.quotes, d.span)


def _notes(w: _Writer, notes: Iterable[M.Note]) -> None:
    for n in notes:
        w.stmt(["note", quote_string(n.text)], span=n.span)


def _article(w: _Writer, a: M.Article) -> None:
    w.blank()
    w.open(_title(["article", a.number], a.title), a.span)
    _article_body(w, a)
    w.close(a.span)


def _agreement(w: _Writer, a: M.Agreement) -> None:
    w.open(_title(["agreement", a.id], a.title), a.span)
    _settings(w, a)
    _dispute(w, a.dispute_settlement)
    _exceptions(w, a.exceptions)
    _notes(w, a.notes)
    for art in a.articles:
        _article(w, art)
    for ch in a.chapters:
        _chapter(w, ch)
    for am in a.amendments:
        _amendment(w, am)
    if a.omissions or a.chapter_omissions:
        w.blank()
    for what, omissions in (("chapter", a.chapter_omissions), ("article", a.omissions)):
        for om in omissions:
            w.stmt(["omit", what, om.number, *_in_chapter(om.chapter)]
                   + ([quote_string(om.reason)] if om.reason is not None else []), span=om.span)
    w.close(a.span)


def _settings(w: _Writer, a: M.Agreement) -> None:
    """An agreement's single-valued settings, the words after the keyword aligned."""
    sp = a.spans
    chapters = [word for ch in a.base_chapters for word in ("chapter", ch.number)]
    if a.based_on:
        w.stmt(["based-on", a.based_on, *chapters], span=sp.based_on)
    else:  # `chapter N` with no base: an error `check` reports; written back as it was
        for ch in a.base_chapters:
            w.stmt(["chapter", ch.number], span=ch.span)
    for key, value, span in (("kind", a.kind, sp.kind), ("status", a.status, sp.status)):
        if value:
            w.stmt([key.ljust(8), value], span=span)
    if a.parties:
        w.stmt(["parties ", *a.parties], span=sp.parties)
    if a.signed:
        w.stmt(["signed  ", a.signed.isoformat()], span=sp.signed)
    for e in a.in_force:
        w.stmt(["in-force", *e.parties, e.date.isoformat() if e.date else "unknown"], span=e.span)
    if a.source is not None:
        w.stmt(["source  ", quote_string(a.source)], span=sp.source)
    if a.verification:
        w.stmt(["verification", a.verification], span=sp.verification)
    if a.coverage:
        w.stmt(["coverage", *a.coverage], span=sp.coverage)
    if a.numbering:
        w.stmt(["numbering", a.numbering], span=sp.numbering)


def _chapter(w: _Writer, ch: M.Chapter) -> None:
    w.blank()
    w.open(_title(["chapter", ch.number], ch.title), ch.span)
    if ch.part:
        w.stmt(["part", ch.part])
    if ch.verification:
        w.stmt(["verification", ch.verification])
    for sc in ch.scope:
        w.stmt([sc.mode, sc.item], sc.quotes, sc.span)
    _dispute(w, ch.dispute_settlement)
    _exceptions(w, ch.exceptions)
    _notes(w, ch.notes)
    for art in ch.articles:
        _article(w, art)
    w.close(ch.span)


def _amendment(w: _Writer, am: M.Amendment) -> None:
    w.blank()
    w.open(_title(["amend", "article", am.number, *_in_chapter(am.chapter)], am.title), am.span)
    _article_body(w, am.changes)
    for r in am.removals:
        w.stmt(["remove", r.what] + ([r.which] if r.which else []), span=r.span)
    w.close(am.span)


# ---------------------------------------------------------------- norms


def _requirement(w: _Writer, r: M.Requirement) -> None:
    head = (["essential"] if r.essential else []) + ["forbid" if r.forbid else "require"]
    weight = f" weight {r.weight}" if r.weight is not None else ""
    text = " ".join(head) + " " + predicate_text(r.predicate) + weight
    because = "because " + quote_string(r.because)
    w.flush_before(r.span.line)
    w.last_line = max(w.last_line, r.span.end_line)
    pad = INDENT * w.depth
    if len(pad + text + " " + because) <= WIDTH:
        w.lines.append(pad + text + " " + because + w.trailing(r.span.end_line))
    else:
        w.lines.append(pad + text + w.trailing(r.span.line))
        w.lines.append(pad + INDENT * 2 + because + w.trailing(r.span.end_line))


def _normset(w: _Writer, ns: M.NormSet) -> None:
    w.open(_title(["norms", ns.id], ns.title), ns.span)
    if ns.version is not None:
        w.stmt(["version", quote_string(ns.version)])
    if ns.source is not None:
        w.stmt(["source ", quote_string(ns.source)])
    if ns.weight is not None:
        w.stmt(["weight ", str(ns.weight)])
    _notes(w, ns.notes)
    for n in ns.norms:
        _norm(w, n)
    w.close(ns.span)


def _norm(w: _Writer, n: M.Norm) -> None:
    w.blank()
    w.open(_title(["norm", n.id], n.title), n.span)
    if n.topics:
        w.stmt(["topic", *n.topics])
    _notes(w, n.notes)
    for r in n.requirements:
        _requirement(w, r)
    w.close(n.span)


def _expectation(w: _Writer, e: M.Expectation) -> None:
    ref = e.norm_set + (f".{e.norm}" if e.norm else "")
    head = ["expect", e.agreement, ref, e.grade]
    if e.as_of:
        head += ["as-of", e.as_of.isoformat()]
    if e.party:
        head += ["party", e.party]
    if e.score_min is not None and e.score_max is not None:
        head += ["score", f"{e.score_min}..{e.score_max}"]
    w.stmt(head, span=e.span)


# ---------------------------------------------------------------- entry points


def format_document(doc: M.Document) -> str:
    """The canonical text of a document."""
    plan = _Writer()
    _items(plan, doc.items)
    w = _Writer(_place(doc.comments, plan.anchors, plan.ends))
    _items(w, doc.items)
    left = [c for run in w.placement.above.values() for c in run] + list(w.placement.after.values())
    for c in sorted(left + w.placement.rest, key=lambda c: (c.line, c.column)):
        w.lines.append(c.text)
    text = "\n".join(_tidy(w.lines))
    return text + "\n" if text else ""


def _items(w: _Writer, items: Iterable[M.Item]) -> None:
    previous = None
    for item in items:
        if previous is not None and not (isinstance(item, M.Expectation) and isinstance(previous, M.Expectation)):
            w.lines.append("")
        if isinstance(item, M.Agreement):
            _agreement(w, item)
        elif isinstance(item, M.NormSet):
            _normset(w, item)
        else:
            _expectation(w, item)
        previous = item


def _tidy(lines: list[str]) -> list[str]:
    """No trailing spaces, no double blank lines, no blank line after a comment block's end."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def format_article(article: M.Article, depth: int = 0) -> str:
    """One article as a DSL snippet, ready to paste into a draft (indented ``depth`` blocks deep)."""
    w = _Writer()
    w.depth = depth
    _article(w, article)
    return "\n".join(_tidy(w.lines)) + "\n"
