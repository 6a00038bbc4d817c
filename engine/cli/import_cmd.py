"""Turn a treaty text (ToTA XML, plain text or PDF) into a draft encoding, every article auto-coded.

The output is an agreement in the tradegap language, each article marked
`verification auto`: suggestions to review, with the words that triggered
them quoted.  Nothing is written when the input cannot be read.  Given a
folder and -o OUTDIR, every .xml, .txt and .pdf file in it is imported in
parallel into OUTDIR/<id>.agr, with a summary at the end.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Optional, TextIO

if TYPE_CHECKING:
    from engine.importer import RuleSet, Stats

EXAMPLES = """examples:
  tradegap import ../shared/tota/xml/pta_425.xml -o jpmn-draft.agr
  tradegap import rcep-legal-text.pdf -o rcep-draft.agr
  tradegap import chapter14.txt --format text --id draft-ecom
  tradegap import pta_449.xml --rules my.coding | less
  tradegap import ../shared/tota/xml --jobs 2 -o drafts/    # a whole folder, in parallel
  python3 benchmarks/import_scale.py        # import and evaluate the whole ToTA corpus
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE",
                   help="a ToTA XML file, a treaty in plain text (UTF-8) or in PDF; or a folder of them")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write the agreement here (default: standard output); for a folder, the folder to "
                        "write OUT/<id>.agr into")
    p.add_argument("--format", choices=("tota", "text", "pdf"), help="the input's format (default: detect it)")
    p.add_argument("--rules", metavar="FILE", help="coding rules to use (default: the bundled rules/autocode.coding)")
    p.add_argument("--id", metavar="ID", help="the agreement's id (default: from the ToTA number or the file name)")
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="for a folder: files imported at once (default: one per core)")
    p.add_argument("--force", action="store_true", help="for a folder: replace files already in OUT")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import re

    from engine.cli.common import print_diagnostics, usage_error
    from engine.importer import read_rules

    if args.id is not None and not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.id):
        return usage_error(err, f"`{args.id}` is not an id", "ids are lower case words joined by hyphens: jpmn-draft")
    if args.jobs is not None and args.jobs < 1:
        return usage_error(err, f"--jobs {args.jobs}: give at least 1")
    if args.rules:
        rules, diags = read_rules(args.rules)
        if rules is None:
            print_diagnostics(diags, _sources(args.rules), err)
            return 2
    if os.path.isdir(args.file):
        return _folder(args, out, err)
    if args.jobs is not None or args.force:
        return usage_error(err, "--jobs and --force are for importing a folder",
                           f"`{args.file}` is a file: `tradegap import {args.file} -o OUT` writes OUT")
    return _one(args, rules if args.rules else None, out, err)


def _folder(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.common import STDOUT_NAMES, usage_error
    from engine.cli.import_dir import run_folder

    if not args.output or args.output in STDOUT_NAMES:
        return usage_error(err, "importing a folder writes one file per treaty",
                           f"give the folder to write them into: tradegap import {args.file} -o drafts/")
    if args.id:
        return usage_error(err, "--id names one agreement; a folder holds several")
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        return usage_error(err, f"`{args.output}` is not a folder", "-o names the folder to write OUT/<id>.agr into")
    if os.path.realpath(args.output) == os.path.realpath(args.file):
        return usage_error(err, "the drafts would be written among the treaties", "give another folder to -o")
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as exc:
        return usage_error(err, f"cannot create `{args.output}`: {exc.strerror or exc}")
    jobs = args.jobs or os.cpu_count() or 1
    return run_folder(args.file, args.output, jobs, args.format, args.rules, args.force, out, err)


def _one(args: argparse.Namespace, rules: Optional[RuleSet], out: TextIO, err: TextIO) -> int:
    import attrs

    from engine.checking.validate import validate
    from engine.cli.common import STDOUT_NAMES, print_diagnostics, write_file
    from engine.cli.import_dir import Bar
    from engine.importer import DraftTooLarge, GeneratedSourceError, import_file, to_source

    bar = Bar(err, f"reading {os.path.basename(args.file)}", "pages")
    result = import_file(args.file, args.format, rules, progress=bar)
    bar.close()
    if result.agreement is None:  # (a PDF's bytes are not shown as a source line)
        print_diagnostics(result.diagnostics, _sources(args.file) if result.format != "pdf" else {}, err)
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
