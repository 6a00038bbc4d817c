"""Parse and validate agreement, norm-set and expectation files; report every problem found.

With --watch, the files are checked again whenever one of them is saved, and only what changed is
printed: the problems that are new, and those that were fixed.  Stop it with Ctrl-C.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Iterable, TextIO

    from engine.checking.corpus import Corpus, SourceFile

EXAMPLES = """examples:
  tradegap check                      # the bundled corpus
  tradegap check agreements/ examples/
  tradegap check draft.agr --format json
  tradegap check --watch drafts/      # check again on every save
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled corpus)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="diagnostics format")
    p.add_argument("--no-bundled", action="store_true",
                   help="do not load the bundled corpus alongside (a based-on then needs its base given)")
    p.add_argument("--watch", action="store_true",
                   help="check again whenever a file under PATH is saved, printing only what changed")


def _check(args: argparse.Namespace) -> tuple[Corpus, list[SourceFile]]:
    """(the corpus, the files checked)."""
    from engine.checking.corpus import Corpus

    if args.paths:
        corpus = Corpus.from_paths(args.paths, include_bundled=not args.no_bundled, cache=True)
        return corpus, [f for f in corpus.files if not f.bundled]
    corpus = Corpus.bundled(cache=True)
    return corpus, list(corpus.files)


def _summary(corpus: Corpus, checked: list[SourceFile], out: TextIO) -> None:
    errors = len(corpus.errors)
    warnings = len(corpus.diagnostics) - errors
    out.write(f"checked {len(checked)} file{'s' if len(checked) != 1 else ''}: "
              f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}\n")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.common import print_diagnostics, usage_error

    if args.watch and not args.paths:
        return usage_error(err, "--watch needs the files or folders to watch", "e.g. tradegap check --watch drafts/")
    if args.watch and args.format != "text":
        return usage_error(err, "--watch prints text", "leave out --format json")
    corpus, checked = _check(args)
    print_diagnostics(corpus.diagnostics, corpus.sources(), err if args.format == "text" else out, args.format)
    if args.format == "text":
        _summary(corpus, checked, out)
    if args.watch:
        import watchfiles

        return watch(args, corpus, watchfiles.watch(*args.paths), out, err)
    return 2 if corpus.errors else 0


def watch(args: argparse.Namespace, corpus: Corpus, changes: Iterable[Iterable[tuple[object, str]]], out: TextIO,
          err: TextIO) -> int:
    """Check again after each batch of ``changes`` (watchfiles' sets of (change, path)), printing what changed.

    Returns the exit code of the last check (when ``changes`` ends: in tests; a person stops it with Ctrl-C).
    """
    from engine.cli.common import print_diagnostics
    from engine.checking.corpus import SOURCE_SUFFIXES

    before = set(corpus.diagnostics)
    for batch in changes:
        touched = sorted({path for _, path in batch if path.endswith(SOURCE_SUFFIXES)})
        if not touched:
            continue
        out.write(f"\nchanged: {', '.join(touched)}\n")
        corpus, checked = _check(args)
        now = corpus.diagnostics
        print_diagnostics([d for d in now if d not in before], corpus.sources(), err)
        for d in sorted(before - set(now), key=lambda d: (d.span.file, d.span.line, d.span.column, d.code)):
            out.write(f"fixed: {d.span.file}:{d.span.line}:{d.span.column}: {d.code}: {d.message}\n")
        _summary(corpus, checked, out)
        out.flush()
        before = set(now)
    return 2 if any(d.is_error for d in before) else 0
