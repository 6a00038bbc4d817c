"""Check the expectations written in files: `expect AGREEMENT SET[.NORM] GRADE [as-of DATE] [party XX]`.

An expectation on a whole set (`expect kjdpa tpp3 met`) holds when every
norm of the set has that grade.  Exit 1 if any expectation fails.
An expectation file finds the draft beside it: `tradegap test kjdpa2.expect`
reads kjdpa2.agr from the same folder when kjdpa2 is not otherwise known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from engine.checking.corpus import Corpus

EXAMPLES = """examples:
  tradegap test examples/
  tradegap test tests/conformance/
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders with expectations")
    p.add_argument("--as-of", metavar="DATE", help="date for expectations that give none (default: today)")
    p.add_argument("--no-bundled", action="store_true", help="do not load the bundled corpus")
    p.add_argument("--verbose", "-v", action="store_true", help="list passing expectations too")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.common import usage_error
    from engine.cli.common import parse_date
    from engine.checking.corpus import Corpus
    from engine.views.expectations import check_all
    from engine.cli.common import print_diagnostics
    from engine.language.citations import article_words
    from engine.rendering.safe import term

    today = None
    if args.as_of:
        today = parse_date(args.as_of)
        if today is None:
            return usage_error(err, f"--as-of `{args.as_of}` is not a date", "write it YYYY-MM-DD")
    corpus = Corpus.from_paths(args.paths, include_bundled=not args.no_bundled, cache=True)
    beside = _drafts_beside(corpus, args.paths)
    if beside:
        corpus = Corpus.from_paths(list(args.paths) + beside, include_bundled=not args.no_bundled, cache=True)
    if corpus.errors:
        print_diagnostics(corpus.errors, corpus.sources(), err)
        return 2
    chosen = [e for e in corpus.expectations if not args.paths or any(
        not f.bundled and e.span.file == f.path for f in corpus.files)]
    results = check_all(corpus, chosen, today)
    failed = 0
    for r in results:
        where = f"{r.expectation.span.file}:{r.expectation.span.line}"
        if r.passed:
            if args.verbose:
                out.write(term(f"ok    {where}: {r.text}") + "\n")
            continue
        failed += 1
        out.write(term(f"FAIL  {where}: {r.text}") + "\n")
        for f in r.failing:
            out.write(f"      {f.agreement} {f.norm} is {f.grade}"
                      + (f" ({article_words(f.article, f.chapter)})" if f.article else "") + "\n")
            for reason in f.reasons:
                out.write(term(f"        - {reason.requirement}: {reason.because}") + "\n")
    out.write(f"expectations: {len(results) - failed} held, {failed} failed\n")
    return 1 if failed else 0


def _drafts_beside(corpus: Corpus, paths: list[str]) -> list[str]:
    """The files ``ID.agr`` beside the expectation files named, for the agreements they expect that no file
    given defines (a draft's expectations sit next to it)."""
    import os

    named = [p for p in paths if p.endswith(".expect")]
    out: list[str] = []
    for e in corpus.expectations:
        if e.agreement in corpus.agreements or e.span.file not in named:
            continue
        candidate = os.path.join(os.path.dirname(e.span.file), f"{e.agreement}.agr")
        if os.path.isfile(candidate) and candidate not in out:
            out.append(candidate)
    return out
