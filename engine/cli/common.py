"""What several commands share: loading a corpus from arguments and printing diagnostics."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional, Sequence, TextIO, Union

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M

if TYPE_CHECKING:
    import datetime as dt

    from engine.checking.corpus import Corpus
    from engine.util.files import Refused


def add_corpus_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", "-p", action="append", default=[], metavar="PATH",
                   help="extra file or folder of agreements, norm sets or expectations (repeatable)")
    p.add_argument("--no-bundled", action="store_true",
                   help="do not load the agreements and norm sets shipped with tradegap")


def print_diagnostics(diags: Sequence[D.Diagnostic], sources: Mapping[str, str], err: TextIO,
                      fmt: str = "text") -> None:
    if fmt == "json":
        import json

        err.write(json.dumps([D.to_json(d) for d in diags], indent=2) + "\n")
        return
    split: dict[str, Union[str, list[str]]] = {path: text.split("\n") for path, text in sources.items()
             if any(d.span.file == path for d in diags)}  # once per file, not per diagnostic
    for d in diags:
        err.write(D.render_text(d, split) + "\n")


def split_refs(refs: list[str]) -> tuple[list[str], list[str]]:
    """Arguments that are paths (existing files, or with a source suffix) and those that are ids."""
    paths, ids = [], []
    for ref in refs:
        if os.path.exists(ref) or ref.endswith((".agr", ".norms", ".expect")) or os.sep in ref:
            paths.append(ref)
        else:
            ids.append(ref)
    return paths, ids


def load_corpus(args: argparse.Namespace, extra_paths: list[str], err: TextIO,
                diag_format: str = "text") -> Optional[Corpus]:
    """The corpus for a command, or None after printing why it cannot be built."""
    from engine.checking.corpus import Corpus

    corpus = Corpus.from_paths(list(args.path) + list(extra_paths), include_bundled=not args.no_bundled,
                               cache=True)
    if corpus.errors:
        print_diagnostics(corpus.diagnostics, corpus.sources(), err, diag_format)
        n = len(corpus.errors)
        err.write(f"tradegap: {n} error{'s' if n != 1 else ''}; nothing evaluated\n")
        return None
    return corpus


def usage_error(err: TextIO, message: str, hint: Optional[str] = None) -> int:
    err.write(f"tradegap: error: {message}\n")
    if hint:
        err.write(f"  = help: {hint}\n")
    return 2


def parse_date(text: str) -> Optional[dt.date]:
    """A YYYY-MM-DD date, or None."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


STDOUT_NAMES = ("-", "/dev/stdout")
"""``-o`` values that mean standard output."""


def emit(text: str, args: argparse.Namespace, out: TextIO, err: TextIO, inputs: Iterable[str] = ()) -> int:
    """Print ``text``, or write it to ``args.output``; 0, or 2 after saying why it cannot be written.

    ``inputs``: the files the output was made from, which ``-o`` may not name.
    """
    target = getattr(args, "output", None)
    if not target or target in STDOUT_NAMES:
        out.write(text)
        return 0
    return write_file(target, text, err, inputs)


def user_files(corpus: Corpus) -> list[str]:
    """The paths of the files a corpus was loaded from (not the bundled ones)."""
    return [f.path for f in corpus.files if not f.bundled]


def write_file(path: str, text: Union[str, bytes], err: TextIO, inputs: Iterable[str] = ()) -> int:
    """Write an output file (see :func:`engine.util.files.write_output`): 0, or 2 after a diagnostic."""
    from engine.util.files import Refused, write_output

    try:
        write_output(path, text, inputs)
    except Refused as exc:
        return file_problem(refusal_diagnostic(exc), err)
    except OSError as exc:
        return file_problem(C.CANNOT_WRITE.at(M.Span(path), reason=exc.strerror or exc), err)
    return 0


def file_problem(diagnostic: D.Diagnostic, err: TextIO) -> int:
    """Print a diagnostic about a file (no source line to show); exit code 2."""
    err.write(D.render_text(diagnostic) + "\n")
    return 2


def refusal_diagnostic(exc: Refused) -> D.Diagnostic:
    """The diagnostic that words why a file is not written."""
    from engine.util.files import Refusal

    span = M.Span(exc.path)
    worded: dict[Refusal, Callable[[], D.Diagnostic]] = {
        Refusal.FOLDER: lambda: C.WRITE_TO_A_FOLDER.at(span, example=os.path.join(exc.path, "report.txt")),
        Refusal.NO_FOLDER: lambda: C.WRITE_NO_FOLDER.at(span, folder=exc.detail),
        Refusal.AN_INPUT: lambda: C.WRITE_OVER_INPUT.at(span),
        Refusal.SPECIAL: lambda: C.WRITE_TO_SPECIAL.at(span, kind=exc.detail),
        Refusal.NO_READER: lambda: C.WRITE_NO_READER.at(span, seconds=exc.detail),
        Refusal.READ_ONLY: lambda: C.REWRITE_READ_ONLY.at(span),
        Refusal.OWNER: lambda: C.REWRITE_OWNED.at(span, uid=exc.detail),
    }
    return worded[exc.why]()
