"""What binds two countries to each other on a date, and the strongest commitment per norm.

Every agreement in the corpus (and any --path given) to which both are
parties and which is in force for both on the date; each evaluated between
the two alone.  With --with FILE, the drafts in FILE are added as if in
force: what they would change, which gaps they close.
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
  tradegap pair KR JP
  tradegap pair KR JP --norms tpp3 --with examples/kjdpa.agr
  tradegap pair JPN AUS --as-of 2016-01-01 --format markdown
  tradegap pair Japan "South Korea" --norms tpp3 --format docx -o pair.docx
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.choose import add_format_arguments
    from engine.cli.common import add_corpus_arguments

    p.add_argument("x", metavar="X", help="a country (ISO 3166-1 alpha-2 or alpha-3, or its name)")
    p.add_argument("y", metavar="Y", help="the other country")
    p.add_argument("--as-of", metavar="DATE", help="on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[],
                   help="norm sets (default: every norm set)")
    p.add_argument("--with", dest="drafts", action="append", default=[], metavar="FILE",
                   help="a draft to add as if in force (repeatable)")
    add_format_arguments(p)
    add_corpus_arguments(p)


def _countries(args: argparse.Namespace, err: TextIO) -> Union[list[str], Code]:
    """The two countries' alpha-2 codes, or an exit code after saying why not."""
    from engine.cli.choose import party
    from engine.cli.common import usage_error

    codes: list[str] = []
    for text in (args.x, args.y):
        code = party(text, err, "")
        if isinstance(code, int):
            return code
        codes.append(code)
    if codes[0] == codes[1]:
        return usage_error(err, "a pair needs two different countries")
    return codes


def _drafts(args: argparse.Namespace, corpus: Corpus, codes: list[str], err: TextIO) -> Union[list[M.Agreement], Code]:
    """The drafts given with --with (each between the two countries), or an exit code."""
    from engine.checking.corpus import discover
    from engine.cli.common import usage_error

    draft_ids: list[str] = []
    for path in args.drafts:
        names, _ = discover([path])
        found = [i for n in names for i in corpus.agreements_in(n)]
        if not found:
            return usage_error(err, f"{path} defines no agreement", "--with takes a file with a draft agreement")
        draft_ids += [i for i in found if i not in draft_ids]
    drafts = [corpus.agreement(i) for i in draft_ids]
    for d in drafts:
        missing = [c for c in codes if c not in d.parties]
        if missing:
            return usage_error(err, f"draft `{d.id}` does not name {' or '.join(missing)} as a party",
                               "a draft added with --with must be between the two countries")
    return drafts


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import date_and_party, emit_result, norm_sets
    from engine.cli.common import load_corpus
    from engine.views.pair import pair

    codes = _countries(args, err)
    if isinstance(codes, int):
        return codes
    when = date_and_party(args, err)
    if isinstance(when, int):
        return when
    corpus = load_corpus(args, args.drafts, err)
    if corpus is None:
        return 2
    drafts = _drafts(args, corpus, codes, err)
    if isinstance(drafts, int):
        return drafts
    sets = norm_sets(corpus, args.norms, err, "pair")
    if isinstance(sets, int):
        return sets
    result = pair(corpus.agreements.values(), codes[0], codes[1], sets, when.as_of, drafts)
    return emit_result(result, args, out, err, corpus)
