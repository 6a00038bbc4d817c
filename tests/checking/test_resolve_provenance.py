"""Statement-level verification (engine/checking/resolve.py): every statement is stamped with the level
of the text that wrote it.

In an agreement, a statement takes its article's level, else its chapter's, else the agreement's, else
`unverified`; chapter- and agreement-level statements take their block's.  In a draft, statements written
or amended in the draft take the DRAFT's level (its article, chapter or agreement, else `unverified`),
never the base's; statements inherited from the base keep the base's.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from conftest import ROOT
from engine.checking.resolve import resolve
from engine.language import model as M
from engine.language import vocab as V
from engine.syntax.parse import parse_file, parse_text

TEXT, SECONDARY, UNVERIFIED = V.Verification.TEXT, V.Verification.SECONDARY, V.Verification.UNVERIFIED

BASE = '''agreement base {
  parties JP KR
  verification text
  exception general gatt-xx "general"
  dispute-settlement applies
  chapter 1 {
    verification secondary
    dispute-settlement excluded "excluded"
    excludes government-procurement "procurement"
    article 1.1 {
      topic cross-border-data
      binding "shall allow"
      exception public-policy "policy"
      transition KR years 3 "three years"
    }
    article 1.2 {
      topic source-code
      verification unverified
      binding "shall not require"
      software mass-market-only "mass-market"
    }
  }
  chapter 2 {
    article 2.1 { topic customs-duties binding "no duties" contingent wto-moratorium "while it lasts" }
  }
  article 9 { topic cooperation hortatory "may" reservation JP "reserved" }
}
'''


def whole(draft: str = "") -> M.Agreement:
    result = parse_text(BASE + draft, "p.agr")
    assert result.document is not None and not result.diagnostics, result.diagnostics
    table = {a.id: a for a in result.document.items if isinstance(a, M.Agreement)}
    resolved, problems = resolve(table["d" if draft else "base"], table.get)
    assert problems == ()
    return resolved


def article(a: M.Agreement, number: str) -> M.Article:
    (found,) = [art for _, art in a.all_articles() if art.number == number]
    return found


def statements(art: M.Article) -> Iterator[object]:
    yield from (x for x in (art.commitment, art.software, art.contingency) if x is not None)
    yield from art.scope + art.exceptions + art.dispute_settlement + art.transitions + art.reservations


def levels(art: M.Article) -> dict[str, str]:
    """Each statement's stamped level, by its class and what it says first."""
    out = {}
    for s in statements(art):
        fields = attrs.asdict(s, recurse=False)
        key = type(s).__name__ + " " + str(next(v for k, v in fields.items() if k != "verification"))
        out[key] = s.verification
    return out


# ---------------------------------------------------------------- an agreement


def test_every_statement_takes_its_article_chapter_or_agreement_level():
    a = whole()
    assert set(levels(article(a, "1.1")).values()) == {SECONDARY}  # the chapter's
    assert set(levels(article(a, "1.2")).values()) == {UNVERIFIED}  # the article's own
    assert set(levels(article(a, "2.1")).values()) == {TEXT}  # the agreement's: chapter 2 says nothing
    assert set(levels(article(a, "9")).values()) == {TEXT}
    assert len(levels(article(a, "1.1"))) == 3 and len(levels(article(a, "2.1"))) == 2


def test_chapter_and_agreement_statements_take_their_block_level():
    a = whole()
    one = a.chapters[0]
    assert [s.verification for s in one.dispute_settlement + one.scope] == [SECONDARY, SECONDARY]
    assert [s.verification for s in a.exceptions + a.dispute_settlement] == [TEXT, TEXT]


def test_an_agreement_that_says_nothing_is_unverified_throughout():
    table = parse_text('agreement a { exception taxation\n chapter 1 { dispute-settlement applies\n'
                       '  article 1 { topic scope binding "x" } } }', "p.agr").document.items
    a, _ = resolve(table[0], lambda _: None)
    stamped = [a.exceptions[0], a.chapters[0].dispute_settlement[0], a.chapters[0].articles[0].commitment]
    assert [s.verification for s in stamped] == [UNVERIFIED] * 3


