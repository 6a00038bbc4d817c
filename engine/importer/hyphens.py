"""Words hyphenated at the end of a line, joined again.

A line that ends with a letter and a hyphen, followed by a line that starts with a letter, holds a word
broken in two.  Whether the hyphen is the typesetter's (``commit-`` ``ment`` is *commitment*) or the
word's own (``non-`` ``conforming`` is *non-conforming*) is decided by the text itself, in this order:

1. the second part starts with a capital or a digit (``Non-`` ``Conforming``, ``Annex-`` ``1``): kept;
2. the first part is a single letter (``e-`` ``mail``): kept;
3. the joined word occurs elsewhere in the document (``commitment``): joined;
4. the hyphenated word occurs elsewhere (``cross-border``): kept;
5. the first part is a prefix English writes with a hyphen (non, cross, self, quasi, well): kept;
6. both parts occur elsewhere as words of their own, the first of at least three letters
   (``sector-`` ``specific``): kept;
7. otherwise: joined (most hyphens at the end of a justified line are the typesetter's).

The word moves up to the line where it starts; the line it came from keeps the rest.  A line that reads
like a heading (``Article 3``, ``CHAPTER 2``) is never taken from.  Words split this way
are not counted when the rules look for words "elsewhere".
"""

from __future__ import annotations

import re
from typing import Sequence

from engine.importer.lines import Line, visible

PREFIXES = frozenset({"non", "cross", "self", "quasi", "well"})
_BROKEN = re.compile(r"(?:^|[^\w\-])([^\W\d_]+(?:-[^\W\d_]+)*)-$")
_NEXT = re.compile(r"^\s*(\S+)")
_PART = re.compile(r"[^\W\d_]+|\d+")
_HEADING = re.compile(r"(?i)\s*(?:article|art\.|chapter|section|annex|part)\s+[0-9ivxlc]")  # never joined into
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def repair(lines: Sequence[Line]) -> list[Line]:
    """The lines with words broken at line ends joined (see the module's rules)."""
    texts = [x.text.rstrip() for x in lines]
    breaks = [i for i in range(len(texts) - 1) if _BROKEN.search(texts[i]) and _PART.match(texts[i + 1].lstrip())
              and not _HEADING.match(texts[i + 1])]
    if not breaks:
        return list(lines)
    words = _vocabulary(texts, set(breaks))
    for i in breaks:
        first = _BROKEN.search(texts[i])
        second = _NEXT.match(texts[i + 1])
        if first is None or second is None:  # an earlier join emptied the line
            continue
        token = second.group(1)  # the word and what is glued to it: "ment,", "ment\ue000...\ue001."
        part = _PART.match(visible(token))
        if part is None:
            continue
        keep = keeps_hyphen(first.group(1).split("-")[-1], part.group(), words)
        texts[i] = texts[i][:-1] + ("-" if keep else "") + token
        texts[i + 1] = texts[i + 1][second.end():].lstrip()
    # a line that held only the end of a broken word is gone (it must not read as a blank line)
    return [Line(t, x.at) for t, x in zip(texts, lines) if t or not x.text.strip()]


def keeps_hyphen(head: str, tail: str, words: frozenset[str]) -> bool:
    """Whether ``head-`` at a line end and ``tail`` on the next line are one hyphenated word (else one word
    the typesetter hyphenated)."""
    if tail[:1].isupper() or tail[:1].isdigit() or len(head) == 1:
        return True
    h, t = head.lower(), tail.lower()
    if h + t in words:
        return False
    if f"{h}-{t}" in words or h in PREFIXES:
        return True
    return len(h) >= 3 and h in words and t in words


def _vocabulary(texts: list[str], breaks: set[int]) -> frozenset[str]:
    """Every word of the text (hyphenated words also as such), less the parts of words broken at line ends."""
    out: set[str] = set()
    for i, text in enumerate(texts):
        found = _WORD.findall(visible(text).lower())
        if i in breaks and found:
            found.pop()
        if i - 1 in breaks and found:
            found.pop(0)
        out.update(found)
    return frozenset(out)
