"""Finding, loading and resolving files: the bundled corpus and user paths.

A :class:`Corpus` is built once and is immutable: every file parsed and
validated, every draft resolved, every diagnostic collected.  User files
shadow bundled ones with the same id, so a negotiator's edited copy of an
agreement replaces the shipped one.
"""

from __future__ import annotations

import os
import types
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Optional, Sequence, TypeVar

import attrs

from engine.checking import arguments as A
from engine.errors import UnknownId
from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.util.records import share_methods

if TYPE_CHECKING:  # parsing is imported only when a file is parsed: a warm cache needs none of it
    from engine.syntax.parse import ParseResult

SOURCE_SUFFIXES = (".agr", ".norms", ".expect")


class SourceFile:
    """One file as loaded: its text, document (None if unparsable) and diagnostics.

    Immutable; compares, hashes and prints by its five values.  A file of a corpus read through the
    cache's index (:mod:`engine.checking.index`) reads its document from the cache when it is first
    asked for it: a run that needs two files of fifty unpickles two.
    """

    __slots__ = ("path", "text", "_document", "diagnostics", "bundled", "_read")

    path: str
    text: str
    diagnostics: tuple[D.Diagnostic, ...]
    bundled: bool
    _document: Optional[M.Document]
    _read: Optional[Callable[[], Optional[M.Document]]]

    def __init__(self, path: str, text: str, document: Optional[M.Document],
                 diagnostics: tuple[D.Diagnostic, ...], bundled: bool = False) -> None:
        for name, value in (("path", path), ("text", text), ("_document", document),
                            ("diagnostics", diagnostics), ("bundled", bundled), ("_read", None)):
            object.__setattr__(self, name, value)

    @classmethod
    def deferred(cls, path: str, text: str, diagnostics: tuple[D.Diagnostic, ...], bundled: bool,
                 read: Callable[[], Optional[M.Document]]) -> "SourceFile":
        """A file whose document ``read()`` gives when first asked for (once)."""
        f = cls(path, text, None, diagnostics, bundled)
        object.__setattr__(f, "_read", read)
        return f

    @property
    def document(self) -> Optional[M.Document]:
        """The parsed document (None if the file could not be parsed)."""
        read = self._read
        if read is not None:
            object.__setattr__(self, "_document", read())
            object.__setattr__(self, "_read", None)
        return self._document

    def _values(self) -> tuple[str, str, Optional[M.Document], tuple[D.Diagnostic, ...], bool]:
        return self.path, self.text, self.document, self.diagnostics, self.bundled

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SourceFile)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((SourceFile, *self._values()))

    def __repr__(self) -> str:
        return "SourceFile(path={!r}, text={!r}, document={!r}, diagnostics={!r}, bundled={!r})".format(*self._values())

    def __reduce__(self) -> tuple[type["SourceFile"], tuple[object, ...]]:
        return SourceFile, self._values()

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()


