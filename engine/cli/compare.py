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

EXAMPLES = """examples:
  tradegap compare cptpp usjdta rcep --norms digital-core
  tradegap compare cptpp usjdta rcep --topics cross-border-data computing-facilities source-code
  tradegap compare cptpp usjdta rcep depa ksdpa --norms tpp3 --transpose --format markdown
  tradegap compare cptpp rcep --norms digital-core --format html -o compare.html
  tradegap compare cptpp usjdta rcep --norms tpp3 --lens strength
"""


def add_arguments(p) -> None:
    from engine.cli.common import add_corpus_arguments
    from engine.rendering import FORMATS

    p.add_argument("agreements", nargs="+", metavar="AGREEMENT", help="agreement id or file")
    rows = p.add_mutually_exclusive_group()
    rows.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[], help="rows: the norms of these sets")
    rows.add_argument("--topics", "-t", nargs="+", metavar="TOPIC", default=[],
                      help="rows: these topics (see `tradegap list topics`)")
    p.add_argument("--as-of", metavar="DATE", help="compare on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--party", metavar="XX", help="from one party's position (ISO code)")
    p.add_argument("--transpose", action="store_true", help="agreements as rows, norms or topics as columns")
    p.add_argument("--lens", choices=("grade", "strength"), default="grade",
                   help="cells by grade and score (default), or by strength: hard (binding) / soft, "
                        "whether or not dispute settlement reaches it")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    add_corpus_arguments(p)


def run(args, out, err) -> int:
    from engine.language import vocab as V
    from engine.cli.common import usage_error
    from engine.cli.common import emit, resolve_targets, user_files
    from engine.views.compare import compare
    from engine.language.diagnostics import did_you_mean
    from engine.rendering import render

    for topic in args.topics:
        if topic not in V.TOPICS:
            return usage_error(err, f"unknown topic `{topic}`", did_you_mean(topic, V.TOPICS) or
                               "see `tradegap list topics`")
    chose_norms = bool(args.norms)
    targets = resolve_targets(args, err)
    if isinstance(targets, int):
        return targets
    corpus, agreements, norm_sets, as_of, party = targets
    result = compare(agreements, norm_sets if chose_norms else (), args.topics, as_of, party, args.transpose,
                     args.lens)
    return emit(render(result, args.format), args, out, err, user_files(corpus))
