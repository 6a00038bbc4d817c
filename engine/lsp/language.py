"""What an editor needs to know of the language besides the grammar: which keyword starts a statement in
which block, and what each keyword means (hover).  A test keeps both in step with the grammar's keywords."""

from __future__ import annotations

from typing import Mapping

from engine.language import vocab as V

TOP = ""  # the top of a file, outside every block
AGREEMENT, CHAPTER, ARTICLE, AMEND, NORMS, NORM = "agreement", "chapter", "article", "amend", "norms", "norm"
BLOCKS = (AGREEMENT, CHAPTER, ARTICLE, AMEND, NORMS, NORM)
"""The keywords that open a block (``{ ... }``)."""

_STRENGTHS = (V.Strength.BINDING.value, V.Strength.BEST_ENDEAVOUR.value, V.Strength.HORTATORY.value)
_SCOPE = (V.ScopeMode.COVERS.value, V.ScopeMode.EXCLUDES.value)
_ARTICLE = ("topic", *_STRENGTHS, *_SCOPE, "software", "exception", "dispute-settlement", "contingent", "transition",
            "reservation", "verification", "note")

STARTERS: Mapping[str, tuple[str, ...]] = {
    TOP: ("agreement", "norms", "expect"),
    AGREEMENT: ("based-on", "kind", "status", "parties", "signed", "in-force", "source", "verification", "coverage",
                "dispute-settlement", "exception", "note", "chapter", "article", "amend", "omit"),
    CHAPTER: ("part", "verification", *_SCOPE, "dispute-settlement", "exception", "note", "article"),
    ARTICLE: _ARTICLE,
    AMEND: _ARTICLE + ("remove",),
    NORMS: ("version", "source", "weight", "note", "norm"),
    NORM: ("topic", "essential", "require", "forbid", "note"),
}
"""The keywords that start a statement, by the block they stand in."""

TAKES_A_WORD = frozenset({"remove", "status", "amend", "omit"})
"""Keywords whose next word may be spelled like a keyword (``remove exception``, ``status in-force``,
``amend article``, ``omit chapter``)."""

KEYWORD_MEANINGS: Mapping[str, str] = {
    "agreement": "an agreement or a draft: `agreement ID \"Title\" { ... }`",
    "kind": "what kind of agreement it is (`tradegap list kinds`)",
    "status": "where the agreement stands: draft, proposed, concluded, signed, in-force, terminated",
    "parties": "the parties, as ISO 3166-1 codes (`JP`, `KOR`) or `EU`",
    "signed": "the date the agreement was signed",
    "in-force": "entry into force: `in-force DATE` for every party, `in-force XX DATE` for some, `unknown` if not "
                "known; as a predicate, the agreement is in force on the date",
    "source": "the treaty text it was encoded from (a plain file name), or a norm set's model",
    "verification": "how the encoding was checked: text, secondary, unverified or auto",
    "based-on": "a draft: the base agreement it overlays (`based-on ID`, or `based-on ID chapter N` for one "
                "chapter of it)",
    "note": "free text shown in reports",
    "chapter": "a chapter: `chapter N \"Title\" { ... }`; after `based-on ID`, a chapter of the base taken",
    "article": "an article, numbered as in the treaty (`14.11`, `9bis`)",
    "amend": "`amend article N { ... }`: override the base's article attribute by attribute",
    "omit": "`omit article N \"why\"` or `omit chapter N \"why\"`: leave out an article or a chapter of the base",
    "topic": "what the article (or norm) is about; norms find articles by topic",
    **{s.value: f"a commitment: {s.meaning}" for s in (V.Strength.BINDING, V.Strength.BEST_ENDEAVOUR,
                                                         V.Strength.HORTATORY)},
    **{m.value: f"scope: {m.meaning}" for m in V.ScopeMode},
    "software": "which software a source-code rule covers: mass-market-only or all",
    "exception": "an exception: its kind and qualifiers (`exception public-policy self-judging \"...\"`)",
    "dispute-settlement": "whether dispute settlement reaches it: applies, excluded, or shielded for some parties",
    "contingent": "the commitment holds only while something outside the agreement does",
    "transition": "named parties need not apply the article (or a paragraph) yet, for a period",
    "reservation": "named parties are not bound by the article (or a paragraph), for a period or indefinitely",
    "remove": "in an amendment, take a statement of the base's article away (`remove exception public-policy`)",
    "years": "a period in years from each party's own entry into force",
    "until": "a period until a date, or until an event (`until \"its law is passed\"`)",
    "art": "the article a quote's words come from: `\"...\" art 12.17`",
    "fn": "the footnote a quote's words come from: `\"...\" art 12.15 fn 14`",
    "norms": "a norm set: `norms ID \"Title\" { norm ... }`",
    "version": "the norm set's version",
    "norm": "a norm: topics and requirements an agreement is graded against",
    "essential": "a requirement whose failure makes the finding unmet, not partial",
    "require": "a requirement that must hold: `require PREDICATE because \"...\"`",
    "forbid": "a requirement that must not hold: `forbid PREDICATE because \"...\"`",
    "because": "why the requirement matters, in words for a negotiator",
    "not": "the condition does not hold",
    "and": "both conditions hold",
    "or": "either condition holds",
    "expect": "an expectation: `expect AGREEMENT SET[.NORM] GRADE [as-of DATE] [party XX] [score A..B]`",
    "as-of": "the date an expectation is checked on",
    "party": "the party whose position an expectation takes",
    "coverage": "the parts of the treaty the encoding covers, or `coverage complete`",
    "part": "the kind of chapter (a part of the treaty)",
    "unknown": "the entry into force is not known (never defaulted to the general date)",
    "extendable": "`years 5 extendable 3`: a period that may run for more years",
    "paragraph": "limits a transition or reservation to one paragraph: `paragraph \"1(a)\"`",
    "paraphrase": "words that are not verbatim: never printed in quotation marks",
    "weight": "how much a requirement counts in a finding's score (1 to 100)",
    "score": "`score A..B`: the finding's score lies between A and B",
    "numbering": "how the treaty numbers its articles: `numbering per-chapter` (each chapter from 1)",
    "unnumbered": "an article the source gives no number: `article unnumbered 1` (a placeholder, never cited "
                  "as a number)",
    "ch": "the chapter an article number is read in: `art 3 ch 14`, `amend article 3 ch 14`",
    "page": "the page of the source PDF a quote's words stand on: `\"...\" art 12.15 page 12`",
    "line": "the line on that page: `\"...\" art 12.15 page 12 line 4`",
    "for": "a commitment on some of the article's topics alone: `hortatory for cooperation paragraph \"2\" \"...\"`",
}
"""What each keyword means, for hover."""
