"""Search the provisions: the articles whose quoted words, titles or notes match, best first.

WORDS are matched case-insensitively on word boundaries (a plural matches too: algorithm finds
algorithms); a phrase in quotes ("source code") matches as a phrase.  Articles are ranked by the
phrases they match, then by how many of the words, then by strength (binding first).  Each shows its
agreement, article, strength, verification and the passages that matched, the matches highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

EXAMPLES = """examples:
  tradegap search "source code" --party KR
  tradegap search algorithm "source code" --topic source-code
  tradegap search localisation "computing facilities" --agreement rcep --format json
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.common import add_corpus_arguments
    from engine.rendering import FORMATS

    p.add_argument("words", nargs="+", metavar="WORDS", help='words and "phrases in quotes"')
    p.add_argument("--topic", "-t", metavar="TOPIC", help="only articles on this topic (see `tradegap list topics`)")
    p.add_argument("--party", metavar="XX", help="only agreements this country is a party to (ISO code or name)")
    p.add_argument("--agreement", "-a", metavar="A", help="only this agreement (id, any case)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    add_corpus_arguments(p)


def query(words: list[str]) -> str:
    """The arguments as one query: an argument with a space in it (a phrase the shell kept) in quotes."""
    return " ".join(f'"{w}"' if " " in w.strip() and '"' not in w else w for w in words)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import agreement, emit_result, party
    from engine.cli.common import load_corpus
    from engine.views.search import search

    who = party(args.party, err) if args.party is not None else None
    if isinstance(who, int):
        return who
    corpus = load_corpus(args, [], err)
    if corpus is None:
        return 2
    only = agreement(corpus, args.agreement, err) if args.agreement is not None else None
    if isinstance(only, int):
        return only
    result = search(corpus.agreements.values(), query(args.words), args.topic, who, only.id if only else None)
    return emit_result(result, args, out, err)
