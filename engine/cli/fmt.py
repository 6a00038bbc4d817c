"""Format files in the one canonical layout, keeping every comment.

Without --check or --write the formatted text goes to standard output.
--write replaces each file atomically (a temporary file renamed over it),
and only after checking that the formatted text parses back to the same
document: a file that does not parse is never touched.
"""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap fmt draft.agr              # print the formatted text
  tradegap fmt --check agreements/    # exit 1 if any file is not formatted
  tradegap fmt --write examples/
"""


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not formatted; change nothing")
    mode.add_argument("--write", action="store_true", help="rewrite files in place, atomically")


def run(args, out, err) -> int:
    from engine.cli.common import print_diagnostics
    from engine.checking.corpus import discover
    from engine.checking.fmt import format_source
    from engine.util.files import write_atomic
    from engine.syntax.parse import read_source

    paths, diags = discover(args.paths)
    print_diagnostics(diags, {}, err)
    failed = bool(diags)
    changed = []
    for path in paths:
        text, read_diags = read_source(path)
        if text is None:
            print_diagnostics(read_diags, {}, err)
            failed = True
            continue
        formatted, fdiags = format_source(text, path)
        if formatted is None:
            print_diagnostics(fdiags, {path: text}, err)
            failed = True
            continue
        if args.check:
            if formatted != text:
                changed.append(path)
                out.write(f"would reformat {path}\n")
        elif args.write:
            if formatted != text:
                write_atomic(path, formatted)
                changed.append(path)
                out.write(f"reformatted {path}\n")
        else:
            out.write(formatted)
    if failed:
        return 2
    if args.check:
        out.write(f"{len(changed)} of {len(paths)} file{'s' if len(paths) != 1 else ''} would be reformatted\n")
        return 1 if changed else 0
    return 0