def inside(root: str, path: str) -> bool:
    """Whether ``path``, symbolic links resolved, lies within the folder ``root``."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _outside(path: str, root: str) -> D.Diagnostic:
    return C.LINK_OUT_OF_ROOT.at(M.Span(path), path=path, root=root)


def discover(paths: Iterable[str]) -> tuple[list[str], list[D.Diagnostic]]:
    """Source files named by ``paths`` (files, or folders searched recursively), each once, in order.

    A folder is searched without following symbolic links out of it: a link to a
    file or folder outside is refused with E0311 (a path named outright is the user's choice).
    """
    found: list[str] = []
    diags: list[D.Diagnostic] = []
    for path in paths:
        if os.path.isdir(path):
            files, problems = _walk_folder(path)
            found.extend(files)
            diags.extend(problems)
        elif os.path.exists(path):
            found.append(path)
        else:
            diags.append(C.NO_SUCH_PATH.at(M.Span(path)))
    return _unique(found), diags


def _walk_folder(root: str) -> tuple[list[str], list[D.Diagnostic]]:
    """The source files under ``root``, sorted, hidden folders skipped; E0311 for each link out of it,
    W0005 for each name that is not a regular file (a FIFO, a device, a socket)."""
    from engine.util.files import is_regular, kind_of

    found: list[str] = []
    diags: list[D.Diagnostic] = []
    for folder, dirs, files in os.walk(root):  # os.walk does not descend into linked folders
        links = [os.path.join(folder, d) for d in sorted(dirs) if os.path.islink(os.path.join(folder, d))]
        diags.extend(_outside(link, root) for link in links if not inside(root, link))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.join(folder, d) not in links)
        for full in (os.path.join(folder, name) for name in sorted(files) if name.endswith(SOURCE_SUFFIXES)):
            if os.path.islink(full) and not inside(root, full):
                diags.append(_outside(full, root))
                continue
            regular, mode = is_regular(full)
            if regular:
                found.append(full)
            else:  # a FIFO would block the run, a device never end it
                diags.append(C.NOT_REGULAR_SKIPPED.at(M.Span(full), kind=kind_of(mode)))
    return found, diags


def _unique(paths: Iterable[str]) -> list[str]:
    """The paths without those naming a file already named (symbolic links resolved), in order."""
    seen: set[str] = set()
    unique: list[str] = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def source_text_path(name: str, roots: Sequence[str], span: M.Span = M.NO_SPAN) \
        -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """The treaty text an agreement's ``source`` names, looked for only inside the folders ``roots``.

    ``source`` holds a plain file name (see :func:`engine.validate.plain_file_name`); a path, or a
    symbolic link that leads out of its folder, is refused with E0311.
    """
    from engine.checking.validate import plain_file_name

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
    from engine.checking.validate import validate

    diags = list(result.diagnostics)
    if result.document is not None:
        diags.extend(validate(result.document))
    lines = result.text.split("\n") if any(d.focus for d in diags) else []  # split once, not per diagnostic
    diags = [D.narrow(d, lines) for d in diags]
    return SourceFile(path, result.text, result.document, tuple(sorted(diags, key=D.sort_key)), bundled)


def unreadable(path: str, problems: tuple[D.Diagnostic, ...]) -> SourceFile:
    """A file that could not be read: its path and why, no text and no document."""
    from engine.syntax.parse import ParseResult

    return _finish(ParseResult(None, problems, ""), path, False)


def parse_source(text: str, path: str, bundled: bool, use_cache: bool = False,
                 entry: Optional[str] = None) -> SourceFile:
    """Parse and validate a file's text; with ``use_cache``, through the per-user cache (:mod:`.cache`)
    under ``entry`` (its name for this path and text, worked out here when not given)."""
    from engine.checking import cache

    if not use_cache:
        from engine.syntax.parse import parse_text

        return _finish(parse_text(text, path), path, bundled)
    entry = cache.key(path, text) if entry is None else entry
    hit = cache.load(entry)
    if hit is not None:
        return SourceFile(path, text, hit[0], hit[1], bundled)
    from engine.syntax.parse import parse_text

    f = _finish(parse_text(text, path), path, bundled)
    cache.store(entry, f.document, f.diagnostics)
    return f


def load_file(path: str, cache: bool = False) -> SourceFile:
    """Parse and validate one file from disk.

    Raises:
        BadArgument: ``path`` is not a path (an int would be a file descriptor), or ``cache`` not a bool.
    """
    from engine.syntax.parse import read_source

    path, cache = A.path(path, "path"), A.flag(cache, "cache")

    text, diags = read_source(path)
    if text is None:
        return unreadable(path, tuple(diags))
    return parse_source(text, path, False, cache)


def load_text(text: str, path: str = "<input>") -> SourceFile:
    """Parse and validate source text.

    Raises:
        BadArgument: ``text`` or ``path`` is not a string.
    """
    from engine.syntax.parse import parse_text

    A.text(text, "text")
    A.text(path, "path")

    return _finish(parse_text(text, path), path, False)


def bundled_files(cache: bool = False) -> list[SourceFile]:
    """The agreements and norm sets shipped inside the package."""
    return [parse_source(text, display, True, cache) for display, text in bundled_sources()]


def bundled_sources() -> list[tuple[str, str]]:
    """(display path, text) of each agreement and norm set shipped inside the package, rules first.

    Found with a directory listing when the package is on disk; through :mod:`importlib.resources`
    (which imports ``zipfile``, ``pathlib`` and ``tempfile``) only when it is not (a zip file).
    """
    if not os.path.isfile(__file__):
        return _packaged_sources()
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out: list[tuple[str, str]] = []
    for folder in ("rules", "agreements"):
        try:
            with os.scandir(os.path.join(package, folder)) as found:
                names = sorted((e.name, e.path) for e in found if e.name.endswith(SOURCE_SUFFIXES) and e.is_file())
        except OSError:  # no such folder
            continue
        out.extend((f"{folder}/{name}", _read_text(full)) for name, full in names)
    return out


def _read_text(path: str) -> str:
    r"""A file's text as ``open(path, encoding="utf-8").read()`` gives it (line ends made ``\n``), without
    a text stream per file: a warm run reads every bundled file."""
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _packaged_sources() -> list[tuple[str, str]]:
    import importlib.resources

    root = importlib.resources.files("engine")
    out: list[tuple[str, str]] = []
    for folder in ("rules", "agreements"):
        base = root / folder
        if not base.is_dir():
            continue
        for entry in sorted(base.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(SOURCE_SUFFIXES) and entry.is_file():
                out.append((f"{folder}/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


AGREEMENT = "agreement"
NORM_SET = "norm set"
Key = tuple[str, str]
"""What :attr:`Corpus.origin` is keyed by: (``AGREEMENT`` or ``NORM_SET``, id)."""

_Named = TypeVar("_Named", M.Agreement, M.NormSet)


_V = TypeVar("_V")


class Table(Mapping[str, _V]):
    """A read-only table whose values are made when first looked up (each once), its keys known from the
    start: what a corpus read through the cache's index (:mod:`engine.checking.index`) holds."""

    __slots__ = ("_keys", "_make", "_made")

    def __init__(self, keys: Iterable[str], make: Callable[[str], _V]) -> None:
        self._keys = dict.fromkeys(keys)
        self._make = make
        self._made: dict[str, _V] = {}

    def __getitem__(self, key: str) -> _V:
        found = self._made.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            found = self._made.setdefault(key, self._make(key))
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"Table({list(self._keys)!r})"


# Read-only copies (a types.MappingProxyType over a dict no one else holds), one per table: attrs
# converters must be named functions of one concrete type for mypy to check a Corpus(...) call.  A
# Table is read-only already: it is kept as it is.
def _agreements(table: Mapping[str, M.Agreement]) -> Mapping[str, M.Agreement]:
    return table if isinstance(table, Table) else types.MappingProxyType(dict(table))


def _norm_sets(table: Mapping[str, M.NormSet]) -> Mapping[str, M.NormSet]:
    return table if isinstance(table, Table) else types.MappingProxyType(dict(table))


def _origin(table: Mapping[Key, str]) -> Mapping[Key, str]:
    return types.MappingProxyType(dict(table))


@attrs.frozen(repr=False, eq=False)
class Corpus:
    """Agreements (resolved), norm sets and expectations, with every diagnostic.

    Every table is a read-only mapping; a corpus with more in it is a new corpus
    (:meth:`build`, :meth:`with_text`).

    Attributes:
        files: every file loaded, bundled ones first.
        written: id -> agreement as written (drafts unresolved).
        agreements: id -> resolved agreement (see :func:`engine.checking.resolve.is_resolved`).
        norm_sets: id -> norm set.
        expectations: every ``expect`` line, in file order.
        diagnostics: every problem found, sorted by file and position (path problems first).
        origin: (``AGREEMENT`` or ``NORM_SET``, id) -> the path of the file that defines it.
        discovery: the problems of finding the files (a path that does not exist, a link out of its
            folder): they belong to no file, so :meth:`with_text` carries them over.
    """

    files: tuple[SourceFile, ...]
    written: Mapping[str, M.Agreement] = attrs.field(factory=dict, converter=_agreements, repr=False)
    agreements: Mapping[str, M.Agreement] = attrs.field(factory=dict, converter=_agreements, repr=False)
    norm_sets: Mapping[str, M.NormSet] = attrs.field(factory=dict, converter=_norm_sets, repr=False)
    expectations: tuple[M.Expectation, ...] = ()
    diagnostics: tuple[D.Diagnostic, ...] = ()
    origin: Mapping[Key, str] = attrs.field(factory=dict, converter=_origin, repr=False)
    discovery: tuple[D.Diagnostic, ...] = attrs.field(default=(), repr=False)

    # ------------------------------------------------------------ building

    @classmethod
    def bundled(cls, cache: bool = False) -> "Corpus":
        """The corpus shipped with tradegap (``cache``: use the per-user parse cache and its index)."""
        return cls.from_paths([], cache=A.flag(cache, "cache"))

    @classmethod
    def from_paths(cls, paths: Sequence[str], include_bundled: bool = True, cache: bool = False) -> "Corpus":
        """User files and folders, on top of the bundled corpus unless told otherwise.

        ``cache``: read and write the per-user parse cache (the command line does; the library does not
        unless asked).

        Raises:
            BadArgument: ``paths`` is not a list of paths (one string is not), or a flag is not a bool.
        """
        paths, include_bundled = A.paths(paths, "paths"), A.flag(include_bundled, "include_bundled")
        cache = A.flag(cache, "cache")
        names, diags = discover(paths)
        if cache:
            from engine.checking import index

            return index.load(names, include_bundled, diags)
        files = [load_file(p) for p in names]
        base = bundled_files() if include_bundled else []
        return cls.build(base + files, diags)

    @classmethod
    def build(cls, files: Sequence[SourceFile], discovery: Sequence[D.Diagnostic] = ()) -> "Corpus":
        """The corpus of these loaded files: ids collected, drafts resolved, expectations checked.

        A file that is not bundled shadows a bundled one with the same id; any other id defined twice
        is an error (the first definition is kept).  ``discovery``: the problems of finding the files,
        put before the others.

        Raises:
            BadArgument: ``files`` is not a list of :class:`SourceFile` (from ``load_file``, ``load_text``).
        """
        files = A.instances(files, SourceFile, "files", "a list of SourceFile (from load_file or load_text)")
        discovery = A.instances(discovery, D.Diagnostic, "discovery", "a list of diagnostics")
        found = _Collected()
        for f in files:
            found.add(f)
        done: dict[str, M.Agreement] = {}  # each chain is walked once, whatever its length
        resolved: dict[str, M.Agreement] = {}
        for ident, agreement in found.written.items():
            resolved[ident] = done[ident] if ident in done else _resolved(agreement, found, done)
        for e in found.expectations:
            found.diagnostics.extend(_check_expectation(e, resolved, found.norm_sets))
        return cls(
            tuple(files), found.written, resolved, found.norm_sets, tuple(found.expectations),
            tuple(discovery) + _narrow_all(found.diagnostics, files),
            {k: v.path for k, v in found.origin.items()}, tuple(discovery),
        )

    def with_text(self, text: str, path: str = "<input>") -> "Corpus":
        """This corpus with one more source text in it, parsed, validated and resolved against the rest.

        Args:
            text: agreement, norm-set or expectation source (a draft ``based-on`` an agreement here).
            path: the name diagnostics and citations use for the text.

        Returns:
            A new corpus (this one is unchanged); the text's problems are among its ``diagnostics``.
            An id the text defines shadows a bundled one, and is an error if a user file defines it.

        Raises:
            BadArgument: ``text`` or ``path`` is not a string.
        """
        return type(self).build(self.files + (load_text(text, path),), self.discovery)

    # ------------------------------------------------------------ queries

    @property
    def errors(self) -> tuple[D.Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    def agreement(self, ident: str) -> M.Agreement:
        """The resolved agreement with this id.

        Raises:
            UnknownId: no agreement has this id (the message says which is meant, or lists the ids).
            BadArgument: ``ident`` is not a string.
        """
        found = self.agreements.get(A.text(ident, "ident"))
        if found is None:
            raise _unknown(AGREEMENT, ident, self.agreements, "`tradegap list agreements` shows them")
        return found

    def norms(self, ident: str) -> M.NormSet:
        """The norm set with this id.

        Raises:
            UnknownId: no norm set has this id.
            BadArgument: ``ident`` is not a string.
        """
        found = self.norm_sets.get(A.text(ident, "ident"))
        if found is None:
            raise _unknown(NORM_SET, ident, self.norm_sets, "`tradegap list norms` shows them")
        return found

    def sources(self) -> dict[str, str]:
        """File path to text, for rendering diagnostics with their source lines."""
        return {f.path: f.text for f in self.files}

    def agreements_in(self, path: str) -> tuple[str, ...]:
        """Ids of the agreements defined in one file, however its path is spelled (``./ex/a.agr``, ``ex/a.agr``)."""
        A.text(path, "path")
        mine = [(ident, where) for (kind, ident), where in self.origin.items() if kind == AGREEMENT]
        exact = tuple(ident for ident, where in mine if where == path)
        if exact:
            return exact
        real, user = os.path.realpath(path), {f.path for f in self.files if not f.bundled}
        return tuple(ident for ident, where in mine if where in user and os.path.realpath(where) == real)


class _Collected:
    """What :meth:`Corpus.build` gathers from the files before resolving (mutable while it does)."""

    def __init__(self) -> None:
        self.written: dict[str, M.Agreement] = {}
        self.norm_sets: dict[str, M.NormSet] = {}
        self.origin: dict[Key, SourceFile] = {}
        self.expectations: list[M.Expectation] = []
        self.diagnostics: list[D.Diagnostic] = []

    def add(self, f: SourceFile) -> None:
        """A file's diagnostics and items."""
        self.diagnostics.extend(f.diagnostics)
        for item in f.document.items if f.document is not None else ():
            if isinstance(item, M.Expectation):
                self.expectations.append(item)
            elif isinstance(item, M.Agreement):
                self._claim(self.written, AGREEMENT, item, f)
            else:
                self._claim(self.norm_sets, NORM_SET, item, f)

    def _claim(self, table: dict[str, _Named], kind: str, item: _Named, f: SourceFile) -> None:
        """Keep ``item`` under its id unless another file has it (a user file may shadow a bundled one)."""
        key = (kind, item.id)
        previous = self.origin.get(key)
        if previous is not None and not (previous.bundled and not f.bundled):
            self.diagnostics.append(C.ID_DEFINED_TWICE.at(item.span, secondary=((table[item.id].span, "first defined"),),
                                                          focus=item.id, kind=kind, id=item.id))
            return
        table[item.id] = item
        self.origin[key] = f


def _resolved(agreement: M.Agreement, found: _Collected, done: dict[str, M.Agreement]) -> M.Agreement:
    """``agreement`` resolved against the written ones (``done`` shared), its problems kept in ``found``."""
    from engine.checking.resolve import resolve

    whole, diags = resolve(agreement, found.written.get, done)
    found.diagnostics.extend(diags)
    return whole


def _narrow_all(diags: Iterable[D.Diagnostic], files: Sequence[SourceFile]) -> tuple[D.Diagnostic, ...]:
    """The diagnostics narrowed to the word they are about, duplicates dropped, sorted.

    Each file is split into lines at most once, however many diagnostics it has.
    """
    texts = {f.path: f.text for f in files}
    split: dict[str, list[str]] = {}
    narrowed: list[D.Diagnostic] = []
    for d in diags:
        if d.focus:
            where = d.span.file
            if where not in split:
                split[where] = texts.get(where, "").split("\n")
            d = D.narrow(d, split[where])
        narrowed.append(d)
    return tuple(sorted(dict.fromkeys(narrowed), key=D.sort_key))


def _unknown(what: str, ident: str, known: Mapping[str, object], listing: str) -> UnknownId:
    if len(ident) > _LONGEST_ID:  # no id is this long: no did-you-mean (difflib over it would take minutes)
        return UnknownId(f"unknown {what}: an id of {len(ident)} characters; known: " + ", ".join(sorted(known)),
                         listing)
    hint = D.did_you_mean(ident, known) or "known: " + ", ".join(sorted(known))
    return UnknownId(f"unknown {what} `{ident}`; {hint}", listing)


_LONGEST_ID = 200


def _check_expectation(e: M.Expectation, agreements: Mapping[str, M.Agreement],
                       norm_sets: Mapping[str, M.NormSet]) -> list[D.Diagnostic]:
    out: list[D.Diagnostic] = []
    if e.agreement not in agreements:
        out.append(C.NO_SUCH_AGREEMENT.unknown(e.span, "agreement", e.agreement, agreements))
    ns = norm_sets.get(e.norm_set)
    if ns is None:
        out.append(C.NO_SUCH_NORM.unknown(e.span, "norm set", e.norm_set, norm_sets))
    elif e.norm is not None and ns.norm(e.norm) is None:
        out.append(C.NO_SUCH_NORM.unknown(e.span, f"norm in `{ns.id}`", e.norm, [n.id for n in ns.norms]))
    return out


share_methods(vars(), __name__)  # one __repr__, __eq__, __hash__ for the classes (engine.util.records)
