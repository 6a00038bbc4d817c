"""The coding-rules language: the words a rule's head may hold come from the vocabulary."""

from __future__ import annotations

import pytest

from engine.importer.rules_lang import Action, parse_rules


def _errors(rule: str) -> list[tuple[str, str]]:
    rs, diags = parse_rules(f"coding t {{\n  {rule}\n}}\n", "t.coding")
    assert (rs is None) == bool(diags)
    return [(d.code, d.message) for d in diags]


@pytest.mark.parametrize("rule", [
    'strength binding when text "shall"',
    'strength none when text "may"',
    'topic cooperation sme-cooperation when heading "cooperation"',
    'exception public-policy no-disguised-restriction gatt-xx when text "legitimate"',
    'qualify essential-security self-judging when text "it considers"',
    'covers financial-services when text "financial"',
    'chapter excludes government-procurement when text "procurement"',
    'software mass-market-only when text "mass-market"',
    'contingent anything-at-all when text "subject to"',
    'chapter dispute-settlement excluded when text "shall not have recourse"',
    'dispute-settlement shielded when text "years"',
    'transition when text "shall not be required"',
])
def test_good_heads(rule):
    assert _errors(rule) == []


@pytest.mark.parametrize("rule,word,what", [
    ('strength absent when text "x"', "absent", "strength"),  # a grade of the article, not of a clause
    ('strength bindng when text "x"', "bindng", "strength"),
    ('dispute-settlement applies when text "x"', "applies", "dispute-settlement mode"),
    ('topic cooperation nosuch when text "x"', "nosuch", "topic"),
    ('exception nosuch self-judging when text "x"', "nosuch", "exception kind"),
    ('exception general gatt-xx nosuch when text "x"', "nosuch", "exception qualifier"),
    ('qualify general nosuch when text "x"', "nosuch", "exception qualifier"),
    ('form mandate when text "x"', "mandate", "form"),
    ('covers nosuch when text "x"', "nosuch", "scope item"),
    ('software some when text "x"', "some", "software coverage"),
])
def test_bad_words_are_reported_where_they_are(rule, word, what):
    ((code, message),) = _errors(rule)
    assert code == "E0511" and f"`{word}`" in message and what in message


def test_every_argument_is_checked_in_order():
    errors = _errors('exception nosuch gatt-xx bad1 bad2 when text "x"')
    assert [m.split("`")[1] for _, m in errors] == ["nosuch", "bad1", "bad2"]


def test_only_some_actions_may_be_put_on_the_chapter():
    ((code, message),) = _errors('chapter strength binding when text "shall"')
    assert code == "E0511"
    assert message.endswith("a chapter carries only exception, excludes, covers, dispute-settlement")


def test_actions_are_typed():
    rs, _ = parse_rules('coding t { covers algorithms when text "algorithm" }')
    assert rs is not None and rs.rules[0].action is Action.COVERS and rs.rules[0].label() == "covers algorithms"
