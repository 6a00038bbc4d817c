"""Treaty PDFs made by the suite itself (reportlab), and the same treaty as plain text.

A :class:`Treaty` is a list of blocks (chapter headings, article headings, paragraphs) whose
paragraphs mark footnote references as ``[^N]``; it is written

- as plain text (:func:`to_text`): headings on lines of their own, paragraphs wrapped, each article's
  footnotes as Markdown definitions ``[^N]: text`` after its last paragraph;
- as a PDF in layout ``A`` (A4, a running header with the agreement's name, ``12-3`` page numbers at the
  foot, ``CHAPTER 12`` with its title on the next line, ``Article 12.1: Title`` headings, ragged text,
  footnotes at the page bottom with their markers drawn as superscripts moved up), ``B`` (Letter,
  ``CHAPTER 12 TITLE``, ``ARTICLE 12.1`` with the title on a line of its own, justified text with words
  hyphenated at line ends, ``Page N of M`` footers, superscripts raised by text rise, footnote numbers
  in the footnote's size), or ``C`` (layout A with ``Chapter 12 Title`` and ``Article 12.1 Title``
  headings and ``- 3 -`` page numbers).

:func:`to_pdf` returns where it drew each heading: (page, line), lines counted from the top of the page.

:func:`from_pypdf_dump` turns a text extracted from a PDF (such as ``shared/texts/rcep.txt``: page numbers
on lines of their own, footnotes where they fall, their markers glued to words) back into a Treaty.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Iterator, Optional

_MARK = re.compile(r"\[\^(\d+)\]")


@dataclass
class Block:
    kind: str  # "chapter", "article" or "para"
    text: str  # the paragraph, or the heading's title
    number: str = ""  # a heading's number


@dataclass
class Treaty:
    name: str
    blocks: list[Block]
    footnotes: dict[int, str] = field(default_factory=dict)  # key -> words; a key is written as ``[^key]``
    numbers: dict[int, str] = field(default_factory=dict)  # key -> the number printed (default: the key)

    def number(self, key: int) -> str:
        return self.numbers.get(key, str(key))


# ---------------------------------------------------------------- plain text


def to_text(t: Treaty) -> str:
    """The treaty as plain text with Markdown footnotes (printed numbers as keys, defined per article)."""
    out = [t.name, ""]
    pending: list[int] = []

    def flush() -> None:
        for key in pending:
            out.extend([f"[^{t.number(key)}]: {t.footnotes[key]}", ""])
        pending.clear()

    for b in t.blocks:
        if b.kind != "para":
            flush()
        text = _MARK.sub(lambda m: f"[^{t.number(int(m.group(1)))}]", b.text)
        if b.kind == "chapter":
            out.extend([f"CHAPTER {b.number}", "", text, ""])
        elif b.kind == "article":
            out.extend([f"Article {b.number}: {text}", ""])
        else:
            out.extend(textwrap.wrap(text, 78, break_on_hyphens=False, break_long_words=False) + [""])
        pending.extend(int(k) for k in _MARK.findall(b.text))
    flush()
    return "\n".join(out)


# ---------------------------------------------------------------- from a text dump of a PDF

_PAGE_LINE = re.compile(r"^\s*\d{1,3}-\d{1,3}\s*$")
_FOOTNOTE_START = re.compile(r"^\s?(\d{1,2}) (\S.*)$")
_ARTICLE = re.compile(r"^Article (\d+\.\d+): (.*)$")


def from_pypdf_dump(text: str, name: str) -> Treaty:
    """A treaty from text pypdf extracted page by page (the layout of ``shared/texts/rcep.txt``)."""
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.startswith("#") or line.startswith("[footnote on page"):
            continue
        if _PAGE_LINE.match(line):
            pages.append([])
        else:
            pages[-1].append(line.rstrip())
    body: list[str] = []
    treaty = Treaty(name, [])
    for page in pages:
        body.extend(_page_body(page, treaty))
    # a line that ends with a hyphen is joined to the next without a space (in rcep.txt: "Non-" "Conforming")
    paragraphs = [" ".join(re.sub(r"-\n", "-", p).split()) for p in _paragraphs(body)]
    treaty.blocks = list(_blocks(paragraphs))
    return treaty


def _page_body(page: list[str], treaty: Treaty) -> list[str]:
    """The page's body lines, its footnotes taken into ``treaty`` and their markers written ``[^key]``."""
    cut = next((i for i, line in enumerate(page) if _FOOTNOTE_START.match(line) and i > 0
                and (line.startswith(" ") or not page[i - 1].strip())), len(page))
    body, notes = page[:cut], page[cut:]
    found: list[tuple[str, list[str]]] = []
    for line in notes:
        m = _FOOTNOTE_START.match(line)
        if m and (line.startswith(" ") or not found):
            found.append((m.group(1), [m.group(2)]))
        elif line.strip() and found:
            found[-1][1].append(line.strip())
    joined = "\n".join(body)
    for number, words in found:
        key = len(treaty.footnotes) + 1
        treaty.footnotes[key] = " ".join(" ".join(words).split())
        treaty.numbers[key] = number
        marker = re.compile(r"(?:(?<=[A-Za-z\u201d\u2019)])|(?<=[A-Za-z)][.;,:])|(?<=\], ))" + number + r"(?=[\s,]|$)")
        hits = list(marker.finditer(joined)) or list(re.finditer(r"(?<=\d[.;,:])" + number + r"(?=\s|$)", joined))
        assert len(hits) == 1, (number, hits)
        joined = joined[:hits[0].start()] + f"[^{key}]" + joined[hits[0].end():]
        joined = joined.replace("], [^", "][^")
    return joined.split("\n")


