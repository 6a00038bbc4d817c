"""Turn a treaty text (ToTA XML or plain text) into a draft encoding, every article auto-coded.

The output is an agreement in the tradegap language, each article marked
`verification auto`: suggestions to review, with the words that triggered
them quoted.  Nothing is written when the input cannot be read.
"""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap import ../shared/tota/xml/pta_425.xml -o jpmn-draft.agr
  tradegap import chapter14.txt --format text --id draft-ecom
  tradegap import pta_449.xml --rules my.coding | less
  python3 benchmarks/import_scale.py        # import and evaluate the whole ToTA corpus
"""


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="a ToTA XML file or a treaty in plain text (UTF-8)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the agreement here (default: standard output)")
    p.add_argument("--format", choices=("tota", "text"), help="the input's format (default: detect it)")
    p.add_argument("--rules", metavar="FILE", help="coding rules to use (default: the bundled rules/autocode.coding)")
    p.add_argument("--id", metavar="ID", help="the agreement's id (default: from the ToTA number or the file name)")


def run(args, out, err) -> int:
    import re

    import attrs

    from engine.language import codes as C
    from engine.language import diagnostics as D
    from engine.cli.common import print_diagnostics, usage_error
    from engine.importer import import_file, read_rules, to_source

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
    text = to_source(result)
    problems = _check(text, args.output or "<output>")
    if problems:
        print_diagnostics(problems, {args.output or "<output>": text}, err)
        err.write("tradegap: internal error: the import does not check as tradegap source; nothing written\n"
                  "  = help: this is a bug in tradegap; please report it with the file imported\n")
        return 3
    print_diagnostics([d for d in result.diagnostics if not d.is_error], {}, err)
    if args.output:
        from engine.util.files import write_atomic

        try:
            write_atomic(args.output, text)
        except OSError as exc:
            err.write(D.render_text(C.CANNOT_WRITE.at(D.Span(args.output), reason=exc.strerror or exc)) + "\n")
            return 2
    else:
        out.write(text)
    s = result.stats
    where = f"to {args.output}" if args.output else "to standard output"
    err.write(f"imported {s.articles} article{'s' if s.articles != 1 else ''} in {s.chapters} chapter"
              f"{'s' if s.chapters != 1 else ''} {where}: {s.with_topic} with a topic, {s.coded} coded; "
              f"every article is `verification auto`\n")
    return 0


def _check(text: str, path: str):
    """Errors in the generated source (there should be none): it must parse and validate."""
    from engine.checking.corpus import load_text

    loaded = load_text(text, path)
    return [d for d in loaded.diagnostics if d.is_error] if loaded.document is not None else list(loaded.diagnostics)


def _sources(path: str, limit: int = 16 * 1024 * 1024) -> dict:
    """The file's text, to show the line a diagnostic points at (undecodable bytes replaced)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        return {}
    return {path: data.decode("utf-8", "replace")} if len(data) <= limit else {}
