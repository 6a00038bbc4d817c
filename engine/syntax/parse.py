"""Text to model: the cached lark parser, its transformer, and syntax diagnostics.

The LALR parser runs with the transformer inside it, so no parse tree is
built; spans come from the keyword tokens that start every statement.
lark's exceptions never leave this module: they become diagnostics.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import gc
from typing import Any, Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M

from engine.syntax.limits import (MAX_FILE_BYTES, MAX_FOOTNOTE, MAX_PREDICATE_DEPTH, MAX_RECOVERY_STEPS,
                                  MAX_SYNTAX_ERRORS, MAX_YEARS)

# The file being parsed and the diagnostics found so far, for the transformer
# callbacks (lark binds the transformer once, when the parser is built).
_context: contextvars.ContextVar["_ParseContext"] = contextvars.ContextVar("tradegap_parse")


@attrs.define
class _ParseContext:
    path: str
    diagnostics: list = attrs.field(factory=list)


@attrs.frozen
class ParseResult:
    """A parsed file: the document (None when it could not be parsed) and diagnostics."""

    document: Optional[M.Document]
    diagnostics: tuple[D.Diagnostic, ...]
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.document is not None and not any(d.is_error for d in self.diagnostics)


# ---------------------------------------------------------------- spans


def _tok_span(path: str, first: Any, last: Any = None) -> M.Span:
    last = first if last is None else last
    end_line = getattr(last, "end_line", None) or getattr(last, "line", 0)
    end_col = getattr(last, "end_column", None) or getattr(last, "column", 0)
    return M.Span(path, first.line, first.column, end_line, end_col)


def _last_token(children: list) -> Any:
    """The last lark token among children, looking through model nodes' spans."""
    for child in reversed(children):
        if isinstance(child, str):  # a lark Token (model nodes are never strings)
            return child
        span = getattr(child, "span", None)
        if isinstance(span, M.Span) and span.line:
            return _SpanEnd(span.end_line, span.end_column)
    return None


@attrs.frozen
class _SpanEnd:
    end_line: int
    end_column: int
    line: int = 0
    column: int = 0


@attrs.frozen
class _Setting:
    """A single-valued statement (kind, status, signed, ...) before assembly."""

    key: str
    value: Any
    span: M.Span


# ---------------------------------------------------------------- transformer


