"""Importing treaty texts: ToTA XML, plain text or PDF in, a draft agreement out, auto-coded.

    result = import_file("pta_425.xml")
    if result.agreement is not None:
        text = to_source(result)          # the agreement in the language, ready to review

Reading never raises for bad input: a file that is empty, too large, not
decodable, malformed or hostile XML gives diagnostics and no agreement.
:func:`to_source` checks its own output: the text it returns parses (and
validates, given the validator), else it raises :class:`GeneratedSourceError`.
"""

from __future__ import annotations

import os
import re
from typing import Any, Callable, Iterable, Optional, Union

import attrs

from engine.errors import InvalidInput, UsageError
from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.importer.build import Stats, build_agreement
from engine.importer.raw import Progress
from engine.importer.rules_lang import RuleSet, bundled_rules, parse_rules, read_rules
from engine.syntax.limits import MAX_FILE_BYTES
from engine.util.text import BadByte

MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = MAX_FILE_BYTES
"""A plain text's limit: its draft, a source file, must fit in one (XML markup is heavier: 64 MiB)."""
FORMATS = ("tota", "text", "pdf")


__all__ = ["ImportResult", "Stats", "RuleSet", "import_file", "import_bytes", "detect_format", "to_source",
           "GeneratedSourceError", "DraftTooLarge", "Validator", "bundled_rules", "read_rules", "parse_rules", "MAX_IMPORT_BYTES",
           "MAX_TEXT_BYTES", "FORMATS", "Progress"]

# What checks a parsed document beyond its syntax (``engine.checking.validate.validate``, which this
# side entrance may not import: the caller that may passes it).
Validator = Callable[[M.Document], Iterable[D.Diagnostic]]


@attrs.frozen
class ImportResult:
    """The imported agreement (None if the input could not be read) and what was found on the way."""

    path: str
    format: Optional[str]
    agreement: Optional[M.Agreement]
    diagnostics: tuple[D.Diagnostic, ...] = ()
    stats: Stats = Stats()

    @property
    def ok(self) -> bool:
        return self.agreement is not None and not any(d.is_error for d in self.diagnostics)


_PDF_HEADER = re.compile(rb"(?:^|[\r\n])%PDF-\d")


def detect_format(data: bytes) -> str:
    """``pdf`` for a PDF (``%PDF-`` in its first kilobyte, as readers accept it), ``tota`` for XML (the first
    thing in the file is ``<``), else ``text``."""
    if _PDF_HEADER.search(data[:1024]):
        return "pdf"
    head = data[:512]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return "tota" if head.decode("utf-16").lstrip("\ufeff \t\r\n").startswith("<") else "text"
        except UnicodeDecodeError:
            return "text"
    return "tota" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "text"


def _fail(path: str, fmt: Optional[str], message: C.Message, **fields: Any) -> ImportResult:
    return ImportResult(path, fmt, None, (message.at(M.Span(path), **fields),))


def import_bytes(data: bytes, path: str, fmt: Optional[str] = None, rules: Optional[RuleSet] = None,
                 progress: Optional[Progress] = None) -> ImportResult:
    """Import the bytes of a file (``path`` names it in diagnostics and in the agreement's source);
    ``progress`` is told how far the reading is (a PDF's pages)."""
    fmt = fmt or detect_format(data)
    if not data.strip(b" \t\r\n\f\v\xef\xbb\xbf"):
        return _fail(path, fmt, C.EMPTY_FILE)
    if fmt == "pdf":
        from engine.importer.pdf import read_pdf

        raw, diags = read_pdf(data, path, progress)
    elif fmt == "tota":
        from engine.importer.tota import read_tota

        raw, diags = read_tota(data, path)
    else:
        if (b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))) \
                or _PDF_HEADER.search(data[:1024]):
            return _fail(path, fmt, C.BINARY_INPUT)
        if len(data) > MAX_TEXT_BYTES:
            return _fail(path, fmt, C.TEXT_IMPORT_TOO_LARGE, size=_size(len(data)), limit=_size(MAX_TEXT_BYTES))
        text = _decode(data, path)
        if isinstance(text, D.Diagnostic):
            return ImportResult(path, fmt, None, (text,))
        from engine.importer.plaintext import read_text

        raw, diags = read_text(text, path)
    if raw is None:
        return ImportResult(path, fmt, None, diags)
    agreement, stats = build_agreement(raw, rules or bundled_rules(), path)
    return ImportResult(path, fmt, agreement, diags + stats.warnings, stats)


