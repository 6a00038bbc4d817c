"""Explain one finding: every article on the norm's topic, every requirement, what was found and where."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

EXAMPLES = """examples:
  tradegap explain rcep tpp3.data-flows
  tradegap explain cptpp tpp3.computing-facilities --as-of 2019-06-01 --party VN
  tradegap explain examples/kjdpa.agr tpp3.source-code --format json
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.common import add_corpus_arguments

    p.add_argument("agreement", metavar="AGREEMENT", help="agreement id or file")
    p.add_argument("norm", metavar="SET.NORM", help="the norm, e.g. tpp3.data-flows")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--party", metavar="XX", help="from one party's position (ISO code or name)")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    add_corpus_arguments(p)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.api import explain
    from engine.cli.common import usage_error
    from engine.cli.choose import targets
    from engine.rendering import render

    if "." not in args.norm:
        return usage_error(err, f"`{args.norm}` is not a norm reference", "write SET.NORM, e.g. tpp3.data-flows")
    set_id, norm_id = args.norm.split(".", 1)
    args.agreements = [args.agreement]
    args.norms = [set_id]
    chosen = targets(args, err)
    if isinstance(chosen, int):
        return chosen
    agreements, as_of, party = chosen.agreements, chosen.as_of, chosen.party
    ns = chosen.norm_sets[0]
    if ns.norm(norm_id) is None:
        from engine.language.diagnostics import did_you_mean

        return usage_error(err, f"norm set `{ns.id}` has no norm `{norm_id}`",
                           did_you_mean(norm_id, [n.id for n in ns.norms]) or
                           "norms: " + ", ".join(n.id for n in ns.norms))
    for agreement in agreements:
        finding = explain(agreement, ns, norm_id, as_of, party)
        out.write(render(finding, args.format))
    return 0