def _paragraphs(lines: list[str]) -> Iterator[str]:
    para: list[str] = []
    for line in lines + [""]:
        if line.strip():
            para.append(line.strip())
        elif para:
            yield "\n".join(para)
            para = []


def _blocks(paragraphs: list[str]) -> Iterator[Block]:
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        m = re.match(r"^CHAPTER (\d+)$", p)
        if m:
            yield Block("chapter", paragraphs[i + 1], m.group(1))
            i += 2
            continue
        m = _ARTICLE.match(p)
        yield Block("article", m.group(2), m.group(1)) if m else Block("para", p)
        i += 1


# ---------------------------------------------------------------- PDF


@dataclass
class Style:
    page: tuple[float, float]
    font: str
    bold: str
    size: float
    leading: float
    note_size: float
    note_leading: float
    justify: bool
    rise_by_ts: bool  # superscripts raised by the text rise operator (else drawn at a higher baseline)
    margin: float = 72.0


A = Style((595.28, 841.89), "Times-Roman", "Times-Bold", 11, 14, 8, 10, justify=False, rise_by_ts=False)
B = Style((612.0, 792.0), "Helvetica", "Helvetica-Bold", 10, 13, 7.5, 9.5, justify=True, rise_by_ts=True)
LAYOUTS = {"A": A, "B": B, "C": A}


@dataclass
class _Line:
    pieces: list[tuple[str, bool]]  # (text, superscript)
    font: str
    size: float
    leading: float
    align: str = "left"  # left, centre, justify
    gap: float = 0.0  # extra space before the line


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)
    notes: list[_Line] = field(default_factory=list)
    used: float = 0.0
    chapter: str = ""
    headings: list[tuple[str, int]] = field(default_factory=list)  # (kind and number, index in lines)


