"""What the server knows: the bundled corpus, each document's folder, the settings, and one analysis per text.

A document is checked as ``tradegap check`` checks its folder: the bundled corpus, the source files beside
it (a draft's base, an expectation's agreement) and the document's own text in place of its file on disk.
Diagnostics are those of the document's own file.  The bundled corpus is parsed once; a folder's files
are read again when one of them is saved.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import os
from typing import Optional, Sequence
from urllib.parse import unquote, urlparse

import attrs

from engine.checking.corpus import SOURCE_SUFFIXES, Corpus, SourceFile, bundled_files, load_file, load_text
from engine.language import diagnostics as D
from engine.language import model as M
from engine.lsp.positions import UTF16, Positions

DEFAULT_NORMS = ("tpp3",)
MAX_SIBLINGS = 200  # source files read from a document's folder: a drafting folder, not a whole disk


@attrs.frozen
class Settings:
    """The workspace settings (``tradegap.norms``: the norm sets an article's hover grades it against)."""

    norms: tuple[str, ...] = DEFAULT_NORMS

    @classmethod
    def of(cls, options: object) -> "Settings":
        """Settings from initialization options or a configuration change (``{"norms": [...]}``, possibly
        under ``"tradegap"``); anything else leaves the defaults."""
        if isinstance(options, dict) and isinstance(options.get("tradegap"), dict):
            options = options["tradegap"]
        norms = options.get("norms") if isinstance(options, dict) else None
        if isinstance(norms, str):
            norms = [norms]
        if isinstance(norms, list) and norms and all(isinstance(n, str) for n in norms):
            return cls(tuple(norms))
        return cls()


@attrs.frozen
class Analysis:
    """One text of a document, checked against the corpus around it."""

    path: str
    text: str
    lines: tuple[str, ...]
    corpus: Corpus
    own: SourceFile
    settings: Settings = Settings()
    encoding: str = UTF16
    today: dt.date = attrs.field(factory=dt.date.today)

    @property
    def at(self) -> Positions:
        """The text's positions, in the client's code units."""
        return Positions(self.lines, self.encoding)

    @property
    def diagnostics(self) -> tuple[D.Diagnostic, ...]:
        """The problems of this text (a draft's problems with its base included), as ``check`` gives them."""
        return tuple(d for d in self.corpus.diagnostics if d.span.file == self.path)

    @property
    def document(self) -> Optional[M.Document]:
        """The text's document (None when it does not parse)."""
        return self.own.document

    def agreement_at(self, line: int) -> Optional[M.Agreement]:
        """The agreement written in this text around a 1-based line (the first one when none is)."""
        found = [i for i in (self.document.items if self.document else ()) if isinstance(i, M.Agreement)]
        around = [a for a in found if a.span.line <= line <= max(a.span.end_line, a.span.line)]
        return next(iter(around or found), None)

    def real_path(self, path: str) -> str:
        """The file a span's path names (a bundled file's path is relative to the package)."""
        if any(f.bundled and f.path == path for f in self.corpus.files):
            return str(importlib.resources.files("engine").joinpath(path))
        return path


def path_of(uri: str) -> str:
    """The file path of a ``file:`` URI (any other URI stands for itself)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return uri
    return os.path.normpath(unquote(parsed.path))


def uri_of(path: str) -> str:
    """The ``file:`` URI of a path."""
    return "file://" + os.path.abspath(path) if "://" not in path else path


class Workspace:
    """The corpus around each document, cached: the bundled files once, each folder until a file in it changes."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self._bundled: Optional[list[SourceFile]] = None
        self._folders: dict[str, list[SourceFile]] = {}

    def bundled(self) -> list[SourceFile]:
        """The bundled corpus, parsed on first use."""
        if self._bundled is None:
            self._bundled = bundled_files()
        return self._bundled

    def folder(self, folder: str) -> list[SourceFile]:
        """The source files in a folder (not its sub-folders), parsed on first use."""
        if folder not in self._folders:
            self._folders[folder] = [load_file(p) for p in _source_files(folder)]
        return self._folders[folder]

    def forget(self, path: str) -> None:
        """A file changed on disk: its folder is read again next time."""
        self._folders.pop(os.path.dirname(os.path.abspath(path)), None)

    def analyse(self, path: str, text: str, encoding: str = UTF16) -> Analysis:
        """The text of the document at ``path`` checked against the bundled corpus and its folder."""
        own = load_text(text, path)
        beside: Sequence[SourceFile] = ()
        if os.path.isabs(path):
            real = os.path.realpath(path)
            beside = [f for f in self.folder(os.path.dirname(path)) if os.path.realpath(f.path) != real]
        corpus = Corpus.build([*self.bundled(), *beside, own])
        return Analysis(path, text, tuple(text.split("\n")), corpus, own, self.settings, encoding)


def _source_files(folder: str) -> list[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    paths = [os.path.join(folder, n) for n in names if n.endswith(SOURCE_SUFFIXES)]
    return [p for p in paths if os.path.isfile(p)][:MAX_SIBLINGS]
