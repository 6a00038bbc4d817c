"""Resolution of drafts (engine/checking/resolve.py): chapters merged, amendments and omissions applied.

Each test lays a small draft over the base below and looks at the whole agreement that comes out.
"""

from __future__ import annotations

import attrs
import pytest

from engine.checking.resolve import REMOVALS, ArticleIndex, is_resolved, resolve
from engine.language import codes as C
from engine.language import model as M
from engine.language import vocab as V
from engine.syntax.parse import parse_text

BASE = '''agreement base "Base" {
  kind fta
  status in-force
  parties JP KR
  signed 2020-01-01
  in-force 2021-01-01
  verification secondary
  note "base note"
  chapter 1 "One" {
    verification text
    article 1.1 "Data" {
      topic cross-border-data cooperation
      binding "shall allow"
      covers financial-services "financial"
      excludes government-procurement "procurement"
      software mass-market-only "mass-market software"
      exception public-policy "public policy"
      exception essential-security self-judging "security"
      dispute-settlement shielded KR years 2 "shield"
      contingent wto-moratorium "while the moratorium lasts"
      transition KR years 3 "three years"
      reservation JP "reserved"
    }
    article 1.2 "Code" { topic source-code binding "shall not require" }
  }
  article 9 "Duties" { topic customs-duties binding "shall not impose" }
}
'''


def written(source: str) -> dict[str, M.Agreement]:
    result = parse_text(source, "t.agr")
    assert result.document is not None, result.diagnostics
    return {item.id: item for item in result.document.items if isinstance(item, M.Agreement)}


def resolved(draft_body: str, title: str = "") -> tuple[M.Agreement, tuple[str, ...]]:
    """The draft ``d`` (based on ``base``) resolved, and the codes of the problems found."""
    table = written(BASE + f"agreement d {title} {{\n  based-on base\n" + draft_body + "\n}\n")
    whole, diags = resolve(table["d"], table.get)
    return whole, tuple(d.code for d in diags)


def numbers(a: M.Agreement) -> list[tuple[str | None, str]]:
    return [(ch.number if ch else None, art.number) for ch, art in a.all_articles()]


def article(a: M.Agreement, number: str) -> M.Article:
    (found,) = [art for _, art in a.all_articles() if art.number == number]
    return found


# ---------------------------------------------------------------- metadata and chapters


def test_a_bare_draft_is_its_base_under_its_own_id():
    whole, problems = resolved("")
    base, _ = resolve(written(BASE)["base"], lambda _: None)
    assert problems == ()
    assert whole.id == "d" and whole.based_on == "base"
    assert attrs.evolve(whole, id="base", based_on=None) == base


def test_the_draft_settings_win_and_notes_are_appended():
    whole, _ = resolved('  status draft\n  note "draft note"', title='"Mine"')
    assert (whole.title, whole.kind, whole.status) == ("Mine", "fta", "draft")
    assert [n.text for n in whole.notes] == ["base note", "draft note"]


def test_a_draft_naming_its_own_parties_drops_the_base_dates():
    whole, _ = resolved("  parties JP SG")
    assert whole.parties == ("JP", "SG") and whole.signed is None and whole.in_force == ()


def test_coverage_and_chapter_parts_are_inherited_unless_the_draft_writes_its_own():
    table = written('agreement b {\n  coverage electronic-commerce\n  chapter 1 { part electronic-commerce }\n'
                    '  chapter 2 { part investment }\n}\n'
                    'agreement d {\n  based-on b\n  chapter 2 { part customs }\n}\n'
                    'agreement e {\n  based-on b\n  coverage complete\n}\n')
    d, _ = resolve(table["d"], table.get)
    e, _ = resolve(table["e"], table.get)
    assert d.coverage == ("electronic-commerce",) and e.coverage == ("complete",)
    assert [ch.part for ch in d.chapters] == ["electronic-commerce", "customs"]
    assert [ch.part for ch in e.chapters] == ["electronic-commerce", "investment"]


def test_a_draft_chapter_merges_into_the_base_chapter_of_its_number():
    whole, _ = resolved('  chapter 1 { note "added" article 1.3 { topic cooperation hortatory "may" } }')
    (one,) = whole.chapters
    assert one.title == "One" and one.verification == "text"
    assert [a.number for a in one.articles] == ["1.1", "1.2", "1.3"]
    assert [n.text for n in one.notes] == ["added"]


def test_a_draft_article_replaces_the_base_article_where_it_stands_in_the_draft():
    whole, _ = resolved('  chapter 2 "Two" { article 1.2 { topic source-code hortatory "may" } }')
    assert numbers(whole) == [(None, "9"), ("1", "1.1"), ("2", "1.2")]
    assert article(whole, "1.2").strength == V.Strength.HORTATORY


def test_a_draft_article_outside_any_chapter_replaces_the_base_article_and_stands_loose():
    whole, problems = resolved('  article 1.1 { topic cross-border-data hortatory "may" }\n'
                               '  article 10 { topic cooperation hortatory "may" }')
    assert problems == ()
    assert numbers(whole) == [(None, "9"), (None, "1.1"), (None, "10"), ("1", "1.2")]
    replaced = article(whole, "1.1")
    assert replaced.strength == V.Strength.HORTATORY and replaced.exceptions == ()
    assert replaced.verification == "unverified"  # the draft's own words: the draft declares no level (not the base's)


# ---------------------------------------------------------------- amendments


