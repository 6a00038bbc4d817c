"""The command line: argument parsing and dispatch, nothing else.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args, out, err) -> int``.  Only the command being run is imported and
configured: the others are named with their one-line help from
:data:`COMMANDS`, so ``--help`` imports no command module.  Exit codes: 0 clean, 1 findings that
``--fail-on`` asks about (or expectations that fail), 2 bad input or usage,
3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, Callable, Collection, Optional, Sequence, TextIO

COMMANDS = {
    # name: (module, one-line help)
    "report": ("report", "gap report: agreements against norm sets"),
    "explain": ("explain", "trace one finding, requirement by requirement"),
    "compare": ("compare", "side-by-side matrix of agreements"),
    "diff": ("diff", "what changed between two agreements or drafts"),
    "pair": ("pair", "what binds two countries to each other on a date"),
    "test": ("test_cmd", "check the expectations written in files"),
    "check": ("check", "parse and validate files"),
    "fmt": ("fmt", "format files in the canonical layout"),
    "search": ("search", "find articles by their words, titles or notes"),
    "list": ("list_cmd", "list agreements, norm sets, topics and other vocabulary"),
    "import": ("import_cmd", "turn a treaty text (ToTA XML, plain text or PDF) into a draft encoding"),
    "adopt": ("adopt", "copy a precedent article into a draft, renumbered, its provenance kept"),
    "lsp": ("lsp", "run the language server for editors (stdio)"),
}

EPILOG = """examples:
  tradegap report rcep --norms tpp3
  tradegap report examples/kjdpa.agr --norms tpp3 digital-core --format markdown
  tradegap explain rcep tpp3.data-flows
  tradegap compare cptpp usjdta rcep --norms digital-core
  tradegap check agreements/ examples/
  tradegap fmt --check agreements/
  tradegap list topics
  tradegap list agreements --party Japan --with "South Korea"
  tradegap search "source code" --party KR

exit codes: 0 clean, 1 gaps or failed expectations (when asked), 2 bad input or usage, 3 internal error
"""


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` gives it (``COLUMNS``, else the
    terminal of standard output, else 80), without importing :mod:`shutil`, which argparse imports for
    it and which brings ``bz2``, ``lzma`` and ``fnmatch`` with it: a tenth of ``tradegap --help``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Width:
    """An argparse formatter whose default width is found by :func:`_columns` (argparse's is the same
    number, from :mod:`shutil`)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: Optional[int] = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,  # type: ignore[call-arg]
                         _columns() - 2 if width is None else width)


class _Formatter(_Width, argparse.HelpFormatter):
    pass


class _RawFormatter(_Width, argparse.RawDescriptionHelpFormatter):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line hint on usage errors (as it does), never a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(configure: Optional[Collection[str]] = None, others: bool = True) -> argparse.ArgumentParser:
    """The parser: every command named with its help; the commands in ``configure`` (all when None) with
    their description, examples and arguments, which imports their modules.  With ``others`` false, the
    commands not configured are left out (the top-level help, which lists them, is then not asked for)."""
    from engine._version import __version__

    parser = _Parser(
        prog="tradegap",
        description="Rules-based trade-agreement comparison: where an agreement falls short of a norm, "
                    "with the article and words that say so.",
        epilog=EPILOG,
        formatter_class=_RawFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tradegap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if configure is not None and name not in configure:
            if others and _exists(module):
                sub.add_parser(name, help=help_text)
            continue
        mod = _module(module)
        if mod is None:
            continue
        p = sub.add_parser(name, help=help_text, description=mod.__doc__,
                           epilog=getattr(mod, "EXAMPLES", None),
                           formatter_class=_RawFormatter)
        mod.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _command(argv: Sequence[str]) -> Optional[str]:
    """The command ``argv`` runs: its first word that is not an option (the top level takes no values)."""
    return next((a for a in argv if not a.startswith("-")), None)


def _others_shown(argv: Sequence[str], command: Optional[str]) -> bool:
    """Whether parsing ``argv`` can show the other commands: the top-level help (``-h`` before the
    command), or an error that lists the commands (a command that is not one).  Otherwise argparse
    needs only the command run, and the other twelve parsers are not built."""
    if command not in COMMANDS:
        return True
    before = list(argv)[:list(argv).index(command)]
    return "-h" in before or "--help" in before


def _exists(name: str) -> bool:
    """Whether the command module ``name`` is installed (found without importing it)."""
    from importlib.util import find_spec

    return find_spec(f"engine.cli.{name}") is not None


def _module(name: str) -> Optional[ModuleType]:
    try:
        return importlib.import_module(f"engine.cli.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"engine.cli.{name}":
            return None
        raise


def _parse(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The parser for ``argv`` (only its command's, when one is named) and what it parsed."""
    command = _command(argv)
    parser = build_parser(() if command is None else (command,), _others_shown(argv, command))
    return parser, parser.parse_args(argv)


BRIEF = frozenset({"report", "explain", "compare", "list"})
"""Commands that read the corpus (from the cache when warm), evaluate, print and end: they make next to no
cyclic garbage, and :func:`program` runs them with the collector off.  Not the language server and
``check --watch``, which run for hours, nor the commands that parse or import files by the hundred, whose
garbage has not been measured."""


def program() -> int:
    """The ``tradegap`` program (the console script, ``python -m engine``): :func:`main` on ``sys.argv``.

    A :data:`BRIEF` command runs with the cyclic garbage collector off: it would scan the modules,
    the model and the findings again and again, and find next to nothing to free (a fiftieth of a
    report's instructions).  When the program is done, every object is handed to :func:`gc.freeze`: the
    interpreter's exit would otherwise scan all of them again (every class, function and module the
    run made: a twentieth of a report) for cycles to free, memory the operating system takes back anyway.
    """
    import gc

    brief = _command(sys.argv[1:]) in BRIEF and gc.isenabled()
    if brief:
        gc.disable()
    try:
        return main()
    finally:
        gc.freeze()
        if brief:
            gc.enable()  # nothing young left to scan: as it was, for a caller that goes on


def main(argv: Optional[Sequence[str]] = None) -> int:
    from engine.cli.console import console
    from engine.util.gc import gc_paused

    out, err = console(sys.stdout), console(sys.stderr)
    with gc_paused():  # the command's modules imported: classes by the hundred, next to no garbage
        parser, args = _parse(sys.argv[1:] if argv is None else argv)
    if not getattr(args, "command", None):
        parser.print_help(out)
        return 2
    mod = importlib.import_module(f"engine.cli.{args._module}")  # imported when its parser was configured
    from engine.errors import TradegapError

    try:
        run: Callable[[argparse.Namespace, TextIO, TextIO], int] = mod.run  # every command module's entry
        return run(args, out, err)
    except TradegapError as exc:  # bad input the library refused: say what and what to do, exit 2
        from engine.cli.common import usage_error

        return usage_error(err, exc.message, exc.hint)
    except KeyboardInterrupt:
        err.write("tradegap: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not bad input: say so without a traceback
        err.write(f"tradegap: internal error: {type(exc).__name__}: {exc}\n"
                  "  = help: this is a bug in tradegap; please report it with the command you ran\n")
        return 3
