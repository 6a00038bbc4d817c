"""The corpus index: what a corpus built from a set of files holds, kept in the cache for the next run.

Building a corpus reads every file, unpickles every file's cached parse and resolves every agreement;
a command about one agreement needs two or three of them.  So when a corpus is built through the
cache, a small index is stored beside the files' entries (:func:`engine.checking.cache.store_index`),
named by the entries of all its files in order (each entry's name covers the engine, the file's path
and its text).  It records, for that exact set of texts:

- each file's path, entry name, whether it is bundled, and its own diagnostics;
- which file defines each agreement and norm set id (the definition the build kept: a user file
  shadows a bundled one, the first of two others wins);
- the expectations and the corpus's diagnostics (a duplicate id across files, a ``based-on`` circle,
  an expectation naming nothing), exactly as the build found them.

A warm run reads and hashes every file as before (an edited file changes the index's name, and the
whole corpus is built again), reads the index, and builds a :class:`~engine.checking.corpus.Corpus`
whose files read their documents from the cache when first asked, and whose tables look an id up
in its file and resolve it when first asked: ``report rcep --norms tpp3`` unpickles two entries of
fifty.  Every table holds every id from the start, so a did-you-mean, ``--all`` and a duplicate id
say what they said before; the problems of finding the files are found again on every run.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence, Union

from engine.checking import cache
from engine.checking.corpus import (AGREEMENT, NORM_SET, Corpus, SourceFile, Table, bundled_sources, parse_source,
                                    unreadable)
from engine.language import diagnostics as D
from engine.language import model as M

VERSION = 1
"""The shape of an index; one of another shape is not read."""

Source = tuple[str, Optional[str], tuple[D.Diagnostic, ...], bool]
"""A file to load: its path, its text (None if it could not be read), the problems reading it, bundled."""

FileRow = tuple[str, str, bool, tuple[D.Diagnostic, ...]]
"""An indexed file: its path, its entry's name, whether it is bundled, its diagnostics."""

Defined = tuple[str, str, int]
"""An id the corpus kept: its kind (``AGREEMENT`` or ``NORM_SET``), the id, the index of its file."""


def load(names: Sequence[str], include_bundled: bool, discovery: Sequence[D.Diagnostic]) -> Corpus:
    """The corpus of the bundled files (if ``include_bundled``) and the files ``names``, through the
    cache: from its index when the files are those it was made from, else built and indexed."""
    sources = _sources(names, include_bundled)
    entries = [cache.key(path, text) if text is not None else None for path, text, _, _ in sources]
    name = cache.index_key([(entry, bundled) for entry, (_, _, _, bundled) in zip(entries, sources)])
    rows = [(path, entry, bundled) for entry, (path, _, _, bundled) in zip(entries, sources)]
    found = _checked(cache.load_index(name), rows) if name is not None else None
    if found is not None:
        return _deferred(found, sources, discovery)
    files = [parse_source(text, path, bundled, True, entry) if text is not None
             else unreadable(path, problems) for entry, (path, text, problems, bundled) in zip(entries, sources)]
    corpus = Corpus.build(files, discovery)
    if name is not None:
        cache.store_index(name, summary(corpus, entries, len(discovery)))
    return corpus


def _sources(names: Sequence[str], include_bundled: bool) -> list[Source]:
    """The texts to load, bundled first (as :meth:`Corpus.from_paths` puts them)."""
    out: list[Source] = [(path, text, (), True) for path, text in bundled_sources()] if include_bundled else []
    if names:
        from engine.syntax.source import read_source

        for path in names:
            text, problems = read_source(path)
            out.append((path, text, tuple(problems), False))
    return out


def summary(corpus: Corpus, entries: Sequence[Optional[str]], discovered: int) -> tuple[Any, ...]:
    """The index of ``corpus``, built from files whose entries are ``entries`` (plain tuples, diagnostics
    and expectations: what the cache's unpickler builds)."""
    where = {id(item): i for i, f in enumerate(corpus.files) for item in (f.document.items if f.document else ())}
    files = tuple((f.path, entry or "", f.bundled, f.diagnostics) for f, entry in zip(corpus.files, entries))
    kept = {AGREEMENT: corpus.written, NORM_SET: corpus.norm_sets}
    defined = tuple((kind, ident, where[id(kept[kind][ident])]) for kind, ident in corpus.origin)
    return (VERSION, files, defined, corpus.expectations, corpus.diagnostics[discovered:])