class _Layout:
    """Flows the blocks of a treaty onto pages: body lines down from the top, footnotes up from the foot."""

    def __init__(self, t: Treaty, style: Style, layout: str) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.t, self.s, self.layout, self.width_of = t, style, layout, stringWidth
        self.width = style.page[0] - 2 * style.margin
        self.height = style.page[1] - 2 * style.margin - 20
        self.pages: list[_Page] = [_Page()]
        self.chapter = ""

    def run(self) -> list[_Page]:
        for b in self.t.blocks:
            if b.kind == "chapter":
                self.chapter = b.number
                self.pages[-1].chapter = self.pages[-1].chapter or b.number
                self.heading(b)
            elif b.kind == "article":
                self.heading(b)
            else:
                for line in self.wrap(b.text, self.s.font, self.s.size, self.width):
                    self.place(line, gap=6 if line is not None and line.gap else 0)
        return self.pages

    def heading(self, b: Block) -> None:
        s, title = self.s, b.text
        texts = {("chapter", "A"): [f"CHAPTER {b.number}", title], ("chapter", "B"): [f"CHAPTER {b.number} {title}"],
                 ("chapter", "C"): [f"Chapter {b.number} {title}"], ("article", "A"): [f"Article {b.number}: {title}"],
                 ("article", "B"): [f"ARTICLE {b.number}", title], ("article", "C"): [f"Article {b.number} {title}"]}
        align = "centre" if b.kind == "chapter" or self.layout == "B" else "left"
        for i, text in enumerate(texts[b.kind, self.layout]):
            pieces = _pieces(text)
            self.place(_Line(pieces, s.bold, s.size, s.leading, align), gap=16 if i == 0 else 4,
                       keep_with_next=True)
            if i == 0:
                page = self.pages[-1]
                page.headings.append((f"{b.kind} {b.number}", len(page.lines) - 1))

    def wrap(self, text: str, font: str, size: float, width: float) -> list[_Line]:
        s, words, lines = self.s, text.split(), []
        cur: list[str] = []
        while words:
            word = words.pop(0)
            if not cur or self.measure(cur + [word], font, size) <= width:
                cur.append(word)
                continue
            split = self.hyphenate(cur, word, font, size, width) if s.justify else None
            if split:
                cur.append(split[0])
            words.insert(0, split[1] if split else word)
            lines.append(cur)
            cur = []
        lines.append(cur)
        align = "justify" if s.justify else "left"
        out = [_Line(_pieces(" ".join(w)), font, size, s.leading if font == s.font and size == s.size
                     else s.note_leading, align if i < len(lines) - 1 else "left") for i, w in enumerate(lines)]
        if out:
            out[0].gap = 1
        return out

    def hyphenate(self, cur: list[str], word: str, font: str, size: float, width: float) -> Optional[tuple[str, str]]:
        """Break ``word`` at a hyphen it has, or (letters only, 8 or more) after 3+ letters leaving 3+."""
        candidates = [i + 1 for i, c in enumerate(word) if c == "-" and 0 < i < len(word) - 1]
        if not candidates and re.fullmatch(r"[a-z]{8,}", word):
            candidates = [i for i in range(3, len(word) - 2)]
            for i in reversed(candidates):
                head = word[:i] + "-"
                if self.measure(cur + [head], font, size) <= width:
                    return head, word[i:]
            return None
        for i in reversed(candidates):
            if self.measure(cur + [word[:i]], font, size) <= width:
                return word[:i], word[i:]
        return None

    def measure(self, words: list[str], font: str, size: float) -> float:
        text = " ".join(words)
        plain = _MARK.sub("", text)
        marks = ", ".join(self.t.number(int(k)) for k in _MARK.findall(text))
        return self.width_of(plain, font, size) + self.width_of(marks, font, size * 0.6)

    def place(self, line: Optional[_Line], gap: float = 0, keep_with_next: bool = False) -> None:
        assert line is not None
        page = self.pages[-1]
        keys = [int(k) for text, sup in line.pieces if sup for k in [text]]
        notes = [n for k in keys for n in self.note_lines(k)]
        need = gap + line.leading + sum(n.leading for n in notes) + (line.leading * 3 if keep_with_next else 0)
        if page.lines and page.used + need > self.height:
            self.pages.append(_Page(chapter=self.chapter))
            page, gap = self.pages[-1], 0
        line.gap = gap
        page.lines.append(line)
        page.notes.extend(notes)
        page.used += gap + line.leading + sum(n.leading for n in notes)

    def note_lines(self, key: int) -> list[_Line]:
        s = self.s
        lines = self.wrap(f"{self.t.footnotes[key]}", s.font, s.note_size, self.width - 12)
        first = [(str(key), True)] if self.layout != "B" else [(self.t.number(key) + " ", False)]
        lines[0].pieces = first + lines[0].pieces
        return lines


