"""List the agreements and norm sets in the corpus, or a vocabulary (topics, predicates, ...).

With --party, the agreements a country is a party to: with whom, since when, and whether each binds it
on the date (--as-of); with --with a second country, those binding both.  Countries by ISO code or by
name.  --format json or csv gives the records a tool needs (agreements, norms, topics, predicates and
every vocabulary): id, short name, title, kind, status, parties with their dates, coverage,
verification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Mapping, Optional, Sequence, TextIO, Union

    from engine.checking.corpus import Corpus
    from engine.cli.choose import When
    from engine.views.listing import AgreementEntry, AgreementListing, WordListing

EXAMPLES = """examples:
  tradegap list agreements
  tradegap list agreements --party Japan --as-of 2026-11-27
  tradegap list agreements --party JP --with KR --format json
  tradegap list norms --format csv
  tradegap list topics
  tradegap list exceptions
"""

LISTED = ("text", "json", "csv")

WHAT = ("agreements", "norms", "topics", "strengths", "forms", "scope", "exceptions", "qualifiers",
        "predicates", "verification", "kinds", "statuses", "numbering", "parties", "codes")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from engine.cli.common import add_corpus_arguments

    p.add_argument("what", choices=WHAT, metavar="WHAT", help="one of: " + ", ".join(WHAT))
    p.add_argument("--party", metavar="XX", help="agreements: those this country is a party to (ISO code or name)")
    p.add_argument("--with", dest="with_party", metavar="YY", help="agreements: those binding --party and this country")
    p.add_argument("--as-of", metavar="DATE", help="agreements: whether each binds on this date (default: today)")
    p.add_argument("--format", "-f", choices=LISTED, default="text", help="json or csv: records for a tool")
    add_corpus_arguments(p)


def _table(out: TextIO, rows: Sequence[tuple[str, str]]) -> None:
    from engine.rendering.safe import term  # titles come from other people's files: no escapes

    width = max((len(r[0]) for r in rows), default=0)
    for name, meaning in rows:
        out.write(f"{term(name.ljust(width))}  {term(meaning)}\n")


def _vocabularies() -> dict[str, Mapping[str, str]]:
    from engine.language import vocab as V
    from engine.language.predicates import PREDICATES

    return {
        "topics": V.TOPICS, "strengths": V.STRENGTHS, "forms": V.FORMS, "scope": V.SCOPE_ITEMS,
        "exceptions": V.EXCEPTION_KINDS, "qualifiers": V.EXCEPTION_QUALIFIERS,
        "verification": V.VERIFICATION_LEVELS, "kinds": V.AGREEMENT_KINDS, "statuses": V.STATUSES,
        "numbering": V.NUMBERINGS,
        "predicates": {k: (" ".join(s.args) + "  " if s.args else "") + s.meaning for k, s in PREDICATES.items()},
    }


def _words(args: argparse.Namespace, out: TextIO) -> Optional[Union[WordListing, int]]:
    """A vocabulary: as text, or (json, csv) as a listing; None when ``args.what`` is no vocabulary."""
    from engine.language import vocab as V
    from engine.views import listing as L

    vocab = _vocabularies()
    if args.what == "codes":
        from engine.language.codes import CODES

        vocab["codes"] = {c.id: c.title for c in CODES.values()}
    if args.what not in vocab:
        return None
    if args.format != "text":
        special = {"topics": L.list_topics, "predicates": L.list_predicates}
        return special[args.what]() if args.what in special else L.list_words(args.what, vocab[args.what])
    rows = [(s, V.STRENGTHS[s]) for s in V.STRENGTH_ORDER] if args.what == "strengths" else \
        sorted(vocab[args.what].items()) if args.what != "codes" else list(vocab["codes"].items())
    _table(out, rows)
    return 0


def _agreement_rows(corpus: Corpus) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for ident in sorted(corpus.agreements):
        a = corpus.agreements[ident]
        n = len(a.all_articles())
        extra = f" (draft on {a.based_on})" if a.based_on else ""
        rows.append((ident, f"{a.title or ''}{extra} [{a.status or '?'}; {len(a.parties)} parties; {n} articles]"))
    return rows


def _norm_rows(corpus: Corpus) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for ident in sorted(corpus.norm_sets):
        ns = corpus.norm_sets[ident]
        rows.append((ident, f"{ns.title or ''} (version {ns.version or '?'})"))
        rows.extend((f"{ident}.{n.id}", f"  {n.title or ''} [{', '.join(n.topics)}]") for n in ns.norms)
    return rows


def _state(entry: AgreementEntry, view: list[str]) -> str:
    """``binds since 2018-12-30``, or why it does not bind on the date."""
    from engine.rendering.common import force_short

    since = entry.since.isoformat() if entry.since else "date not encoded"
    if entry.binds:
        return f"binds since {since}"
    why = force_short(entry.force) or f"not yet in force for {', '.join(view)}"
    return f"does not bind on the date ({why}; entry {since})"


def _bound(listing: AgreementListing, out: TextIO) -> None:
    """What binds a country (and a second one): with whom, since when, in force on the date or not."""
    from engine.language import parties as P

    view = [p for p in (listing.party, listing.with_party) if p]
    who = " and ".join(f"{P.name(p)} ({p})" for p in view)
    out.write(f"agreements to which {who} {'is a party' if len(view) == 1 else 'are both parties'}, "
              f"as of {listing.as_of.isoformat()}: {len(listing.agreements)}\n")
    rows: list[tuple[str, str]] = []
    for e in listing.agreements:
        others = [p for p in e.parties if p not in view]
        rows.append((e.id, f"{e.short_name}: {_state(e, view)}; with {len(others)}: {' '.join(others)}"))
    _table(out, rows)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cli.choose import date_and_party, party
    from engine.cli.common import load_corpus, usage_error

    words = _words(args, out)
    if isinstance(words, int):
        return words
    if words is not None:
        return _emit(words, args, out, err)
    if (args.party or args.with_party or args.as_of) and args.what != "agreements":
        return usage_error(err, "--party, --with and --as-of are for `tradegap list agreements`")
    when = date_and_party(args, err)
    if isinstance(when, int):
        return when
    other = party(args.with_party, err, "--with") if args.with_party else None
    if isinstance(other, int):
        return other
    if other is not None and when.party is None:
        return usage_error(err, "--with needs --party: the agreements binding both", "e.g. --party JP --with KR")
    corpus = load_corpus(args, [], err)
    if corpus is None:
        return 2
    return _corpus_listing(args, corpus, when, other, out, err)


def _corpus_listing(args: argparse.Namespace, corpus: Corpus, when: When, other: Optional[str], out: TextIO,
                    err: TextIO) -> int:
    from engine.language import parties as P
    from engine.views import listing as L

    if args.what == "agreements":
        if args.format != "text" or when.party:
            listing = L.list_agreements(corpus.agreements.values(), when.as_of, when.party, other)
            if args.format == "text":
                _bound(listing, out)
                return 0
            return _emit(listing, args, out, err)
        _table(out, _agreement_rows(corpus))
    elif args.what == "norms":
        if args.format != "text":
            return _emit(L.list_norms(corpus.norm_sets.values()), args, out, err)
        _table(out, _norm_rows(corpus))
    else:  # parties
        codes = sorted({p for a in corpus.agreements.values() for p in a.parties})
        if args.format != "text":
            return _emit(L.list_words("parties", {c: P.name(c) for c in codes}), args, out, err)
        _table(out, [(c, P.name(c)) for c in codes])
    return 0


def _emit(result: object, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.rendering import render

    out.write(render(result, args.format))
    return 0
