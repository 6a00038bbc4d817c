"""Side-by-side matrix: norms (or topics) as rows, agreements as columns.

Each cell names the article(s) on the row's topic and the qualifiers that
matter (binding or best endeavour, self-judging or objective exception, no
dispute settlement, transitions for named parties, contingent, sectors
carved out), or says that none does; rows that are norms also carry the
grade.  With neither --norms nor --topics the rows are the topics the
agreements address.  Wide tables are split into several that fit the
screen; --transpose puts the agreements down the side instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

EXAMPLES = """examples:
  tradegap compare cptpp usjdta rcep --norms digital-core
  tradegap compare cptpp usjdta rcep --topics cross-border-data computing-facilities source-code
  tradegap compare cptpp usjdta rcep depa ksdpa --norms tpp3 --transpose --format markdown
  tradegap compare cptpp rcep --norms digital-core --format html -o compare.html
  tradegap compare cptpp usjdta rcep --norms tpp3 --lens strength
  tradegap compare cptpp usjdta rcep --norms digital-core --cells articles --labels titles
  tradegap compare --all --norms tpp3 --format docx -o matrix.docx
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.choose import add_format_arguments
    from engine.cli.common import add_corpus_arguments
    from engine.views.layout import Cells, Labels

    p.add_argument("agreements", nargs="*", metavar="AGREEMENT", help="agreement id (any case) or file")
    p.add_argument("--all", action="store_true", help="every agreement in the corpus")
    rows = p.add_mutually_exclusive_group()
    rows.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[], help="rows: the norms of these sets")
    rows.add_argument("--topics", "-t", nargs="+", metavar="TOPIC", default=[],
                      help="rows: these topics (see `tradegap list topics`)")
    p.add_argument("--as-of", metavar="DATE", help="compare on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--party", metavar="XX", help="from one party's position (ISO code or name)")
    p.add_argument("--transpose", action="store_true", help="agreements as rows, norms or topics as columns")
    p.add_argument("--lens", choices=("grade", "strength"), default="grade",
                   help="cells by grade and score (default), or by strength: hard (binding) / soft, "
                        "whether or not dispute settlement reaches it")
    p.add_argument("--cells", choices=tuple(Cells), default=Cells.FULL,
                   help="what a cell says: every article with its qualifiers (full), or the article numbers "
                        "and the grade only (articles), for a brief")
    p.add_argument("--labels", choices=tuple(Labels), default=Labels.IDS,
                   help="row labels: norm ids (ids) or the norms' titles (titles)")
    add_format_arguments(p)
    add_corpus_arguments(p)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import emit_result, targets
    from engine.cli.common import usage_error
    from engine.language import vocab as V
    from engine.language.diagnostics import did_you_mean
    from engine.views.compare import compare

    for topic in args.topics:
        if topic not in V.TOPICS:
            return usage_error(err, f"unknown topic `{topic}`", did_you_mean(topic, V.TOPICS) or
                               "see `tradegap list topics`")
    chose_norms = bool(args.norms)
    chosen = targets(args, err)
    if isinstance(chosen, int):
        return chosen
    result = compare(chosen.agreements, chosen.norm_sets if chose_norms else (), args.topics, chosen.as_of,
                     chosen.party, args.transpose, args.lens, cells=args.cells, labels=args.labels)
    return emit_result(result, args, out, err, chosen.corpus)
