"""Parse and validate agreement, norm-set and expectation files; report every problem found."""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap check                      # the bundled corpus
  tradegap check agreements/ examples/
  tradegap check draft.agr --format json
"""


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled corpus)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="diagnostics format")
    p.add_argument("--no-bundled", action="store_true",
                   help="do not load the bundled corpus alongside (a based-on then needs its base given)")


def run(args, out, err) -> int:
    from engine.cli.common import print_diagnostics
    from engine.checking.corpus import Corpus

    if args.paths:
        corpus = Corpus.from_paths(args.paths, include_bundled=not args.no_bundled, cache=True)
        checked = [f for f in corpus.files if not f.bundled]
    else:
        corpus = Corpus.bundled(cache=True)
        checked = list(corpus.files)
    print_diagnostics(corpus.diagnostics, corpus.sources(), err if args.format == "text" else out, args.format)
    errors = len(corpus.errors)
    warnings = len(corpus.diagnostics) - errors
    if args.format == "text":
        out.write(f"checked {len(checked)} file{'s' if len(checked) != 1 else ''}: "
                  f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}\n")
    return 2 if errors else 0
