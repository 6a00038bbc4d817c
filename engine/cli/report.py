"""Gap report: how each agreement measures up to each norm, with reasons and the words that justify them.

AGREEMENT is a bundled id (see `tradegap list agreements`) or a path to a
file; every agreement in the file is reported.  Grades: met (an article
meets every requirement and binds every party on the date), partial (an
article exists but falls short, or does not yet bind some parties), unmet
(no article addresses it, or an essential requirement fails).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.language import vocab as V

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

# --fail-on GRADE: the grades that count as failing ("this bad or worse").
FAIL_ON = {V.Grade.PARTIAL.value: frozenset({V.Grade.PARTIAL, V.Grade.UNMET}),
           V.Grade.UNMET.value: frozenset({V.Grade.UNMET})}

EXAMPLES = """examples:
  tradegap report rcep --norms tpp3
  tradegap report rcep cptpp --norms tpp3 digital-core --format markdown
  tradegap report examples/kjdpa.agr --norms tpp3 --as-of 2027-01-01
  tradegap report rcep --norms tpp3 --party VN --fail-on partial
  tradegap report rcep --norms tpp3 --format json -o rcep.json
  tradegap report RCEP --norms tpp3 --party "Viet Nam"
  tradegap report --all --norms digital-core --format docx -o brief.docx
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.choose import add_format_arguments
    from engine.cli.common import add_corpus_arguments

    p.add_argument("agreements", nargs="*", metavar="AGREEMENT", help="agreement id (any case) or file")
    p.add_argument("--all", action="store_true", help="every agreement in the corpus")
    p.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[],
                   help="norm set ids (default: every norm set)")
    p.add_argument("--as-of", metavar="DATE", help="evaluate on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--party", metavar="XX", help="evaluate from one party's position (ISO code or name)")
    p.add_argument("--fail-on", choices=tuple(FAIL_ON),
                   help="exit 1 if a finding is this bad or worse")
    p.add_argument("--suggest", action="store_true",
                   help="for every gap, list articles elsewhere in the corpus that meet the norm")
    add_format_arguments(p)
    add_corpus_arguments(p)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.util.gc import gc_paused

    with gc_paused():  # the model unpickled, findings and text made: all acyclic, the collector would only rescan them
        return _run(args, out, err)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import emit_result, targets
    from engine.evaluation.evaluator import evaluate

    chosen = targets(args, err)
    if isinstance(chosen, int):
        return chosen
    report = evaluate(chosen.agreements, chosen.norm_sets, as_of=chosen.as_of, party=chosen.party)
    result: object = report
    if args.suggest:
        from engine.views.precedents import suggest_report

        result = suggest_report(chosen.corpus, report)
    code = emit_result(result, args, out, err, chosen.corpus)
    if code:
        return code
    if args.fail_on:
        if any(f.grade in FAIL_ON[args.fail_on] for f in report.findings):
            return 1
    return 0
