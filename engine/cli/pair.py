"""What binds two countries to each other on a date, and the strongest commitment per norm.

Every agreement in the corpus (and any --path given) to which both are
parties and which is in force for both on the date; each evaluated between
the two alone.  With --with FILE, the drafts in FILE are added as if in
force: what they would change, which gaps they close.
"""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap pair KR JP
  tradegap pair KR JP --norms tpp3 --with examples/kjdpa.agr
  tradegap pair JPN AUS --as-of 2016-01-01 --format markdown
"""


def add_arguments(p) -> None:
    from engine.cli.common import add_corpus_arguments
    from engine.rendering import FORMATS

    p.add_argument("x", metavar="X", help="a country (ISO 3166-1 alpha-2 or alpha-3)")
    p.add_argument("y", metavar="Y", help="the other country")
    p.add_argument("--as-of", metavar="DATE", help="on this date, YYYY-MM-DD (default: today)")
    p.add_argument("--norms", "-n", nargs="+", metavar="SET", default=[],
                   help="norm sets (default: every norm set)")
    p.add_argument("--with", dest="drafts", action="append", default=[], metavar="FILE",
                   help="a draft to add as if in force (repeatable)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    add_corpus_arguments(p)


def run(args, out, err) -> int:
    from engine.language import parties as P
    from engine.cli.common import load_corpus, usage_error
    from engine.cli.common import choose_norm_sets, date_and_party
    from engine.cli.common import emit, user_files
    from engine.checking.corpus import discover
    from engine.views.pair import pair
    from engine.rendering import render

    codes = []
    for code in (args.x, args.y):
        c = P.canonical(code.upper())
        if c is None:
            return usage_error(err, f"`{code}` is not an ISO 3166-1 country code", "e.g. KR, JP, KOR, JPN")
        codes.append(c)
    if codes[0] == codes[1]:
        return usage_error(err, "a pair needs two different countries")
    dated = date_and_party(args, err)
    if isinstance(dated, int):
        return dated
    as_of = dated[0]
    corpus = load_corpus(args, args.drafts, err)
    if corpus is None:
        return 2
    draft_ids = []
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
    norm_sets = choose_norm_sets(corpus, args.norms, err)
    if isinstance(norm_sets, int):
        return norm_sets
    result = pair(corpus.agreements.values(), codes[0], codes[1], norm_sets, as_of, drafts)
    return emit(render(result, args.format), args, out, err, user_files(corpus))