def test_the_written_agreement_keeps_no_stamp():
    written = parse_text(BASE, "p.agr").document.items[0]
    assert all(s.verification is None for _, art in written.all_articles() for s in statements(art))


# ---------------------------------------------------------------- a draft


def test_an_amendment_gives_its_own_statements_the_drafts_level_and_leaves_the_bases_alone():
    a = whole('agreement d {\n  based-on base\n  verification unverified\n'
              '  amend article 1.1 {\n    covers algorithms "algorithms"\n'
              '    exception public-policy "narrower"\n  }\n}\n')
    assert levels(article(a, "1.1")) == {
        "Commitment binding": SECONDARY, "Scope covers": UNVERIFIED, "Exception_ public-policy": UNVERIFIED,
        "Transition ('KR',)": SECONDARY}
    assert article(a, "1.1").verification == SECONDARY  # the article's own level: the amendment wrote none


def test_a_draft_that_declares_no_level_never_lends_its_words_the_bases():
    a = whole('agreement d {\n  based-on base\n  amend article 2.1 { best-endeavour "shall endeavour" }\n'
              '  chapter 1 { article 1.3 { topic cooperation hortatory "may" } }\n'
              '  exception essential-security self-judging "security"\n}\n')
    assert a.verification == TEXT  # the agreement-level setting is still inherited
    assert levels(article(a, "2.1")) == {"Commitment best-endeavour": UNVERIFIED, "Contingency wto-moratorium": TEXT}
    new = article(a, "1.3")
    assert new.verification == UNVERIFIED and new.commitment.verification == UNVERIFIED  # not chapter 1's
    assert [e.verification for e in a.exceptions] == [UNVERIFIED]


def test_the_drafts_article_and_chapter_levels_count_for_its_own_words():
    a = whole('agreement d {\n  based-on base\n  verification unverified\n'
              '  amend article 1.2 { verification secondary\n covers algorithms "algorithms" }\n'
              '  chapter 1 { verification text\n dispute-settlement applies\n'
              '    article 1.4 { topic cooperation hortatory "may" } }\n}\n')
    assert levels(article(a, "1.2"))["Scope covers"] == SECONDARY
    assert article(a, "1.2").verification == SECONDARY
    assert article(a, "1.4").commitment.verification == TEXT
    assert [d.verification for d in a.chapters[0].dispute_settlement] == [TEXT]
    assert article(a, "1.1").commitment.verification == SECONDARY  # inherited from the base's chapter 1


def test_a_draft_on_a_draft_keeps_each_drafts_level():
    a = whole('agreement d1 {\n  based-on base\n  verification secondary\n'
              '  amend article 9 { binding "shall" }\n}\n'
              'agreement d {\n  based-on d1\n  amend article 9 { covers algorithms "algorithms" }\n}\n')
    assert levels(article(a, "9")) == {"Commitment binding": SECONDARY, "Scope covers": UNVERIFIED,
                                      "Reservation ('JP',)": TEXT}


def test_a_draft_amending_cptpp_14_17_never_labels_its_new_words_text():
    cptpp = parse_file(str(ROOT / "agreements" / "cptpp.agr")).document.items[0]
    draft = parse_text('agreement proposal {\n  based-on cptpp\n  verification unverified\n'
                       '  amend article 14.17 {\n    covers algorithms "including an algorithm expressed in that '
                       'source code"\n    software all "software"\n'
                       '    remove scope critical-infrastructure\n  }\n}\n',
                       "proposal.agr").document.items[0]
    a, problems = resolve(draft, {"cptpp": cptpp}.get)
    assert problems == ()
    art = article(a, "14.17")
    stamped = levels(art)
    assert stamped["Scope covers"] == stamped["Software all"] == UNVERIFIED
    assert stamped["Commitment binding"] == TEXT  # CPTPP's own words, checked against its text
    assert all(level == TEXT for key, level in stamped.items() if key not in ("Scope covers", "Software all"))
