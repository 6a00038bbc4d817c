"""Gap report: how each agreement measures up to each norm, with reasons and the words that justify them.

AGREEMENT is a bundled id (see `tradegap list agreements`) or a path to a
file; every agreement in the file is reported.  Grades: met (an article
meets every requirement and binds every party on the date), partial (an
article exists but falls short, or does not yet bind some parties), unmet
(no article addresses it, or an essential requirement fails).
"""

from __future__ import annotations

from engine.language import vocab as V

# --fail-on GRADE: the grades that count as failing ("this bad or worse").
FAIL_ON = {V.Grade.PARTIAL.value: frozenset({V.Grade.PARTIAL, V.Grade.UNMET}),
           V.Grade.UNMET.value: frozenset({V.Grade.UNMET})}

EXAMPLES = """examples:
  tradegap report rcep --norms tpp3
  tradegap report rcep cptpp --norms tpp3 digital-core --format markdown
  tradegap report examples/kjdpa.agr --norms tpp3 --as-of 2027-01-01
  tradegap report rcep --norms tpp3 --party VN --fail-on partial
  tradegap report rcep --norms tpp3 --format json -o rcep.json
"""


def add_arguments(p) -> None:
    from engine.cli.common import add_corpus_arguments
    from engine.rendering import FORMATS

    p.add_argument("agreements", nargs="+", metavar="AGREEMENT", help="agreement id or file")
    p.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[],
                   help="norm set ids (default: every norm set)")
    p.add_argument("--as-of", metavar="DATE", help="evaluate on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--party", metavar="XX", help="evaluate from one party's position (ISO code)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--fail-on", choices=tuple(FAIL_ON),
                   help="exit 1 if a finding is this bad or worse")
    p.add_argument("--suggest", action="store_true",
                   help="for every gap, list articles elsewhere in the corpus that meet the norm")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
    add_corpus_arguments(p)


def run(args, out, err) -> int:
    from engine.cli.common import emit, resolve_targets, user_files
    from engine.evaluation.evaluator import evaluate
    from engine.rendering import render

    targets = resolve_targets(args, err)
    if isinstance(targets, int):
        return targets
    corpus, agreements, norm_sets, as_of, party = targets
    from engine.util.gc import gc_paused

    with gc_paused():  # findings are acyclic: the collector would only rescan them
        report = evaluate(agreements, norm_sets, as_of=as_of, party=party)
    if args.suggest:
        from engine.views.precedents import suggest_report

        text = render(suggest_report(corpus, report), args.format)
    else:
        text = render(report, args.format)
    written = emit(text, args, out, err, user_files(corpus))
    if written:
        return written
    if args.fail_on:
        if any(f.grade in FAIL_ON[args.fail_on] for f in report.findings):
            return 1
    return 0