def _pieces(text: str) -> list[tuple[str, bool]]:
    """``covered person[^1] or`` -> [("covered person", False), ("1", True), (" or", False)] (keys as written
    here; the layout prints them)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARK.finditer(text):
        out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    out.append((text[pos:], False))
    return [p for p in out if p[0]]


def to_pdf(t: Treaty, layout: str, path: str) -> dict[str, tuple[int, int]]:
    """Write the treaty as a PDF in layout ``A``, ``B`` or ``C``; returns where each heading is drawn:
    ``{"article 12.1": (page, line)}``, lines counted from the top of the page (a running header is line 1)."""
    from reportlab.pdfgen.canvas import Canvas

    style = LAYOUTS[layout]
    pages = _Layout(t, style, layout).run()
    c = Canvas(path, pagesize=style.page, invariant=1)
    c.setTitle(t.name)
    placed = {}
    for n, page in enumerate(pages, 1):
        _draw_page(c, t, style, layout, page, n, len(pages))
        c.showPage()
        above = 1 if layout in ("A", "C") else 0  # the running header
        placed.update({what: (n, above + i + 1) for what, i in page.headings})
    c.save()
    return placed


def _draw_page(c: object, t: Treaty, s: Style, layout: str, page: _Page, n: int, total: int) -> None:
    width, height = s.page
    if layout in ("A", "C"):
        c.setFont(s.font, 8)  # type: ignore[attr-defined]
        c.drawCentredString(width / 2, height - 40, t.name)  # type: ignore[attr-defined]
        number = f"{page.chapter or '0'}-{n}" if layout == "A" else f"- {n} -"
        c.drawCentredString(width / 2, 30, number)  # type: ignore[attr-defined]
    else:
        c.setFont(s.font, 8)  # type: ignore[attr-defined]
        c.drawCentredString(width / 2, 30, f"Page {n} of {total}")  # type: ignore[attr-defined]
    y = height - s.margin
    for line in page.lines:
        y -= line.gap + line.leading
        _draw_line(c, t, s, line, y)
    if page.notes:
        y = s.margin + sum(x.leading for x in page.notes) + 6
        c.line(s.margin, y, s.margin + 120, y)  # type: ignore[attr-defined]
        for line in page.notes:
            y -= line.leading
            _draw_line(c, t, s, line, y, indent=0)


def _draw_line(c: object, t: Treaty, s: Style, line: _Line, y: float, indent: float = 0) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = s.page[0] - 2 * s.margin
    texts: list[tuple[str, bool]] = []
    for x, sup in line.pieces:
        if sup and texts and texts[-1][1]:
            texts.append((", ", True))  # two markers in a row: "7, 8"
        texts.append((t.number(int(x)) if sup else x, sup))
    natural = sum(stringWidth(x, line.font, line.size * (0.6 if sup else 1)) for x, sup in texts)
    x = s.margin + indent + ((width - natural) / 2 if line.align == "centre" else 0)
    spaces = sum(x.count(" ") for x, sup in texts if not sup)
    word_space = (width - natural) / spaces if line.align == "justify" and spaces else 0.0
    if s.rise_by_ts:
        obj = c.beginText(x, y)  # type: ignore[attr-defined]
        obj.setWordSpace(word_space)
        for text, sup in texts:
            obj.setFont(line.font, line.size * (0.6 if sup else 1))
            obj.setRise(line.size * 0.35 if sup else 0)
            obj.textOut(text)
        c.drawText(obj)  # type: ignore[attr-defined]
        return
    for text, sup in texts:
        size = line.size * (0.6 if sup else 1)
        c.setFont(line.font, size)  # type: ignore[attr-defined]
        c.drawString(x, y + (line.size * 0.35 if sup else 0), text)  # type: ignore[attr-defined]
        x += stringWidth(text, line.font, size)
