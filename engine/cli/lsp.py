"""Run the tradegap language server over standard input and output, for an editor to start.

The server checks each open file as `tradegap check` checks its folder (with the bundled corpus), and
answers hover, completion, go to definition, the outline, formatting and quick fixes.  Editors pass
settings as initialization options or configuration: {"tradegap": {"norms": ["tpp3"]}} names the norm
sets an article's hover grades it against.  editors/vscode/ holds a VS Code extension that starts it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

EXAMPLES = """examples:
  tradegap lsp                        # what an editor runs; it speaks JSON-RPC on stdin and stdout
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdio", action="store_true",
                   help="talk over standard input and output (the default and only transport; editors pass it)")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.lsp.server import serve

    serve()
    return 0
