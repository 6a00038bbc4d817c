"""Checks on one document: vocabulary, duplicates, dates, parties, predicates.

Every problem is collected; nothing stops at the first.  Checks that need
more than one document (``based-on``, ids across files, expectations) live
in :mod:`engine.resolve`.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional

from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.predicates import PREDICATES
from engine.syntax.limits import MAX_PREDICATE_DEPTH



def validate(doc: M.Document) -> tuple[D.Diagnostic, ...]:
    """All diagnostics for one parsed document."""
    out: list[D.Diagnostic] = []
    for item in doc.items:
        if isinstance(item, M.Agreement):
            out.extend(_agreement(item))
        elif isinstance(item, M.NormSet):
            out.extend(_normset(item))
        elif isinstance(item, M.Expectation):
            out.extend(_expectation(item))
    return tuple(out)


def _vocab(code: str, what: str, word: Optional[str], table: Iterable[str], span: M.Span) -> Iterator[D.Diagnostic]:
    if word is not None and word not in table:
        yield D.unknown(code, what, word, table, span)


def _party_codes(codes: Iterable[str], span: M.Span) -> Iterator[D.Diagnostic]:
    for code in codes:
        if P.canonical(code) is None:
            hint = D.did_you_mean(code, P.known_codes()) or "use ISO 3166-1 alpha-2 (JP) or alpha-3 (JPN) codes"
            yield D.error("E0202", f"unknown party code `{code}`", span, hint, focus=code)


def _not_parties(codes: Iterable[str], members: set[str], agreement: M.Agreement, span: M.Span,
                 what: str) -> Iterator[D.Diagnostic]:
    if not members:
        return
    for code in codes:
        c = P.canonical(code)
        if c is not None and c not in members:
            yield D.error("E0304", f"{what} names `{code}` ({P.name(code)}), which is not a party to `{agreement.id}`",
                          span, "add it to `parties`, or correct the code",
                          secondary=((agreement.spans.get("parties", agreement.span), "parties listed here"),),
                          focus=code)


# ---------------------------------------------------------------- agreements


def plain_file_name(name: str) -> bool:
    """Whether ``name`` is a plain file name (what `source` may hold): no folder, `..` or drive."""
    return 0 < len(name) <= 128 and name[0].isascii() and name[0].isalnum() and ".." not in name \
        and all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in name)


def _agreement(a: M.Agreement) -> Iterator[D.Diagnostic]:
    sp = a.spans
    if a.source is not None and not plain_file_name(a.source):
        yield D.error("E0311", "`source` must be the plain name of a treaty text, not a path",
                      sp.get("source", a.span),
                      'write a file name such as "rcep.txt" (letters, digits, `.`, `_`, `-`); '
                      "texts are looked up only in the corpus's texts folder")
    yield from _vocab("E0206", "agreement kind", a.kind, V.AGREEMENT_KINDS, sp.get("kind", a.span))
    yield from _vocab("E0206", "status", a.status, V.STATUSES, sp.get("status", a.span))
    yield from _vocab("E0206", "verification level", a.verification, V.VERIFICATION_LEVELS,
                      sp.get("verification", a.span))
    yield from _party_codes(a.parties, sp.get("parties", a.span))
    members = {P.canonical(c) for c in a.parties} - {None}
    seen: dict[str, str] = {}
    for code in a.parties:
        c = P.canonical(code)
        if c in seen:
            yield D.error("E0308", f"party `{code}` is listed twice (as `{seen[c]}` already)",
                          sp.get("parties", a.span), "list each party once")
        elif c:
            seen[c] = code
    for entry in a.in_force:
        yield from _party_codes(entry.parties, entry.span)
        yield from _not_parties(entry.parties, members, a, entry.span, "`in-force`")
        if a.signed and entry.date < a.signed:
            yield D.error("E0303", f"entry into force {entry.date} is before signature {a.signed}",
                          entry.span, "check both dates against the treaty's final provisions",
                          secondary=((sp.get("signed", a.span), "signed here"),))
    general = [e for e in a.in_force if not e.parties]
    for extra in general[1:]:
        yield D.error("E0308", "the general entry into force is given twice", extra.span,
                      "per-party dates are written `in-force XX DATE`",
                      secondary=((general[0].span, "first given"),))
    if a.amendments and not a.based_on:
        for amendment in a.amendments:
            yield D.error("E0310", "`amend article` needs a base agreement", amendment.span,
                          "add `based-on ID`, or write the article out in full")
    if a.omissions and not a.based_on:
        for omission in a.omissions:
            yield D.error("E0310", "`omit article` needs a base agreement", omission.span,
                          "add `based-on ID`, or delete the article")
    yield from _exceptions(a.exceptions)
    yield from _dispute(a.dispute_settlement, members, a)
    numbers: dict[str, M.Article] = {}
    for chapter, article in a.all_articles():
        if article.number in numbers:
            yield D.error("E0301", f"article {article.number} is written twice in `{a.id}`", article.span,
                          "article numbers are unique within an agreement; merge the two",
                          secondary=((numbers[article.number].span, "first written here"),))
        else:
            numbers[article.number] = article
        level = article.verification or (chapter.verification if chapter else None) or a.verification
        yield from _article(article, members, a, auto=level == "auto")
    for chapter in a.chapters:
        yield from _vocab("E0206", "verification level", chapter.verification, V.VERIFICATION_LEVELS, chapter.span)
        yield from _exceptions(chapter.exceptions)
        yield from _dispute(chapter.dispute_settlement, members, a)
        for scope in chapter.scope:
            yield from _vocab("E0204", "scope item", scope.item, V.SCOPE_ITEMS, scope.span)
    for amendment in a.amendments:
        yield from _article(amendment.changes, members, a, amendment=True)
        for removal in amendment.removals:
            yield from _removal(removal)


def _article(art: M.Article, members: set[str], a: M.Agreement, amendment: bool = False,
             auto: bool = False) -> Iterator[D.Diagnostic]:
    """Checks on one article (``auto``: written by the importer, where no topic is normal)."""
    for topic in art.topics:
        yield from _vocab("E0201", "topic", topic, V.TOPICS, art.topic_span or art.span)
    if not art.topics and not amendment and not auto:
        yield D.warning("W0401", f"article {art.number} has no topic, so no norm will find it", art.span,
                        "add `topic NAME` (see `tradegap list topics`)")
    if art.commitment is not None:
        yield from _vocab("E0206", "form", art.commitment.form, V.FORMS, art.commitment.span)
        if not art.commitment.quotes and not amendment:
            yield D.warning("W0402", f"the {art.commitment.strength} commitment of article {art.number} quotes no words",
                            art.commitment.span, "add the operative words from the treaty, e.g. "
                            "binding prohibition \"No Party shall require ...\"")
    yield from _vocab("E0206", "verification level", art.verification, V.VERIFICATION_LEVELS, art.span)
    for scope in art.scope:
        yield from _vocab("E0204", "scope item", scope.item, V.SCOPE_ITEMS, scope.span)
    if art.software is not None:
        yield from _vocab("E0204", "software coverage", art.software.coverage, V.SOFTWARE_COVERAGE, art.software.span)
    yield from _exceptions(art.exceptions)
    yield from _dispute(art.dispute_settlement, members, a)
    for t in art.transitions:
        yield from _party_codes(t.parties, t.span)
        yield from _not_parties(t.parties, members, a, t.span, "the transition")
    for r in art.reservations:
        yield from _party_codes(r.parties, r.span)
        yield from _not_parties(r.parties, members, a, r.span, "the reservation")


def _exceptions(exceptions: Iterable[M.Exception_]) -> Iterator[D.Diagnostic]:
    for e in exceptions:
        yield from _vocab("E0203", "exception kind", e.kind, V.EXCEPTION_KINDS, e.span)
        for q in e.qualifiers:
            yield from _vocab("E0203", "exception qualifier", q, V.EXCEPTION_QUALIFIERS, e.span)


def _dispute(items: Iterable[M.DisputeSettlement], members: set[str], a: M.Agreement) -> Iterator[D.Diagnostic]:
    for ds in items:
        yield from _vocab("E0206", "dispute-settlement mode", ds.mode, V.DISPUTE_SETTLEMENT_MODES, ds.span)
        if ds.mode == "shielded":
            if not ds.parties or ds.period is None:
                yield D.error("E0310", "a shield names the parties and how long it lasts", ds.span,
                              "write `dispute-settlement shielded MY years 2 \"...\"`")
            yield from _party_codes(ds.parties, ds.span)
            yield from _not_parties(ds.parties, members, a, ds.span, "the shield")
        elif ds.parties or ds.period is not None:
            yield D.error("E0310", f"`dispute-settlement {ds.mode}` takes no parties or period", ds.span,
                          "only `shielded` names parties and a period")


def _removal(r: M.Removal) -> Iterator[D.Diagnostic]:
    yield from _vocab("E0206", "thing to remove", r.what, V.REMOVABLE, r.span)
    tables = {"exception": V.EXCEPTION_KINDS, "scope": V.SCOPE_ITEMS, "topic": V.TOPICS}
    if r.what in tables:
        if r.which is None:
            yield D.error("E0310", f"say which {r.what} to remove", r.span, f"write `remove {r.what} NAME`")
        else:
            yield from _vocab("E0206", r.what, r.which, tables[r.what], r.span)


# ---------------------------------------------------------------- norm sets


def _normset(ns: M.NormSet) -> Iterator[D.Diagnostic]:
    seen: dict[str, M.Norm] = {}
    for norm in ns.norms:
        if norm.id in seen:
            yield D.error("E0302", f"norm `{ns.id}.{norm.id}` is defined twice", norm.span,
                          "give each norm its own id", secondary=((seen[norm.id].span, "first defined"),))
        seen.setdefault(norm.id, norm)
        if not norm.topics:
            yield D.error("E0310", f"norm `{ns.id}.{norm.id}` names no topic", norm.span,
                          "add `topic NAME`: the evaluator looks for articles on it")
        for topic in norm.topics:
            yield from _vocab("E0201", "topic", topic, V.TOPICS, norm.span)
        for req in norm.requirements:
            yield from _predicate(req.predicate, 0)


def _predicate(p: M.Predicate, depth: int) -> Iterator[D.Diagnostic]:
    if depth > MAX_PREDICATE_DEPTH:
        yield D.error("E0004", f"conditions nested more than {MAX_PREDICATE_DEPTH} deep", p.span,
                      "split the requirement into several `require` lines")
        return
    if isinstance(p, M.Not):
        yield from _predicate(p.operand, depth + 1)
    elif isinstance(p, (M.All, M.Any_)):
        for o in p.operands:
            yield from _predicate(o, depth + 1)
    else:
        yield from _atom(p)


def _atom(a: M.Atom) -> Iterator[D.Diagnostic]:
    spec = PREDICATES.get(a.name)
    if spec is None:
        yield D.unknown("E0205", "predicate", a.name, PREDICATES, a.span)
        return
    problem = spec.problems(a.args)
    if problem is None:
        return
    if problem.word is None:
        yield D.error("E0205", f"`{a.name}` does not take the arguments `{' '.join(a.args)}`", a.span,
                      f"write `{spec.usage}`")
    else:
        yield from _vocab("E0205", problem.what, problem.word, problem.table, a.span)


def _expectation(e: M.Expectation) -> Iterator[D.Diagnostic]:
    yield from _vocab("E0206", "grade", e.grade, V.GRADES, e.span)
    if e.party is not None:
        yield from _party_codes((e.party,), e.span)
