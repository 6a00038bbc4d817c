"""Format files in the one canonical layout, keeping every comment.

Without --check, --diff or --write the formatted text goes to standard output.
--diff shows, as a unified diff, the change --write would make (exit 1 if there is one).
--write replaces each file atomically (a temporary file renamed over it),
and only after checking that the formatted text parses back to the same
document: a file that does not parse is never touched.
"""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap fmt draft.agr              # print the formatted text
  tradegap fmt --check agreements/    # exit 1 if any file is not formatted
  tradegap fmt --diff draft.agr       # what --write would change
  tradegap fmt --write examples/
"""


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not formatted; change nothing")
    mode.add_argument("--diff", action="store_true",
                      help="show the change --write would make as a unified diff; exit 1 if there is one")
    mode.add_argument("--write", action="store_true", help="rewrite files in place, atomically")


def _formatted(path, err):
    """(the file's text, its formatted text), or None after printing why it cannot be formatted."""
    from engine.cli.common import print_diagnostics
    from engine.checking.fmt import format_source
    from engine.syntax.parse import read_source

    text, read_diags = read_source(path)
    if text is None:
        print_diagnostics(read_diags, {}, err)
        return None
    formatted, fdiags = format_source(text, path)
    if formatted is None:
        print_diagnostics(fdiags, {path: text}, err)
        return None
    return text, formatted


def _diff(path: str, text: str, formatted: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(text.splitlines(keepends=True), formatted.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


def _apply(args, path: str, text: str, formatted: str, out) -> bool:
    """Do what the mode asks with one file; whether the file is (or would be) changed."""
    from engine.util.files import write_atomic

    if not (args.check or args.diff or args.write):
        out.write(formatted)
        return False
    if formatted == text:
        return False
    if args.check:
        out.write(f"would reformat {path}\n")
    elif args.diff:
        out.write(_diff(path, text, formatted))
    else:
        write_atomic(path, formatted)
        out.write(f"reformatted {path}\n")
    return True


def run(args, out, err) -> int:
    from engine.cli.common import print_diagnostics
    from engine.checking.corpus import discover

    paths, diags = discover(args.paths)
    print_diagnostics(diags, {}, err)
    failed = bool(diags)
    changed = []
    for path in paths:
        done = _formatted(path, err)
        if done is None:
            failed = True
        elif _apply(args, path, done[0], done[1], out):
            changed.append(path)
    if failed:
        return 2
    if args.check or args.diff:
        summary = out if args.check else err
        summary.write(f"{len(changed)} of {len(paths)} file{'s' if len(paths) != 1 else ''} would be reformatted\n")
        return 1 if changed else 0
    return 0