def _unquote(token: Any) -> str:
    body = str(token)[1:-1]
    if "\\" not in body:
        return body
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(body[i + 1])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _build_transformer():
    from lark import Token, Transformer

    def ctx() -> _ParseContext:
        return _context.get()

    def span(children: list) -> M.Span:
        first = children[0] if isinstance(children[0], Token) else next(c for c in children if isinstance(c, Token))
        return _tok_span(ctx().path, first, _last_token(children))

    def date(tok: Token) -> Optional[dt.date]:
        try:
            return dt.date.fromisoformat(str(tok))
        except ValueError:
            ctx().diagnostics.append(C.NOT_A_DATE.at(_tok_span(ctx().path, tok), text=tok))
            return None

    def whole(tok: Token, what: str, limit: int) -> Optional[int]:
        if len(tok) > len(str(limit)) or int(tok) > limit:  # the length first: int() of 5,000 digits raises
            shown = str(tok) if len(tok) <= 12 else str(tok)[:9] + "..."
            ctx().diagnostics.append(C.TOO_LARGE_FOR.at(_tok_span(ctx().path, tok), shown=shown, what=what,
                                                        limit=limit))
            return None
        return int(tok)

    def toks(children: list, type_: str) -> list[str]:
        return [str(c) for c in children if isinstance(c, Token) and c.type == type_]

    def quotes(children: list) -> tuple[M.Quote, ...]:
        return tuple(c for c in children if isinstance(c, M.Quote))

    def period(children: list) -> Optional[M.Period]:
        return next((c for c in children if isinstance(c, M.Period)), None)

    def setting_once(settings: dict, item: _Setting, owner: str) -> None:
        if item.key in settings:
            ctx().diagnostics.append(C.SETTING_GIVEN_TWICE.at(
                item.span, secondary=((settings[item.key].span, "first given"),), key=item.key, owner=owner))
        else:
            settings[item.key] = item

    def split_body(children: list, owner: str):
        """Sort a block's statements by type; single-valued settings checked once."""
        settings: dict[str, _Setting] = {}
        nodes: dict[type, list] = {}
        for c in children:
            if isinstance(c, _Setting):
                setting_once(settings, c, owner)
            elif not isinstance(c, Token):
                nodes.setdefault(type(c), []).append(c)
        return settings, nodes

    def single(nodes: dict, cls: type, owner: str):
        found = nodes.get(cls, [])
        for extra in found[1:]:
            ctx().diagnostics.append(C.ARTICLE_SAYS_TWICE.at(
                extra.span, secondary=((found[0].span, "first given"),), owner=owner))
        return found[0] if found else None

    def value(settings: dict, key: str):
        return settings[key].value if key in settings else None

    class ToModel(Transformer):
        # ---- small pieces
        def quote(self, c):
            citation = next((x for x in c if isinstance(x, M.Citation)), None)
            return M.Quote(_unquote(c[0]), citation, span=_tok_span(ctx().path, c[0]))

        def citation(self, c):
            nums = [x for x in c if isinstance(x, Token) and x.type in ("NUMBER", "INT")]
            fn = whole(nums[1], "a footnote number", MAX_FOOTNOTE) if len(nums) > 1 else None
            return M.Citation(str(nums[0]), fn)

        def period_years(self, c):
            return M.Period(years=whole(c[1], "a period in years", MAX_YEARS))

        def period_until(self, c):
            return M.Period(until=date(c[1]))

        def strength(self, c):
            return c[0]

        # ---- settings
        def kind_stmt(self, c):
            return _Setting("kind", str(c[1]), span(c))

        def status_stmt(self, c):
            return _Setting("status", str(c[1]), span(c))

        def parties_stmt(self, c):
            return _Setting("parties", tuple(toks(c, "CODE")), span(c))

        def signed_stmt(self, c):
            return _Setting("signed", date(c[1]), span(c))

        def in_force_stmt(self, c):
            d = date(c[-1])
            return M.PartyEntry(d, tuple(toks(c, "CODE")), span=span(c)) if d else None

        def source_stmt(self, c):
            return _Setting("source", _unquote(c[1]), span(c))

        def verification_stmt(self, c):
            return _Setting("verification", str(c[1]), span(c))

        def based_on_stmt(self, c):
            return _Setting("based-on", str(c[1]), span(c))

        def version_stmt(self, c):
            return _Setting("version", _unquote(c[1]), span(c))

        def note_stmt(self, c):
            return M.Note(_unquote(c[1]), span=span(c))

        # ---- article statements
        def topic_stmt(self, c):
            return _Topics(tuple(toks(c, "NAME")), span(c))

        def commitment(self, c):
            names = toks(c, "NAME")
            return M.Commitment(str(c[0]).lower(), names[0] if names else None, quotes(c), span=span(c))

        def scope_stmt(self, c):
            return M.Scope(str(c[0]), str(c[1]), quotes(c), span=span(c))

        def software_stmt(self, c):
            return M.Software(str(c[1]), quotes(c), span=span(c))

        def exception_stmt(self, c):
            names = toks(c, "NAME")
            return M.Exception_(names[0], tuple(names[1:]), quotes(c), span=span(c))

        def ds_stmt(self, c):
            return M.DisputeSettlement(str(c[1]), tuple(toks(c, "CODE")), period(c), quotes(c), span=span(c))

        def contingent_stmt(self, c):
            return M.Contingency(str(c[1]), quotes(c), span=span(c))

        def transition_stmt(self, c):
            return M.Transition(tuple(toks(c, "CODE")), period(c), quotes(c), span=span(c))

        def reservation_stmt(self, c):
            return M.Reservation(tuple(toks(c, "CODE")), period(c), quotes(c), span=span(c))

        def remove_stmt(self, c):
            names = toks(c, "NAME")
            return M.Removal(names[0], names[1] if len(names) > 1 else None, span=span(c))

        # ---- blocks
        def _article_fields(self, children: list, owner: str) -> dict:
            settings, nodes = split_body(children, owner)
            topics: list[str] = []
            topic_span = M.NO_SPAN
            for t in nodes.get(_Topics, []):
                topics.extend(t.names)
                topic_span = topic_span if topic_span.line else t.span
            return dict(
                topics=tuple(topics),
                commitment=single(nodes, M.Commitment, owner),
                scope=tuple(nodes.get(M.Scope, [])),
                software=single(nodes, M.Software, owner),
                exceptions=tuple(nodes.get(M.Exception_, [])),
                dispute_settlement=tuple(nodes.get(M.DisputeSettlement, [])),
                contingency=single(nodes, M.Contingency, owner),
                transitions=tuple(nodes.get(M.Transition, [])),
                reservations=tuple(nodes.get(M.Reservation, [])),
                verification=value(settings, "verification"),
                notes=tuple(nodes.get(M.Note, [])),
                topic_span=topic_span,
            ), nodes

        def article(self, c):
            number = str(c[1])
            title = _unquote(c[2]) if len(c) > 2 and isinstance(c[2], Token) and c[2].type == "STRING" else None
            fields, _ = self._article_fields(c[2:], f"article {number}")
            return M.Article(number, title, span=span(c), **fields)

        def amend(self, c):
            number = str(c[2])
            title = _unquote(c[3]) if len(c) > 3 and isinstance(c[3], Token) and c[3].type == "STRING" else None
            fields, nodes = self._article_fields(c[3:], f"the amendment of article {number}")
            sp = span(c)
            changes = M.Article(number, title, span=sp, **fields)
            return M.Amendment(number, title, changes, tuple(nodes.get(M.Removal, [])), span=sp)

        def omit(self, c):
            reason = _unquote(c[3]) if len(c) > 3 else None
            return M.Omission(str(c[2]), reason, span=span(c))

        def chapter(self, c):
            number = str(c[1])
            title = _unquote(c[2]) if len(c) > 2 and isinstance(c[2], Token) and c[2].type == "STRING" else None
            settings, nodes = split_body(c[2:], f"chapter {number}")
            return M.Chapter(
                number, title,
                articles=tuple(nodes.get(M.Article, [])),
                exceptions=tuple(nodes.get(M.Exception_, [])),
                dispute_settlement=tuple(nodes.get(M.DisputeSettlement, [])),
                scope=tuple(nodes.get(M.Scope, [])),
                verification=value(settings, "verification"),
                notes=tuple(nodes.get(M.Note, [])),
                span=span(c),
            )

        def agreement(self, c):
            ident = str(c[1])
            title = _unquote(c[2]) if len(c) > 2 and isinstance(c[2], Token) and c[2].type == "STRING" else None
            settings, nodes = split_body(c[2:], f"agreement {ident}")
            return M.Agreement(
                ident, title,
                kind=value(settings, "kind"),
                status=value(settings, "status"),
                parties=value(settings, "parties") or (),
                signed=value(settings, "signed"),
                in_force=tuple(nodes.get(M.PartyEntry, [])),
                source=value(settings, "source"),
                verification=value(settings, "verification"),
                based_on=value(settings, "based-on"),
                exceptions=tuple(nodes.get(M.Exception_, [])),
                dispute_settlement=tuple(nodes.get(M.DisputeSettlement, [])),
                chapters=tuple(nodes.get(M.Chapter, [])),
                articles=tuple(nodes.get(M.Article, [])),
                amendments=tuple(nodes.get(M.Amendment, [])),
                omissions=tuple(nodes.get(M.Omission, [])),
                notes=tuple(nodes.get(M.Note, [])),
                span=span(c),
                spans=M.SettingSpans(**{k.replace("-", "_"): s.span for k, s in settings.items()}),
            )

        # ---- norms
        def atom(self, c):
            if isinstance(c[0], M.Atom):
                head = c[0]
                return M.Atom(head.name, head.args + (str(c[1]),),
                              span=M.Span(head.span.file, head.span.line, head.span.column,
                                          c[1].end_line, c[1].end_column))
            return M.Atom(str(c[0]), (), span=_tok_span(ctx().path, c[0]))

        def not_pred(self, c):
            return M.Not(c[1], span=span(c))

        def and_pred(self, c):
            return M.All(tuple(c), span=_merge(c))

        def or_pred(self, c):
            return M.Any_(tuple(c), span=_merge(c))

        def requirement(self, c):
            essential = any(isinstance(x, Token) and x.type == "ESSENTIAL" for x in c)
            forbid = any(isinstance(x, Token) and x.type == "FORBID" for x in c)
            pred = next(x for x in c if isinstance(x, (M.Atom, M.Not, M.All, M.Any_)))
            sp = span(c)
            if _depth(pred) > MAX_PREDICATE_DEPTH:
                ctx().diagnostics.append(C.CONDITIONS_TOO_DEEP.at(sp, limit=MAX_PREDICATE_DEPTH))
            return M.Requirement(pred, _unquote(c[-1]), forbid, essential, span=sp)

        def norm(self, c):
            ident = str(c[1])
            title = _unquote(c[2]) if len(c) > 2 and isinstance(c[2], Token) and c[2].type == "STRING" else None
            _, nodes = split_body(c[2:], f"norm {ident}")
            topics = tuple(t for group in nodes.get(_Topics, []) for t in group.names)
            return M.Norm(ident, title, topics, tuple(nodes.get(M.Requirement, [])),
                          tuple(nodes.get(M.Note, [])), span=span(c))

        def normset(self, c):
            ident = str(c[1])
            title = _unquote(c[2]) if len(c) > 2 and isinstance(c[2], Token) and c[2].type == "STRING" else None
            settings, nodes = split_body(c[2:], f"norm set {ident}")
            return M.NormSet(ident, title, value(settings, "version"), value(settings, "source"),
                             tuple(nodes.get(M.Norm, [])), tuple(nodes.get(M.Note, [])), span=span(c))

        # ---- expectations
        def normref(self, c):
            return tuple(str(x) for x in c)

        def as_of_opt(self, c):
            return _Setting("as-of", date(c[1]), span(c))

        def party_opt(self, c):
            return _Setting("party", str(c[1]), span(c))

        def expectation(self, c):
            ref = c[2]
            settings, _ = split_body(c[4:], "the expectation")
            return M.Expectation(str(c[1]), ref[0], ref[1] if len(ref) > 1 else None, str(c[3]),
                                 value(settings, "as-of"), value(settings, "party"), span=span(c))

        def start(self, c):
            return tuple(x for x in c if x is not None)

    return ToModel()