def test_an_amendment_overrides_settings_one_by_one():
    whole, _ = resolved('  amend article 1.1 "Data, amended" {\n'
                        '    exception public-policy no-arbitrary-discrimination "narrower"\n'
                        '    covers government-procurement "now covered"\n'
                        '    note "amended"\n  }')
    a = article(whole, "1.1")
    assert a.title == "Data, amended" and a.strength == V.Strength.BINDING
    assert [(e.kind, e.qualifiers) for e in a.exceptions] == [
        ("essential-security", ("self-judging",)), ("public-policy", ("no-arbitrary-discrimination",))]
    assert [(s.mode, s.item) for s in a.scope] == [("covers", "financial-services"),
                                                   ("covers", "government-procurement")]
    assert [n.text for n in a.notes] == ["amended"]


@pytest.mark.parametrize("removal, changed", [
    ("exception public-policy", lambda a: [e.kind for e in a.exceptions] == ["essential-security"]),
    ("scope financial-services", lambda a: [s.item for s in a.scope] == ["government-procurement"]),
    ("topic cooperation", lambda a: a.topics == ("cross-border-data",)),
    ("transition", lambda a: a.transitions == ()),
    ("reservation", lambda a: a.reservations == ()),
    ("dispute-settlement", lambda a: a.dispute_settlement == ()),
    ("contingent", lambda a: a.contingency is None),
    ("software", lambda a: a.software is None),
])
def test_each_removal_takes_away_what_it_names_and_nothing_else(removal, changed):
    before, _ = resolved("")
    whole, problems = resolved(f"  amend article 1.1 {{ remove {removal} }}")
    assert problems == ()
    after = article(whole, "1.1")
    assert changed(after) and not changed(article(before, "1.1"))
    what = removal.split()[0]
    untouched = {"exception": "exceptions", "scope": "scope", "topic": "topics", "transition": "transitions",
                 "reservation": "reservations", "dispute-settlement": "dispute_settlement",
                 "contingent": "contingency", "software": "software"}[what]
    others = [f.name for f in attrs.fields(M.Article) if f.name not in (untouched, "span")]
    assert all(getattr(after, name) == getattr(article(before, "1.1"), name) for name in others)


def test_every_removable_word_has_a_removal():
    assert set(REMOVALS) == set(V.Removable)


def test_an_unknown_removal_removes_nothing():
    before, _ = resolved("")
    whole, _ = resolved("  amend article 1.1 { remove notes }")
    assert article(whole, "1.1") == article(before, "1.1")


def test_amending_an_article_the_base_lacks_is_reported_and_changes_nothing():
    before, _ = resolved("")
    whole, problems = resolved('  amend article 7 { hortatory "may" }')
    assert problems == (C.NOT_IN_BASE.id,)
    assert numbers(whole) == numbers(before)


# ---------------------------------------------------------------- omissions


def test_an_omitted_article_is_gone():
    whole, problems = resolved('  omit article 1.2 "dropped"\n  omit article 9')
    assert problems == ()
    assert numbers(whole) == [("1", "1.1")]


def test_omitting_an_article_the_base_lacks_is_reported_and_removes_nothing():
    before, _ = resolved("")
    whole, problems = resolved('  omit article 7 "not there"')
    assert problems == (C.NOT_IN_BASE.id,)
    assert numbers(whole) == numbers(before)


# ---------------------------------------------------------------- what every resolved agreement has


def test_resolution_fills_in_verification_and_canonical_codes():
    table = written('agreement a { parties JPN KOR\n  chapter 1 { article 1 { topic cooperation '
                    'hortatory "may" transition KOR years 1 "x" } } }')
    whole, _ = resolve(table["a"], table.get)
    assert whole.parties == ("JP", "KR")
    art = whole.chapters[0].articles[0]
    assert art.verification == V.Verification.UNVERIFIED and art.transitions[0].parties == ("KR",)


def test_a_missing_base_is_reported_and_the_draft_stands_alone():
    table = written('agreement d { based-on nowhere\n  amend article 1 { hortatory "may" } }')
    whole, diags = resolve(table["d"], table.get)
    assert [d.code for d in diags] == [C.UNKNOWN_AGREEMENT.id]
    assert whole.based_on == "nowhere" and whole.amendments == () and is_resolved(whole)


def test_a_circle_of_drafts_is_reported_and_broken():
    table = written("agreement a { based-on b }\nagreement b { based-on a }")
    whole, diags = resolve(table["a"], table.get)
    assert [d.code for d in diags] == [C.BASED_ON_CYCLE.id]
    assert whole.based_on == "b" and is_resolved(whole)


def test_only_what_resolve_returns_counts_as_a_resolved_draft():
    table = written(BASE + 'agreement d { based-on base\n  omit article 9 }\nagreement e { based-on base }')
    for ident in ("d", "e"):
        draft = table[ident]
        assert not is_resolved(draft)  # as written: even `e`, which has nothing to apply
        whole, _ = resolve(draft, table.get)
        assert is_resolved(whole) and whole.based_on == "base"
        assert whole.amendments == () and whole.omissions == ()
        assert not is_resolved(attrs.evolve(whole, omissions=(M.Omission("1.1"),)))
    assert is_resolved(table["base"])  # no draft: nothing to resolve


def test_the_article_index_finds_chapters_first_and_keeps_its_result_frozen():
    base = M.Agreement("a", chapters=(M.Chapter("1", articles=(M.Article("x", title="in chapter"),)),),
                       articles=(M.Article("x", title="loose"), M.Article("y")))
    index = ArticleIndex(base)
    assert index.find("x") == M.Article("x", title="in chapter")
    assert index.remove("x") and index.find("x") == M.Article("x", title="loose")
    index.replace("y", M.Article("y", title="new"))
    assert not index.remove("z")
    assert index.chapters() == (M.Chapter("1"),)
    assert index.articles() == (M.Article("x", title="loose"), M.Article("y", title="new"))
    assert isinstance(index.chapters()[0].articles, tuple)
