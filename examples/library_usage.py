"""Using tradegap as a library: only the public API of the `engine` package.

Run it with `python examples/library_usage.py` after `pip install .`.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import engine


def main() -> None:
    corpus = engine.load()
    tpp3 = corpus.norms("tpp3")

    # 1. A gap report, rendered as Markdown for a memo.
    report = engine.evaluate(corpus.agreement("rcep"), tpp3, as_of=dt.date(2026, 11, 27))
    for finding in report.findings:
        print(f"{finding.agreement} {finding.norm}: {finding.grade}")
    print(engine.render(report, "markdown").splitlines()[0])

    # 2. Why one finding is what it is, requirement by requirement.
    finding = engine.explain(corpus.agreement("rcep"), tpp3, "data-flows", as_of=dt.date(2026, 11, 27))
    failed = [check.requirement for check in finding.candidates[0].checks if not check.held]
    print("RCEP data flows fails:", "; ".join(failed))

    # 3. A draft of one's own, written in the DSL and evaluated against the bundled corpus.
    mine = engine.parse(
        'agreement my-draft "A draft" {\n'
        "  based-on rcep\n"
        "  status   draft\n"
        '  amend article 12.15 { remove exception public-policy remove transition }\n'
        "}\n",
        "my-draft.agr",
        corpus=corpus,
    )
    assert not mine.errors, [str(d) for d in mine.errors]
    before = report.finding("rcep", "tpp3.data-flows")
    after = engine.evaluate(mine.agreement("my-draft"), tpp3, as_of=dt.date(2026, 11, 27)).finding(
        "my-draft", "tpp3.data-flows")
    print(f"data flows: rcep {before.grade} ({len(before.reasons)} reasons) -> "
          f"my-draft {after.grade} ({len(after.reasons)} reasons)")

    # 4. What a draft would change for two countries: the pair view with the draft added.
    pair = engine.pair(mine, "KR", "JP", tpp3, as_of=dt.date(2026, 11, 27))
    print(f"KR-JP: {len(pair.agreements)} agreements bind both")

    # 5. Expectations written next to the draft in examples/.
    here = pathlib.Path(__file__).parent
    examples = engine.load([str(here)])
    results = engine.check_expectations(examples, [e for e in examples.expectations
                                                   if e.span.file.startswith(str(here))])
    print(f"expectations: {sum(r.passed for r in results)} of {len(results)} hold")


if __name__ == "__main__":
    main()
