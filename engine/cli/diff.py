"""What changed between two agreements, or two versions of a draft, and which gaps that closes or opens.

Articles added, removed and changed, attribute by attribute with the quotes
that changed; then the findings whose grade changed for the norm sets
(default: every norm set).  With one argument, a draft is compared with the
agreement it is `based-on`.  Two files that define the same id (two
versions of one draft) are each loaded on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO, Union

    from engine.checking.corpus import Corpus
    from engine.cli.choose import Code
    from engine.language import model as M

EXAMPLES = """examples:
  tradegap diff examples/kjdpa.agr                  # the draft against its base
  tradegap diff drafts/v2.agr drafts/v3.agr --norms tpp3
  tradegap diff ksdpa depa --norms digital-core --format markdown
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.choose import add_format_arguments
    from engine.cli.common import add_corpus_arguments

    p.add_argument("old", metavar="A", help="agreement id or file (with B absent: a draft, compared with its base)")
    p.add_argument("new", metavar="B", nargs="?", help="agreement id or file")
    p.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[],
                   help="norm sets for the grade changes (default: every norm set)")
    p.add_argument("--as-of", metavar="DATE", help="grade on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--party", metavar="XX", help="grade from one party's position (ISO code or name)")
    add_format_arguments(p)
    add_corpus_arguments(p)


def _one(args: argparse.Namespace, ref: str, paths: list[str], err: TextIO) -> Union[tuple[Corpus, M.Agreement], Code]:
    """(corpus, agreement) for one side, or an exit code."""
    from engine.cli.choose import agreement
    from engine.cli.common import load_corpus, usage_error

    corpus = load_corpus(args, paths, err)
    if corpus is None:
        return 2
    if ref in paths:
        from engine.checking.corpus import discover

        names, _ = discover([ref])
        found = tuple(i for n in names for i in corpus.agreements_in(n))
        if len(found) != 1:
            return usage_error(err, f"{ref} defines {len(found)} agreements; diff needs exactly one",
                               "give the agreement's id, with its file under --path")
        ident = found[0]
    else:
        ident = ref
    chosen = agreement(corpus, ident, err)
    return chosen if isinstance(chosen, int) else (corpus, chosen)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import date_and_party, emit_result, norm_sets
    from engine.cli.common import split_refs, usage_error
    from engine.views.diff import diff

    when = date_and_party(args, err)
    if isinstance(when, int):
        return when
    refs = [args.old] + ([args.new] if args.new else [])
    paths, _ = split_refs(refs)
    if len(paths) == 2:  # two files may define the same id (two versions of a draft): load each alone
        sides = [_one(args, ref, [ref], err) for ref in refs]
    else:
        sides = [_one(args, ref, paths, err) for ref in refs]
    chosen: list[tuple[Corpus, M.Agreement]] = []
    for side in sides:
        if isinstance(side, int):
            return side
        chosen.append(side)
    corpus, new = chosen[-1]
    if args.new is None:
        if new.based_on is None:
            return usage_error(err, f"`{new.id}` is not a draft (it has no `based-on`), so it has no base to diff against",
                               "give two agreements: tradegap diff A B")
        old = corpus.agreement(new.based_on)
    else:
        old = chosen[0][1]
    sets = norm_sets(corpus, args.norms, err, "diff")
    if isinstance(sets, int):
        return sets
    corpora = [c for c, _ in chosen]
    return emit_result(diff(old, new, sets, when.as_of, when.party), args, out, err, *corpora)
