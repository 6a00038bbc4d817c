"""Finding, loading and resolving files: the bundled corpus and user paths.

A :class:`Corpus` is built once and is immutable: every file parsed and
validated, every draft resolved, every diagnostic collected.  User files
shadow bundled ones with the same id, so a negotiator's edited copy of an
agreement replaces the shipped one.
"""

from __future__ import annotations

import importlib.resources
import os
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.checking.resolve import resolve
from engine.checking.validate import plain_file_name, validate

if TYPE_CHECKING:  # parsing is imported only when a file is parsed: a warm cache needs none of it
    from engine.syntax.parse import ParseResult

SOURCE_SUFFIXES = (".agr", ".norms", ".expect")


@attrs.frozen
class SourceFile:
    """One file as loaded: its text, document (None if unparsable) and diagnostics."""

    path: str
    text: str
    document: Optional[M.Document]
    diagnostics: tuple[D.Diagnostic, ...]
    bundled: bool = False


def inside(root: str, path: str) -> bool:
    """Whether ``path``, symbolic links resolved, lies within the folder ``root``."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _outside(path: str, root: str) -> D.Diagnostic:
    return C.LINK_OUT_OF_ROOT.at(M.Span(path), path=path, root=root)


def discover(paths: Iterable[str]) -> tuple[list[str], list[D.Diagnostic]]:
    """Source files named by ``paths`` (files, or folders searched recursively), sorted.

    A folder is searched without following symbolic links out of it: a link to a
    file or folder outside is refused with E0311 (a path named outright is the user's choice).
    """
    found: list[str] = []
    diags: list[D.Diagnostic] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):  # os.walk does not descend into linked folders
                links = [os.path.join(root, d) for d in sorted(dirs) if os.path.islink(os.path.join(root, d))]
                diags.extend(_outside(link, path) for link in links if not inside(path, link))
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.join(root, d) not in links)
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if not name.endswith(SOURCE_SUFFIXES):
                        continue
                    if os.path.islink(full) and not inside(path, full):
                        diags.append(_outside(full, path))
                    else:
                        found.append(full)
        elif os.path.exists(path):
            found.append(path)
        else:
            diags.append(C.NO_SUCH_PATH.at(M.Span(path)))
    seen: set[str] = set()
    unique = []
    for f in found:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, diags


def source_text_path(name: str, roots: Sequence[str], span: M.Span = M.NO_SPAN) \
        -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """The treaty text an agreement's ``source`` names, looked for only inside the folders ``roots``.

    ``source`` holds a plain file name (see :func:`engine.validate.plain_file_name`); a path, or a
    symbolic link that leads out of its folder, is refused with E0311.
    """
    if not plain_file_name(name):
        return None, (C.SOURCE_NOT_PLAIN.at(span, name=name),)
    for root in roots:
        candidate = os.path.join(root, name)
        if not os.path.lexists(candidate):
            continue
        if not inside(root, candidate):
            return None, (_outside(candidate, root),)
        return candidate, ()
    return None, (C.NO_TREATY_TEXT.at(span, name=name, folders=", ".join(roots) or "no folder"),)


def _finish(result: ParseResult, path: str, bundled: bool) -> SourceFile:
    diags = list(result.diagnostics)
    if result.document is not None:
        diags.extend(validate(result.document))
    lines = result.text.split("\n") if any(d.focus for d in diags) else []  # split once, not per diagnostic
    diags = [D.narrow(d, lines) for d in diags]
    return SourceFile(path, result.text, result.document, tuple(sorted(diags, key=D.sort_key)), bundled)


def _load(text: str, path: str, bundled: bool, use_cache: bool = False) -> SourceFile:
    """Parse and validate a file's text; with ``use_cache``, through the per-user cache (:mod:`.cache`)."""
    from engine.checking import cache

    if not use_cache:
        from engine.syntax.parse import parse_text

        return _finish(parse_text(text, path), path, bundled)
    entry = cache.key(path, text)
    hit = cache.load(entry)
    if hit is not None:
        return SourceFile(path, text, hit[0], hit[1], bundled)
    from engine.syntax.parse import parse_text

    f = _finish(parse_text(text, path), path, bundled)
    cache.store(entry, f.document, f.diagnostics)
    return f


def load_file(path: str, cache: bool = False) -> SourceFile:
    """Parse and validate one file from disk."""
    from engine.syntax.parse import ParseResult, read_source

    text, diags = read_source(path)
    if text is None:
        return _finish(ParseResult(None, diags, ""), path, False)
    return _load(text, path, False, cache)


def load_text(text: str, path: str = "<input>") -> SourceFile:
    """Parse and validate source text."""
    from engine.syntax.parse import parse_text

    return _finish(parse_text(text, path), path, False)


def bundled_files(cache: bool = False) -> list[SourceFile]:
    """The agreements and norm sets shipped inside the package."""
    root = importlib.resources.files("engine")
    out = []
    for folder in ("rules", "agreements"):
        base = root / folder
        if not base.is_dir():
            continue
        for entry in sorted(base.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(SOURCE_SUFFIXES) and entry.is_file():
                display = f"{folder}/{entry.name}"
                out.append(_load(entry.read_text(encoding="utf-8"), display, True, cache))
    return out


@attrs.frozen
class Corpus:
    """Agreements (resolved), norm sets and expectations, with every diagnostic."""

    files: tuple[SourceFile, ...]
    written: dict = attrs.field(factory=dict, repr=False)  # id -> Agreement as written
    agreements: dict = attrs.field(factory=dict, repr=False)  # id -> resolved Agreement
    norm_sets: dict = attrs.field(factory=dict, repr=False)  # id -> NormSet
    expectations: tuple[M.Expectation, ...] = ()
    diagnostics: tuple[D.Diagnostic, ...] = ()
    origin: dict = attrs.field(factory=dict, repr=False)  # id -> SourceFile path

    # ------------------------------------------------------------ building

    @classmethod
    def bundled(cls, cache: bool = False) -> "Corpus":
        """The corpus shipped with tradegap (``cache``: use the per-user parse cache)."""
        return cls.build(bundled_files(cache))

    @classmethod
    def from_paths(cls, paths: Sequence[str], include_bundled: bool = True, cache: bool = False) -> "Corpus":
        """User files and folders, on top of the bundled corpus unless told otherwise.

        ``cache``: read and write the per-user parse cache (the command line does; the library does not
        unless asked).
        """
        names, diags = discover(paths)
        files = [load_file(p, cache) for p in names]
        base = bundled_files(cache) if include_bundled else []
        corpus = cls.build(base + files)
        if diags:
            corpus = attrs.evolve(corpus, diagnostics=tuple(diags) + corpus.diagnostics)
        return corpus

    @classmethod
    def build(cls, files: Sequence[SourceFile]) -> "Corpus":
        diags: list[D.Diagnostic] = []
        written: dict[str, M.Agreement] = {}
        norm_sets: dict[str, M.NormSet] = {}
        origin: dict[str, SourceFile] = {}
        expectations: list[M.Expectation] = []
        for f in files:
            diags.extend(f.diagnostics)
            if f.document is None:
                continue
            for item in f.document.items:
                if isinstance(item, M.Expectation):
                    expectations.append(item)
                    continue
                table = written if isinstance(item, M.Agreement) else norm_sets
                key = ("agreement " if isinstance(item, M.Agreement) else "norm set ") + item.id
                previous = origin.get(key)
                if previous is not None and not (previous.bundled and not f.bundled):
                    kind = key.rsplit(" ", 1)[0]
                    diags.append(C.ID_DEFINED_TWICE.at(item.span, secondary=((table[item.id].span, "first defined"),),
                                                       focus=item.id, kind=kind, id=item.id))
                    continue
                table[item.id] = item
                origin[key] = f
        resolved: dict[str, M.Agreement] = {}
        for ident, agreement in written.items():
            resolved[ident], more = resolve(agreement, written.get)
            diags.extend(more)
        texts = {f.path: f.text for f in files}
        for e in expectations:
            diags.extend(_check_expectation(e, resolved, norm_sets))
        split: dict[str, list[str]] = {}  # each file split at most once, however many diagnostics

        def lines(path: str) -> list[str]:
            if path not in split:
                split[path] = texts.get(path, "").split("\n")
            return split[path]

        diags = [D.narrow(d, lines(d.span.file)) if d.focus else d for d in diags]
        unique = list(dict.fromkeys(diags))
        return cls(
            tuple(files), written, resolved, norm_sets, tuple(expectations),
            tuple(sorted(unique, key=D.sort_key)),
            {k: v.path for k, v in origin.items()},
        )

    # ------------------------------------------------------------ queries

    @property
    def errors(self) -> tuple[D.Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    def agreement(self, ident: str) -> M.Agreement:
        """The resolved agreement with this id (KeyError, with the known ids, if none)."""
        try:
            return self.agreements[ident]
        except KeyError:
            raise KeyError(_unknown_message("agreement", ident, self.agreements)) from None

    def norms(self, ident: str) -> M.NormSet:
        """The norm set with this id."""
        try:
            return self.norm_sets[ident]
        except KeyError:
            raise KeyError(_unknown_message("norm set", ident, self.norm_sets)) from None

    def sources(self) -> dict[str, str]:
        """File path to text, for rendering diagnostics with their source lines."""
        return {f.path: f.text for f in self.files}

    def agreements_in(self, path: str) -> tuple[str, ...]:
        """Ids of the agreements defined in one file."""
        return tuple(k.split(" ", 1)[1] for k, v in self.origin.items()
                     if v == path and k.startswith("agreement "))


def _unknown_message(what: str, ident: str, known: dict) -> str:
    hint = D.did_you_mean(ident, known) or "known: " + ", ".join(sorted(known))
    return f"unknown {what} `{ident}`; {hint}"


def _check_expectation(e: M.Expectation, agreements: dict, norm_sets: dict) -> list[D.Diagnostic]:
    out = []
    if e.agreement not in agreements:
        out.append(C.NO_SUCH_AGREEMENT.unknown(e.span, "agreement", e.agreement, agreements))
    ns = norm_sets.get(e.norm_set)
    if ns is None:
        out.append(C.NO_SUCH_NORM.unknown(e.span, "norm set", e.norm_set, norm_sets))
    elif e.norm is not None and ns.norm(e.norm) is None:
        out.append(C.NO_SUCH_NORM.unknown(e.span, f"norm in `{ns.id}`", e.norm, [n.id for n in ns.norms]))
    return out
