"""Format files in the one canonical layout, keeping every comment.

Without --check, --diff or --write the formatted text goes to standard output.
--diff shows, as a unified diff, the change --write would make (exit 1 if there is one).
--write replaces each file atomically (a temporary file renamed over it),
and only after checking that the formatted text parses back to the same
document: a file that does not parse is never touched.
"""

from __future__ import annotations

import argparse
import enum
from typing import TextIO

EXAMPLES = """examples:
  tradegap fmt draft.agr              # print the formatted text
  tradegap fmt --check agreements/    # exit 1 if any file is not formatted
  tradegap fmt --diff draft.agr       # what --write would change
  tradegap fmt --write examples/
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not formatted; change nothing")
    mode.add_argument("--diff", action="store_true",
                      help="show the change --write would make as a unified diff; exit 1 if there is one")
    mode.add_argument("--write", action="store_true", help="rewrite files in place, atomically")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.common import print_diagnostics
    from engine.checking.corpus import discover

    paths, diags = discover(args.paths)
    print_diagnostics(diags, {}, err)
    failed = any(d.is_error for d in diags)  # a FIFO skipped in a folder is a warning
    changed = []
    for path in paths:
        outcome = _one(path, args, out, err)
        failed = failed or outcome is _Outcome.FAILED
        if outcome is _Outcome.CHANGED:
            changed.append(path)
    if failed:
        return 2
    if args.check or args.diff:
        summary = out if args.check else err
        summary.write(f"{len(changed)} of {len(paths)} file{'s' if len(paths) != 1 else ''} would be reformatted\n")
        return 1 if changed else 0
    return 0


class _Outcome(enum.Enum):
    """What became of one file."""

    SAME = "same"
    CHANGED = "changed"
    FAILED = "failed"


def _one(path: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> _Outcome:
    """Format one file as the flags say: print it, say whether it would change, or rewrite it."""
    from engine.cli.common import print_diagnostics
    from engine.checking.fmt import format_source
    from engine.rendering.safe import term
    from engine.syntax.parse import read_source

    text, read_diags = read_source(path)
    if text is None:
        print_diagnostics(read_diags, {}, err)
        return _Outcome.FAILED
    formatted, fdiags = format_source(text, path)
    if formatted is None:
        print_diagnostics(fdiags, {path: text}, err)
        return _Outcome.FAILED
    if not (args.check or args.diff or args.write):
        out.write(formatted)  # the file itself, as `cat` would show it
        return _Outcome.SAME
    if formatted == text:
        return _Outcome.SAME
    if args.diff:
        out.write(_diff(path, text, formatted))
        return _Outcome.CHANGED
    if args.write and _rewrite(path, formatted, err):
        return _Outcome.FAILED
    out.write(f"{'reformatted' if args.write else 'would reformat'} {term(path)}\n")
    return _Outcome.CHANGED


def _rewrite(path: str, text: str, err: TextIO) -> int:
    """Rewrite the file keeping its owner, mode and hard links: 0, or 2 after saying why it was not."""
    from engine.cli.common import file_problem, refusal_diagnostic
    from engine.language import codes as C
    from engine.language import model as M
    from engine.util.files import Refused, rewrite

    try:
        rewrite(path, text)
    except Refused as exc:
        return file_problem(refusal_diagnostic(exc), err)
    except OSError as exc:
        return file_problem(C.CANNOT_WRITE.at(M.Span(path), reason=exc.strerror or exc), err)
    return 0


def _diff(path: str, text: str, formatted: str) -> str:
    """The unified diff from the file's text to its formatted text."""
    import difflib

    return "".join(difflib.unified_diff(text.splitlines(keepends=True), formatted.splitlines(keepends=True),
                                        fromfile=path, tofile=path))