@attrs.frozen
class _Topics:
    names: tuple[str, ...]
    span: M.Span


def _depth(pred: M.Predicate) -> int:
    """How deep conditions nest (an atom alone: 0), without recursion."""
    deepest, stack = 0, [(pred, 0)]
    while stack:
        p, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(p, M.Not):
            stack.append((p.operand, d + 1))
        elif isinstance(p, (M.All, M.Any_)):
            stack.extend((o, d + 1) for o in p.operands)
    return deepest


def _merge(nodes: list) -> M.Span:
    first, last = nodes[0].span, nodes[-1].span
    return M.Span(first.file, first.line, first.column, last.end_line, last.end_column)


@functools.lru_cache(maxsize=1)
def _parser():
    """The LALR parser with the transformer inside, built once per process."""
    from lark import Lark

    return Lark.open_from_package(
        "engine", "tradegap.lark", ("syntax/grammar",),
        parser="lalr", lexer="contextual", transformer=_build_transformer(),
        propagate_positions=False, maybe_placeholders=False,
    )


# ---------------------------------------------------------------- errors

_TOKEN_WORDS = {
    "NAME": "a name", "STRING": "a quoted string", "DATE": "a date (YYYY-MM-DD)",
    "CODE": "a party code such as JP", "NUMBER": "an article number such as 14.11",
    "INT": "a whole number", "LBRACE": "`{`", "RBRACE": "`}`", "LPAR": "`(`",
    "RPAR": "`)`", "DOT": "`.`", "$END": "the end of the file",
}


