"""Turn a treaty text (ToTA XML or plain text) into a draft encoding, every article auto-coded.

The output is an agreement in the tradegap language, each article marked
`verification auto`: suggestions to review, with the words that triggered
them quoted.  Nothing is written when the input cannot be read.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Optional, TextIO

if TYPE_CHECKING:
    from engine.importer import Stats

EXAMPLES = """examples:
  tradegap import ../shared/tota/xml/pta_425.xml -o jpmn-draft.agr
  tradegap import chapter14.txt --format text --id draft-ecom
  tradegap import pta_449.xml --rules my.coding | less
  python3 benchmarks/import_scale.py        # import and evaluate the whole ToTA corpus
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a ToTA XML file or a treaty in plain text (UTF-8)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the agreement here (default: standard output)")
    p.add_argument("--format", choices=("tota", "text"), help="the input's format (default: detect it)")
    p.add_argument("--rules", metavar="FILE", help="coding rules to use (default: the bundled rules/autocode.coding)")
    p.add_argument("--id", metavar="ID", help="the agreement's id (default: from the ToTA number or the file name)")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import re

    import attrs

    from engine.checking.validate import validate
    from engine.cli.common import STDOUT_NAMES, print_diagnostics, usage_error, write_file
    from engine.importer import DraftTooLarge, GeneratedSourceError, import_file, read_rules, to_source

    if args.id is not None and not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.id):
        return usage_error(err, f"`{args.id}` is not an id", "ids are lower case words joined by hyphens: jpmn-draft")
    rules = None
    if args.rules:
        rules, diags = read_rules(args.rules)
        if rules is None:
            print_diagnostics(diags, _sources(args.rules), err)
            return 2
    result = import_file(args.file, args.format, rules)
    if result.agreement is None:
        print_diagnostics(result.diagnostics, _sources(args.file), err)
        err.write("tradegap: nothing imported\n")
        return 2
    if args.id:
        result = attrs.evolve(result, agreement=attrs.evolve(result.agreement, id=args.id))
    output = None if args.output in STDOUT_NAMES else args.output
    try:
        text = to_source(result, output or "<output>", validate)
    except DraftTooLarge as exc:
        print_diagnostics(exc.diagnostics, {}, err)
        err.write("tradegap: nothing imported\n")
        return 2
    except GeneratedSourceError as exc:
        print_diagnostics(exc.diagnostics, {exc.path: exc.text}, err)
        err.write(f"tradegap: internal error: {exc.message}\n  = help: {exc.hint}\n")
        return 3
    print_diagnostics([d for d in result.diagnostics if not d.is_error], {}, err)
    if not output:
        out.write(text)
    elif write_file(output, text, err, [args.file] + ([args.rules] if args.rules else [])):
        return 2
    err.write(_summary(result.stats, output))
    return 0


def _summary(s: Stats, output: Optional[str]) -> str:
    """The closing line: how many articles went where."""
    where = f"to {output}" if output else "to standard output"
    return (f"imported {s.articles} article{'s' if s.articles != 1 else ''} in {s.chapters} chapter"
            f"{'s' if s.chapters != 1 else ''} {where}: {s.with_topic} with a topic, {s.coded} coded; "
            f"every article is `verification auto`\n")


def _sources(path: str, limit: int = 16 * 1024 * 1024) -> dict[str, str]:
    """The file's text, to show the line a diagnostic points at (undecodable bytes replaced)."""
    from engine.util.files import read_bounded

    try:
        got = read_bounded(path, limit)
    except OSError:
        return {}
    return {} if got.data is None else {path: got.data.decode("utf-8", "replace")}