def _decode(data: bytes, path: str) -> Union[str, D.Diagnostic]:
    """The text (UTF-16 with a byte-order mark, else UTF-8), or the diagnostic for its first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = BadByte.of(exc)
        return C.TEXT_NOT_UTF8.at(M.Span(path, bad.line, bad.column, bad.line, bad.column + 1), byte=bad.value)


def import_file(path: str, fmt: Optional[str] = None, rules: Optional[RuleSet] = None,
                max_bytes: int = MAX_IMPORT_BYTES, progress: Optional[Progress] = None) -> ImportResult:
    """Import one file; a regular file over ``max_bytes`` is refused before it is read (a plain text over
    :data:`MAX_TEXT_BYTES` too), and a FIFO or a device is read up to the limit and no further (a FIFO
    no one writes to reads as empty)."""
    from engine.util.files import read_bounded

    if fmt == "text":
        max_bytes = min(max_bytes, MAX_TEXT_BYTES)
    try:
        got = read_bounded(path, max_bytes)
    except IsADirectoryError:
        return _fail(path, fmt, C.IMPORT_OF_A_FOLDER)
    except OSError as exc:
        return _fail(path, fmt, C.CANNOT_READ, reason=exc.strerror or exc)
    if got.data is None:
        if got.regular and got.size > max_bytes:
            return _fail(path, fmt, C.IMPORT_TOO_LARGE, size=_size(got.size), limit=_size(max_bytes))
        return _fail(path, fmt, C.IMPORT_GREW_TOO_LARGE, limit=_size(max_bytes))
    return import_bytes(got.data, path, fmt, rules, progress)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


class GeneratedSourceError(InvalidInput):
    """The source :func:`to_source` generated does not check: a bug in the importer.

    ``diagnostics`` says why, pointing into ``text``, which is named ``path``.
    """

    diagnostics: tuple[D.Diagnostic, ...]

    def __init__(self, text: str, path: str, diagnostics: tuple[D.Diagnostic, ...]) -> None:
        super().__init__("the import does not check as tradegap source; nothing written", diagnostics,
                         "this is a bug in tradegap; please report it with the file imported")
        self.text = text
        self.path = path


class DraftTooLarge(InvalidInput):
    """The draft :func:`to_source` would write is over the size limit of a source file (a huge treaty)."""

    diagnostics: tuple[D.Diagnostic, ...]

    def __init__(self, diagnostic: D.Diagnostic) -> None:
        super().__init__(diagnostic.message, (diagnostic,), diagnostic.hint)


def to_source(result: ImportResult, path: str = "<output>", validate: Optional[Validator] = None) -> str:
    """The imported agreement as source text of the language, with a header saying what it is.

    Args:
        result: an import that read an agreement.
        path: what to call the text in diagnostics (where it is to be written).
        validate: checks on the parsed text beyond its syntax (the command line passes
            ``engine.checking.validate.validate``).

    Raises:
        UsageError: nothing was imported (``result.agreement`` is None).
        DraftTooLarge: the text would be over the size limit of a source file.
        GeneratedSourceError: the text does not parse, or ``validate`` finds an error in it.
    """
    from engine.syntax.printer import format_document

    if result.agreement is None:
        raise UsageError("nothing was imported")
    header = (f"# Imported from {os.path.basename(result.path)} by `tradegap import` ({result.format}).\n"
              "# Auto-coded suggestions, not a reviewed encoding: every article is `verification auto`.\n"
              "# Check each topic, strength, exception and quote against the text before relying on it.\n\n")
    text = header + format_document(M.Document(result.path, (result.agreement,)))
    if len(text) > MAX_FILE_BYTES:
        size = len(text.encode("utf-8", "surrogatepass"))
        raise DraftTooLarge(C.DRAFT_TOO_LARGE.at(M.Span(result.path), size=_size(size), limit=_size(MAX_FILE_BYTES)))
    problems = _problems(text, path, validate)
    if problems:
        raise GeneratedSourceError(text, path, problems)
    return text


def _problems(text: str, path: str, validate: Optional[Validator]) -> tuple[D.Diagnostic, ...]:
    """Errors in generated source (there should be none): every diagnostic when it does not parse."""
    from engine.syntax.parse import parse_text

    parsed = parse_text(text, path)
    diags = list(parsed.diagnostics)
    if parsed.document is not None and validate is not None:
        diags.extend(validate(parsed.document))
    lines = text.split("\n") if any(d.focus for d in diags) else []
    diags = sorted((D.narrow(d, lines) for d in diags), key=D.sort_key)
    return tuple(d for d in diags if d.is_error) if parsed.document is not None else tuple(diags)