def _word(terminal: str) -> str:
    if terminal in _TOKEN_WORDS:
        return _TOKEN_WORDS[terminal]
    return "`" + terminal.lower().lstrip("_").replace("_", "-") + "`"


def _expected_words(expected: set) -> str:
    words = sorted({_word(t) for t in expected})
    if len(words) > 8:
        words = words[:8] + ["..."]
    return ", ".join(words)


def _syntax_diagnostic(exc, path: str, text: str) -> D.Diagnostic:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(exc, UnexpectedCharacters):
        ch = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        sp = M.Span(path, exc.line, exc.column, exc.line, exc.column + 1)
        if ch == '"':
            return C.STRING_NOT_CLOSED.at(sp)
        shown = repr(ch)[1:-1] if ch else "?"
        allowed = getattr(exc, "allowed", None) or set()
        if ch.isalpha() and ch.isupper():
            return C.STRAY_CAPITAL.at(sp, shown=shown)
        if allowed:
            return C.STRAY_CHARACTER.at(sp, shown=shown, expected=_expected_words(allowed))
        return C.STRAY_CHARACTER_ANYWHERE.at(sp, shown=shown)
    if isinstance(exc, (UnexpectedToken, UnexpectedEOF)):
        tok = getattr(exc, "token", None)
        expected = set(getattr(exc, "expected", None) or getattr(exc, "accepts", None) or ())
        if tok is None or tok.type == "$END":
            body = text.rstrip()
            line = body.count("\n") + 1
            col = len(body) - (body.rfind("\n") + 1) + 1
            sp = M.Span(path, line, col, line, col + 1)
            if "RBRACE" in expected:
                return C.END_IN_BLOCK.at(sp)
            return C.END_IN_STATEMENT.at(sp, expected=_expected_words(expected))
        sp = M.Span(path, tok.line, tok.column, tok.end_line or tok.line,
                    tok.end_column or tok.column + len(str(tok)))
        shown = str(tok)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        keywords = {t.lower().replace("_", "-") for t in expected if t.isupper() and t not in _TOKEN_WORDS}
        hint = D.did_you_mean(str(tok), keywords) if tok.type == "NAME" else None
        return C.STRAY_TOKEN.at(sp, hint=hint, kind=_describe(tok), shown=shown, expected=_expected_words(expected))
    return C.CANNOT_PARSE.at(M.Span(path, 1, 1, 1, 2), error=exc)


