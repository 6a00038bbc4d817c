"""Read a ToTA XML file (Texts of Trade Agreements) into a :class:`RawTreaty`.

The XML is parsed with defusedxml, DTDs forbidden: no entity expansion, no
external entities, nothing fetched.  Metadata becomes the language's terms:
alpha-3 party codes become alpha-2, the WTO status and type become a status
and a kind, dates are checked.  Every problem is a diagnostic, never an
exception.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING, Any, Optional
from xml.etree.ElementTree import TreeBuilder

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.importer.raw import RawArticle, RawChapter, RawTreaty, clean_text, slug
from engine.util.text import BadByte

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_XML_DEPTH = 200
"""How deep elements may nest (ToTA files nest fewer than ten levels)."""

# ToTA's status (lower case) -> the language's
STATUSES = {"in force": V.Status.IN_FORCE, "inactive": V.Status.TERMINATED,
            "early announcement-signed": V.Status.SIGNED, "early announcement - signed": V.Status.SIGNED,
            "signed": V.Status.SIGNED}
_ENCODING_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# expat error codes that mean an encoding problem, not a syntax one
_EXPAT_ENCODING_ERRORS = {18, 19}


def read_tota(data: bytes, path: str) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``data`` (the bytes of a ToTA XML file), or None and why not."""
    root, diags = _parse_xml(data, path)
    if root is None:
        return None, diags
    meta, body = root.find("meta"), root.find("body")
    if root.tag != "treaty" or meta is None or body is None:
        return None, (C.NOT_A_TOTA_ROOT.at(M.Span(path, 1, 1, 1, 2), tag=root.tag),)
    return _treaty(meta, body, path), ()


# ---------------------------------------------------------------- XML, safely


