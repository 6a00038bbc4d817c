"""Copy a precedent article into a draft, renumbered, with its provenance kept.

The article is written into the draft's chapter of its new number (a chapter block is added when the draft
has none), with what it inherits from its chapter and agreement written on it, so that it means what it
meant in its agreement.  Its words keep the source's verification level, and a note names the source.
A quote's citation of another article of the source (`art 32.1`) is removed, and terms that name the
source's parties (transitions, reservations, shields) are left out: both are listed for the drafter.
The draft is rewritten atomically; the rest of its text and its comments stay as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

EXAMPLES = """examples:
  tradegap adopt usmca 19.17 --into kjdpa2.agr --as 14.20
  tradegap adopt usjdta 18 --into draft.agr --as 14.30 --dry-run
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.common import add_corpus_arguments

    p.add_argument("agreement", metavar="AGREEMENT", help="the agreement the article is adopted from (id)")
    p.add_argument("article", metavar="ARTICLE", help="its article number, e.g. 19.17")
    p.add_argument("--chapter", metavar="N", help="its chapter, where the agreement numbers its articles per "
                   "chapter and the number stands in several")
    p.add_argument("--into", required=True, metavar="DRAFT", help="the draft file the article is written into")
    p.add_argument("--as", dest="number", metavar="NUMBER", help="the article's number in the draft (default: as is)")
    p.add_argument("--dry-run", action="store_true", help="print the new draft instead of writing it")
    add_corpus_arguments(p)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.common import load_corpus, print_diagnostics
    from engine.language.citations import article_words
    from engine.syntax.source import read_source
    from engine.util.files import write_atomic
    from engine.views.adopt import adopt

    text, problems = read_source(args.into)
    if text is None:
        print_diagnostics(problems, {}, err)
        return 2
    corpus = load_corpus(args, [args.into], err)
    if corpus is None:
        return 2
    done = adopt(corpus, args.agreement, args.article, args.into, text, args.number, args.chapter)
    where = f" (chapter {done.chapter})" if done.chapter else ""
    summary = err if args.dry_run else out
    summary.write(f"adopted {done.source} {article_words(done.number, args.chapter)} as "
                  f"{article_words(done.new_number)} into {args.into}{where}; "
                  f"its words keep {done.source}'s verification ({done.verification})\n")
    for flag in done.flags:
        summary.write(f"  check: {flag}\n")
    if args.dry_run:
        out.write(done.text)
    else:
        write_atomic(args.into, done.text)
    print_diagnostics(done.diagnostics, {args.into: done.text}, err)
    return 2 if any(d.is_error for d in done.diagnostics) else 0
