"""A console that cannot show every character: the symbols fall back to ASCII rather than fail.

A Windows code page (``cp1252``) or ``PYTHONIOENCODING=ascii`` cannot encode ``✓ ✗ ●``; writing them
would raise ``UnicodeEncodeError``.  :class:`Console` wraps such a stream: text the stream can encode
passes unchanged; otherwise the grade, strength and typographic symbols are spelled in ASCII and any
other character the stream cannot hold becomes ``?``.
"""

from __future__ import annotations

import codecs
from typing import Mapping, TextIO

ASCII: Mapping[str, str] = {
    "✓": "+", "✗": "x", "–": "-", "—": "-", "−": "-", "●": "#", "◐": "o", "○": ".",
    "“": '"', "”": '"', "‘": "'", "’": "'", "«": "<<", "»": ">>", "→": "->", "…": "...", "\u00a0": " ",
}
_TABLE = str.maketrans(dict(ASCII))


def ascii_symbols(text: str) -> str:
    """``✓ met`` -> ``+ met``: the symbols tradegap prints, spelled in ASCII."""
    return text.translate(_TABLE)


class Console:
    """A text stream that writes what its encoding cannot hold in ASCII symbols (see :data:`ASCII`)."""

    def __init__(self, stream: TextIO, encoding: str) -> None:
        self.stream = stream
        self.encoding = encoding

    def write(self, text: str) -> int:
        """Write ``text``, falling back to ASCII symbols (and ``?``) for what the encoding cannot hold."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            text = ascii_symbols(text).encode(self.encoding, "replace").decode(self.encoding)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def console(stream: TextIO) -> TextIO:
    """``stream`` itself if its encoding holds every character (UTF-8, or an in-memory stream), else a
    :class:`Console` around it."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return stream
    try:
        if codecs.lookup(encoding).name.startswith("utf"):
            return stream
    except LookupError:
        return stream
    wrapped: TextIO = Console(stream, encoding)  # type: ignore[assignment]
    return wrapped
