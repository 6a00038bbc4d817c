"""Auto-coding: rule sets compiled once and shared, typed compiled rules, strength by rank.

A clause takes the strength of the first rule that matches it; the article, its strongest clause's.
"""

from __future__ import annotations

from engine.importer.autocode import CompiledRule, code_article, make_coder, rule_table
from engine.importer.rules_lang import Action, bundled_rules, parse_rules

RULES = '''coding t {
  strength none when text "shall cooperate"
  strength best-endeavour when text "shall endeavour"
  strength binding when text "shall"
  form prohibition when text "no party shall"
  chapter dispute-settlement excluded when text "{ds-chapter} shall not apply"
  topic cooperation when heading "cooperation"
}
'''


def _rules(path: str = "t.coding"):
    rs, diags = parse_rules(RULES, path)
    assert rs is not None, diags
    return rs


def test_the_compiled_form_is_shared_by_every_agreement_of_a_rule_set():
    rs = _rules()
    a, b = make_coder(rs, ("JP", "MN"), "chapter 16"), make_coder(rs, ("AU",), "chapter 16")
    assert a.table is b.table  # compiled once for the two agreements
    again = _rules()  # parsed again: an equal rule set, the same compiled form
    assert again is not rs and make_coder(again, (), "chapter 16").table is a.table
    other = _rules("other.coding")  # another file: compiled on its own
    assert make_coder(other, (), "chapter 16").table is not a.table


def test_binding_a_placeholder_compiles_only_the_rules_that_hold_one():
    rs = _rules()
    t16, t9 = rule_table(rs, "chapter 16"), rule_table(rs, "chapter 9")
    assert t16 is not t9
    # a rule without a placeholder keeps its one compiled test; the placeholder rule is bound per chapter
    assert t16.of(Action.STRENGTH)[2].test is t9.of(Action.STRENGTH)[2].test
    assert t16.of(Action.DISPUTE_SETTLEMENT)[0].test is not t9.of(Action.DISPUTE_SETTLEMENT)[0].test
    text = "Chapter 16 shall not apply to this Chapter."
    coded16 = code_article(make_coder(rs, (), "chapter 16"), "Dispute Settlement", "E-Commerce", text)
    coded9 = code_article(make_coder(rs, (), "chapter 9"), "Dispute Settlement", "E-Commerce", text)
    assert [d.mode for d in coded16.chapter_dispute_settlement] == ["excluded"]
    assert coded9.chapter_dispute_settlement == ()


def test_compiled_rules_are_typed_and_anchor_only_productive_rules():
    table = rule_table(_rules(), None)
    strength = table.of(Action.STRENGTH)
    assert all(isinstance(c, CompiledRule) for c in strength)
    assert [c.rule.args[0] for c in strength] == ["none", "best-endeavour", "binding"]
    assert [c.gate for c in table.of(Action.TOPIC)] == [frozenset({"cooperation"})]
    assert table.of(Action.SOFTWARE) == ()
    # `strength none` never makes a suggestion, so its words do not make a clause worth testing
    assert " cooperate " not in table.anchors[Action.STRENGTH]
    assert " shall " in table.anchors[Action.STRENGTH]


def test_the_strongest_clause_wins_and_none_commits_no_one():
    coder = make_coder(_rules())
    weak = code_article(coder, "Cooperation", "", "Each Party shall endeavour to share. The Parties shall cooperate.")
    assert weak.commitment is not None and weak.commitment.strength == "best-endeavour"
    strong = code_article(coder, "Data", "", "The Parties shall endeavour to talk, each Party shall allow transfers.")
    assert strong.commitment is not None and strong.commitment.strength == "binding"
    none = code_article(coder, "Cooperation", "", "The Parties shall cooperate.")
    assert none.commitment is None and none.topics == ("cooperation",)


def test_bundled_rules_compile_once_per_process():
    rs = bundled_rules()
    assert make_coder(rs).table is make_coder(bundled_rules()).table
