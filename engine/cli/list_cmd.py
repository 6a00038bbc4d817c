"""List the agreements and norm sets in the corpus, or a vocabulary (topics, predicates, ...)."""

from __future__ import annotations

EXAMPLES = """examples:
  tradegap list agreements
  tradegap list norms
  tradegap list topics
  tradegap list exceptions
"""

WHAT = ("agreements", "norms", "topics", "strengths", "forms", "scope", "exceptions", "qualifiers",
        "predicates", "verification", "kinds", "statuses", "parties", "codes")


def add_arguments(p) -> None:
    from engine.cli.common import add_corpus_arguments

    p.add_argument("what", choices=WHAT, metavar="WHAT", help="one of: " + ", ".join(WHAT))
    add_corpus_arguments(p)


def _table(out, rows) -> None:
    from engine.rendering.safe import term  # titles come from other people's files: no escapes

    width = max((len(r[0]) for r in rows), default=0)
    for name, meaning in rows:
        out.write(f"{term(name.ljust(width))}  {term(meaning)}\n")


def run(args, out, err) -> int:
    from engine.language import vocab as V
    from engine.language.predicates import PREDICATES

    vocab = {
        "topics": V.TOPICS, "strengths": V.STRENGTHS, "forms": V.FORMS, "scope": V.SCOPE_ITEMS,
        "exceptions": V.EXCEPTION_KINDS, "qualifiers": V.EXCEPTION_QUALIFIERS,
        "verification": V.VERIFICATION_LEVELS, "kinds": V.AGREEMENT_KINDS, "statuses": V.STATUSES,
        "predicates": {k: (" ".join(s.args) + "  " if s.args else "") + s.meaning for k, s in PREDICATES.items()},
    }
    if args.what in vocab:
        _table(out, sorted(vocab[args.what].items()) if args.what != "strengths" else
               [(s, V.STRENGTHS[s]) for s in V.STRENGTH_ORDER])
        return 0
    if args.what == "codes":
        from engine.language.codes import CODES

        _table(out, [(c.id, c.title) for c in CODES.values()])
        return 0
    from engine.cli.common import load_corpus
    from engine.language import parties as P

    corpus = load_corpus(args, [], err)
    if corpus is None:
        return 2
    if args.what == "agreements":
        rows = []
        for ident in sorted(corpus.agreements):
            a = corpus.agreements[ident]
            n = len(a.all_articles())
            extra = f" (draft on {a.based_on})" if a.based_on else ""
            rows.append((ident, f"{a.title or ''}{extra} [{a.status or '?'}; {len(a.parties)} parties; {n} articles]"))
        _table(out, rows)
    elif args.what == "norms":
        rows = []
        for ident in sorted(corpus.norm_sets):
            ns = corpus.norm_sets[ident]
            rows.append((ident, f"{ns.title or ''} (version {ns.version or '?'})"))
            rows.extend((f"{ident}.{n.id}", f"  {n.title or ''} [{', '.join(n.topics)}]") for n in ns.norms)
        _table(out, rows)
    else:  # parties
        codes = sorted({p for a in corpus.agreements.values() for p in a.parties})
        _table(out, [(c, P.name(c)) for c in codes])
    return 0