def _describe(tok) -> str:
    return {"NAME": "word", "STRING": "string", "CODE": "party code", "NUMBER": "number",
            "DATE": "date", "INT": "number"}.get(tok.type, "keyword" if tok.type.isupper() and
                                                  str(tok).isalpha() else "symbol")


# ---------------------------------------------------------------- comments


def scan_comments(text: str) -> tuple[M.Comment, ...]:
    """Every `#` comment outside a string (strings never span lines)."""
    out = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if "#" not in line:
            continue
        in_str, i = False, 0
        while i < len(line):
            ch = line[i]
            if in_str:
                if ch == "\\":
                    i += 1
                elif ch == '"':
                    in_str = False
            elif ch == '"':
                in_str = True
            elif ch == "#":
                out.append(M.Comment(lineno, i + 1, line[i:].rstrip()))
                break
            i += 1
    return tuple(out)


# ---------------------------------------------------------------- entry points


def _skip_rest_of_line(exc, text: str) -> None:
    """Resume after a bad character at the end of its line, not the next character.

    One diagnostic per line is all that is reported, and skipping one character at
    a time would rescan an unclosed string to the end of its line each time:
    quadratic on a long line.
    """
    try:
        counter = exc.interactive_parser.lexer_thread.state.line_ctr
        end = text.find("\n", counter.char_pos)
        end = len(text) if end < 0 else end
        if end > counter.char_pos:
            counter.feed(text[counter.char_pos:end])
    except AttributeError:  # another lark: fall back to its own one-character skip
        pass