def _parse_xml(data: bytes, path: str) -> tuple[Optional[Element], tuple[D.Diagnostic, ...]]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden, NotSupportedError
    from defusedxml.ElementTree import DefusedXMLParser

    bad = _encoding_problem(data, path)
    if bad is not None:
        return None, (bad,)
    parser = DefusedXMLParser(target=_DepthLimited(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        return parser.close(), ()
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden, NotSupportedError) as exc:
        line, col = _position(parser)
        what = {DTDForbidden: "a document type declaration (DTD)",
                EntitiesForbidden: "an entity declaration",
                ExternalReferenceForbidden: "a reference to an external resource"}.get(type(exc),
                                                                                    "an unsafe construct")
        return None, (C.XML_REFUSED.at(M.Span(path, line, col, line, col + 1), what=what),)
    except ParseError as exc:
        return None, (_parse_error(exc, path),)
    except _TooDeep:
        line, col = _position(parser)
        return None, (C.XML_TOO_DEEP.at(M.Span(path, line, col, line, col + 1), limit=MAX_XML_DEPTH),)
    except (LookupError, ValueError) as exc:  # an encoding Python does not know, or expat cannot use (UTF-7)
        return None, (C.XML_UNDECODABLE.at(M.Span(path, 1, 1, 1, 2), error=str(exc)),)


def _parse_error(exc: Exception, path: str) -> D.Diagnostic:
    line, col = getattr(exc, "position", (1, 0))
    message = str(exc).split(":")[0]
    where = M.Span(path, line, col + 1, line, col + 2)
    if getattr(exc, "code", None) in _EXPAT_ENCODING_ERRORS:
        return C.XML_UNDECODABLE.at(where, error=message)
    truncated = "no element found" in message or "unclosed token" in message
    return (C.XML_CUT_SHORT if truncated else C.XML_MARKUP_ERROR).at(where, error=message)


class _TooDeep(Exception):
    """Elements nested deeper than :data:`MAX_XML_DEPTH`."""


class _DepthLimited(TreeBuilder):
    """The tree builder, refusing to nest elements deeper than :data:`MAX_XML_DEPTH`: reading the text of
    a deeper tree (``itertext``) would recurse past Python's limit."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise _TooDeep()
        return super().start(tag, attrs)

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return super().end(tag)


def _position(parser: object) -> tuple[int, int]:
    expat: Any = getattr(parser, "parser", None) or getattr(parser, "_parser", None)
    try:
        return expat.CurrentLineNumber, expat.CurrentColumnNumber + 1
    except AttributeError:  # pragma: no cover - defensive
        return 1, 1


def _encoding_problem(data: bytes, path: str) -> Optional[D.Diagnostic]:
    """Say so when a file declared (or defaulting to) UTF-8 is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: expat reads it
    m = _ENCODING_DECL.match(data[:200])
    declared = m.group(1).decode("ascii").lower().replace("_", "-") if m else "utf-8"
    if declared not in ("utf-8", "utf8"):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        bad = BadByte.of(exc)
        return C.XML_NOT_UTF8.at(M.Span(path, bad.line, bad.column, bad.line, bad.column + 1), byte=bad.value)


# ---------------------------------------------------------------- metadata


def _text(el: Optional[Element]) -> str:
    return clean_text("".join(el.itertext())) if el is not None else ""


def _date(meta: Element, tag: str, notes: list[str]) -> Optional[dt.date]:
    raw = _text(meta.find(tag))
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        notes.append(f"ToTA {tag} `{raw}` is not a date; left out")
        return None


def _parties(meta: Element, notes: list[str]) -> tuple[str, ...]:
    codes = [_text(p) for p in meta.findall("parties/partyisocode")]
    if not any(codes):
        codes = [_text(p) for p in meta.findall("parties_original/partyisocode")]
        if any(codes):
            notes.append("ToTA lists no current parties; the original signatories are given")
    out: list[str] = []
    for code in filter(None, codes):
        c = P.canonical(code)
        if c is None:
            notes.append(f"ToTA party code `{code}` is not an ISO 3166-1 code tradegap knows; left out")
        elif c not in out:
            out.append(c)
    return tuple(out)


def _kind(name: str, wto_type: str) -> Optional[V.AgreementKind]:
    low, t = name.lower(), wto_type.lower()
    if "comprehensive economic partnership" in low:
        return V.AgreementKind.CEPA
    if "economic partnership" in low:
        return V.AgreementKind.EPA
    if "free trade" in t:
        return V.AgreementKind.FTA
    return V.AgreementKind.OTHER if t else None


def _ident(meta: Element, path: str) -> str:
    number = _text(meta.find("treaty_identifier"))
    if re.fullmatch(r"\d+", number):
        return f"tota-{int(number)}"
    return slug(os.path.splitext(os.path.basename(path))[0])


def _treaty(meta: Element, body: Element, path: str) -> RawTreaty:
    notes: list[str] = []
    name = _text(meta.find("name")) or None
    status_raw = _text(meta.find("status"))
    status = STATUSES.get(status_raw.lower())
    if status_raw and status is None:
        notes.append(f"ToTA status `{status_raw}` has no equivalent; left out")
    signed = _date(meta, "date_signed", notes)
    in_force = _date(meta, "date_into_force", notes)
    if signed and in_force and in_force < signed:
        notes.append(f"ToTA gives entry into force {in_force} before signature {signed}; entry into force left out")
        in_force = None
    notes.append(f"ToTA holds one text of this agreement{f' (signed {signed})' if signed else ''}: amendments and "
                 "protocols made later, if any, are not in it, so findings grade that text, not the agreement as it "
                 "may stand on the date asked")
    language = _text(meta.find("language"))
    if language and language != "en":
        notes.append(f"the text is in `{language}`: the English coding rules find little in it")
    chapters = []
    for i, ch in enumerate(body.findall("chapter"), 1):
        articles = tuple(
            RawArticle(a.get("number"), clean_text(a.get("name") or "") or None, "".join(a.itertext()),
                       f"ToTA article_identifier {a.get('article_identifier') or '?'}")
            for a in ch.findall("article"))
        chapters.append(RawChapter(ch.get("number"), clean_text(ch.get("name") or "") or None, articles,
                                   f"ToTA chapter_identifier {ch.get('chapter_identifier') or i}"))
    return RawTreaty(
        ident=_ident(meta, path), title=name, kind=_kind(name or "", _text(meta.find("type"))),
        status=status, parties=_parties(meta, notes), signed=signed, in_force=in_force,
        source=os.path.basename(path), chapters=tuple(chapters), notes=tuple(notes),
    )