def _checked(stored: object, rows: Sequence[tuple[str, Optional[str], bool]]) \
        -> Optional[tuple[tuple[FileRow, ...], tuple[Defined, ...], tuple[M.Expectation, ...], tuple[D.Diagnostic, ...]]]:
    """The index, if it has the shape :func:`summary` gives and lists exactly the files ``rows``
    (path, entry, bundled); else None (the corpus is then built)."""
    if not (isinstance(stored, tuple) and len(stored) == 5 and stored[0] == VERSION):
        return None
    _, files, defined, expectations, diagnostics = stored
    if not (isinstance(files, tuple) and len(files) == len(rows)
            and all(isinstance(f, tuple) and len(f) == 4 and (f[0], f[1], f[2]) == row and _diagnostics(f[3])
                    for f, row in zip(files, rows))):
        return None
    if not (isinstance(defined, tuple) and all(_defined(d, len(files)) for d in defined)):
        return None
    if not (isinstance(expectations, tuple) and all(isinstance(e, M.Expectation) for e in expectations)):
        return None
    return (files, defined, expectations, diagnostics) if _diagnostics(diagnostics) else None


def _diagnostics(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(d, D.Diagnostic) for d in value)


def _defined(value: object, files: int) -> bool:
    return (isinstance(value, tuple) and len(value) == 3 and value[0] in (AGREEMENT, NORM_SET)
            and isinstance(value[1], str) and isinstance(value[2], int) and 0 <= value[2] < files)


class _Files:
    """The documents of an indexed corpus's files, each read from the cache when first needed (parsed
    again if its entry is gone)."""

    def __init__(self, sources: Sequence[Source], rows: Sequence[FileRow]) -> None:
        self.files = tuple(SourceFile.deferred(path, text or "", diags, bundled, self._reader(text or "", path, bundled, entry))
                           for (path, text, _, _), (_, entry, bundled, diags) in zip(sources, rows))

    @staticmethod
    def _reader(text: str, path: str, bundled: bool, entry: str) -> Any:
        def read() -> Optional[M.Document]:
            hit = cache.load(entry)
            return hit[0] if hit is not None else parse_source(text, path, bundled, True, entry).document
        return read

    def item(self, kind: str, ident: str, at: int) -> Union[M.Agreement, M.NormSet]:
        """The first agreement or norm set ``ident`` in file ``at`` (the definition a build keeps)."""
        document = self.files[at].document
        wanted = M.Agreement if kind == AGREEMENT else M.NormSet
        items = document.items if document is not None else ()
        return next(x for x in items if isinstance(x, wanted) and x.id == ident)


def _deferred(found: tuple[tuple[FileRow, ...], tuple[Defined, ...], tuple[M.Expectation, ...],
                           tuple[D.Diagnostic, ...]],
              sources: Sequence[Source], discovery: Sequence[D.Diagnostic]) -> Corpus:
    """The corpus the index describes, its documents read and its agreements resolved when first asked for."""
    rows, defined, expectations, diagnostics = found
    files = _Files(sources, rows)
    at = {(kind, ident): i for kind, ident, i in defined}

    def written(ident: str) -> M.Agreement:
        agreement = files.item(AGREEMENT, ident, at[(AGREEMENT, ident)])
        assert isinstance(agreement, M.Agreement)
        return agreement

    def norm_set(ident: str) -> M.NormSet:
        found_set = files.item(NORM_SET, ident, at[(NORM_SET, ident)])
        assert isinstance(found_set, M.NormSet)
        return found_set

    as_written = Table([i for k, i, _ in defined if k == AGREEMENT], written)
    done: dict[str, M.Agreement] = {}  # shared by every resolution, as in Corpus.build

    def resolved(ident: str) -> M.Agreement:
        from engine.checking.resolve import resolve

        return done[ident] if ident in done else resolve(as_written[ident], as_written.get, done)[0]

    return Corpus(files.files, as_written, Table(as_written, resolved),
                  Table([i for k, i, _ in defined if k == NORM_SET], norm_set), expectations,
                  tuple(discovery) + diagnostics, {(k, i): rows[n][0] for k, i, n in defined}, tuple(discovery))