def parse_text(text: str, path: str = "<input>") -> ParseResult:
    """Parse one document; never raises for bad input."""
    if len(text) > MAX_FILE_BYTES:
        return ParseResult(None, (C.TEXT_TOO_LARGE.at(M.Span(path, 1, 1, 1, 2),
                                                      limit_mib=MAX_FILE_BYTES // (1024 * 1024)),), text)
    ctx = _ParseContext(path)
    token = _context.set(ctx)
    syntax: list[D.Diagnostic] = []
    last_line = [0]

    attempts = [0]

    def on_error(exc) -> bool:
        # One diagnostic per line; recovery skips one token or character at a time, so a
        # line of junk is given up on after MAX_RECOVERY_STEPS (else 300 KB of `{` take seconds).
        attempts[0] += 1
        tok = getattr(exc, "token", None)
        at_end = tok is not None and tok.type == "$END"
        if at_end or getattr(exc, "line", None) != last_line[0]:
            diag = _syntax_diagnostic(exc, path, text)
            if diag.span.line != last_line[0]:
                syntax.append(diag)
                last_line[0] = diag.span.line
        if at_end:
            return False
        if isinstance(exc, UnexpectedCharacters):
            _skip_rest_of_line(exc, text)
        return len(syntax) < MAX_SYNTAX_ERRORS and attempts[0] < MAX_RECOVERY_STEPS

    from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput

    gc_was_enabled = gc.isenabled()
    if len(text) > 256 * 1024:
        gc.disable()
    items = None
    try:
        items = _parser().parse(text, on_error=on_error)
    except UnexpectedInput as exc:
        diag = _syntax_diagnostic(exc, path, text)
        if not syntax or syntax[-1].span.line != diag.span.line:
            syntax.append(diag)
    except (LarkError, RecursionError) as exc:  # pragma: no cover - defensive
        syntax.append(C.CANNOT_PARSE_FILE.at(M.Span(path, 1, 1, 1, 2), error=type(exc).__name__))
    finally:
        if gc_was_enabled:
            gc.enable()
        _context.reset(token)
    diags = tuple(syntax) + tuple(ctx.diagnostics)
    if syntax or items is None or any(d.code == C.NESTING_TOO_DEEP.id for d in ctx.diagnostics):
        # Too deep to walk safely (equality, formatting, pickling recurse): no document.
        return ParseResult(None, diags, text)
    doc = M.Document(path, tuple(items), scan_comments(text))
    return ParseResult(doc, diags, text)


def read_source(path: str) -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """Read a file as UTF-8 text, or say why it cannot be."""
    import os

    span = M.Span(path, 0, 0, 0, 0)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return None, (C.SOURCE_TOO_LARGE.at(span, size_mib=size // (1024 * 1024),
                                                limit_mib=MAX_FILE_BYTES // (1024 * 1024)),)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return None, (C.CANNOT_READ.at(span, reason=exc.strerror or exc),)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, (C.NOT_UTF8.at(M.Span(path, line, col, line, col + 1)),)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, (C.NUL_BYTE.at(M.Span(path, line, 1, line, 2)),)
    return text, ()


def parse_file(path: str) -> ParseResult:
    text, diags = read_source(path)
    if text is None:
        return ParseResult(None, diags, "")
    return parse_text(text, path)
