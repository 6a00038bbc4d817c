"""Strength per topic: each topic takes the strength of the paragraphs (or items) where it is found.

The articles here are written for the tests, in the shape treaties use.
"""

from __future__ import annotations

from engine.importer.autocode import code_article, make_coder
from engine.importer.rules_lang import Rule, bundled_rules, parse_rules

RULES = '''coding t {
  alias RU "Ruritania"
  topic consumer-protection when heading "consumer protection"
  topic personal-information when topic consumer-protection and text "personal data"
  topic cooperation when heading "cooperation"
  topic sme-cooperation within cooperation when topic cooperation and text "small and medium"
  topic transparency when text "are transparent"
  topic unsolicited-messages when text "unsolicited"
  strength none when text "nothing in this article"
  strength best-endeavour when text "endeavour to" "work to"
  strength binding when text "shall" "agree to"
  strength hortatory when text "recognise" "may" "encourage"
  form prohibition when text "shall not"
  form obligation when text "shall" "agree to"
  transition when text "shall not be required to apply" and text "years"
}
'''


def _coder():
    rs, diags = parse_rules(RULES, "t.coding")
    assert rs is not None, diags
    return make_coder(rs, ("RU", "JP"))


def _strengths(coding) -> dict:
    return {t.topic: (t.commitment.strength if t.commitment else "absent", t.paragraph)
            for t in coding.topic_strengths}


CONSUMERS = """1. The Parties recognise the importance of protecting consumers online.

2. The Parties shall adopt or maintain measures to protect the personal data of users of electronic commerce."""


def test_each_topic_takes_the_strength_of_its_own_paragraphs():
    coding = code_article(_coder(), "Consumer Protection", "Electronic Commerce", CONSUMERS)
    assert _strengths(coding) == {"consumer-protection": ("hortatory", "1"), "personal-information": ("binding", "2")}
    # the article keeps one commitment: its strongest
    assert coding.commitment is not None and coding.commitment.strength == "binding"
    personal = coding.topic_strengths[1].commitment
    assert personal is not None and personal.form == "obligation"
    assert personal.quotes[0].text.startswith("The Parties shall adopt or maintain measures")


def test_a_topic_within_another_leaves_its_paragraphs_to_both():
    text = ("1. The Parties recognise the value of cooperation.\n\n"
            "2. The Parties shall cooperate to help small and medium enterprises.")
    coding = code_article(_coder(), "Cooperation", "Electronic Commerce", text)
    assert _strengths(coding) == {"cooperation": ("binding", "2"), "sme-cooperation": ("binding", "2")}


def test_an_item_takes_its_chapeau_strength_unless_it_says_its_own():
    text = ("1. The Parties agree to:\n(a) ensure that their rules are transparent;\n"
            "(b) endeavour to ensure that their measures:\n(i) encourage the reporting of unsolicited messages.")
    coding = code_article(_coder(), "Promotion", "Electronic Commerce", text)
    # (a) has no verb of its own: the chapeau's "agree to" binds it; (b) says "endeavour to", and
    # (b)(i)'s "encourage" describes what (b) commits to
    assert _strengths(coding) == {"transparency": ("binding", "1(a)"),
                                  "unsolicited-messages": ("best-endeavour", "1(b)(i)")}


def test_a_chapeau_counts_through_its_items():
    text = "1. Each Party shall:\n(a) endeavour to accept electronic documents; and\n(b) work to publish them."
    coding = code_article(_coder(), "Consumer Protection", "Electronic Commerce", text)
    assert coding.commitment is not None and coding.commitment.strength == "best-endeavour"
    assert coding.commitment.form == "obligation"  # read from the chapeau when the item has no form


def test_a_chapeau_that_commits_no_one_carries_its_items_with_it():
    text = "1. Nothing in this Article shall prevent a Party from adopting:\n(a) measures it may need."
    coding = code_article(_coder(), "Consumer Protection", "Electronic Commerce", text)
    assert coding.commitment is None
    assert _strengths(coding) == {"consumer-protection": ("absent", "1")}


def test_a_footnote_transition_names_the_paragraph_of_its_mark():
    text = ("1. Each Party shall act.\n\n"
            "2. Each Party shall:\n(a) protect personal data;3\n(b) act again.\n\n"
            " 3 Ruritania shall not be required to apply this subparagraph for a period of five years.\n\n"
            "3. Each Party may act.")
    coding = code_article(_coder(), "Consumer Protection", "Electronic Commerce", text)
    assert [(t.parties, t.period.years, t.paragraph) for t in coding.transitions] == [(("RU",), 5, "2(a)")]


def test_a_transition_in_the_body_is_the_articles():
    text = "1. Each Party shall act.\n\n2. Ruritania shall not be required to apply paragraph 1 for five years."
    coding = code_article(_coder(), "Consumer Protection", "Electronic Commerce", text)
    assert [t.paragraph for t in coding.transitions] == [None]


def test_within_is_part_of_the_rule_and_its_label():
    rs, _ = parse_rules(RULES, "t.coding")
    assert rs is not None
    sme = next(r for r in rs.rules if r.args == ("sme-cooperation",))
    assert isinstance(sme, Rule) and sme.within == "cooperation"
    assert sme.label() == "topic sme-cooperation within cooperation"


def test_within_names_a_vocabulary_topic():
    rs, diags = parse_rules('coding t { topic sme-cooperation within cooperatoin when text "smes" }', "t.coding")
    assert rs is None and [d.code for d in diags] == ["E0511"]
    assert "cooperation" in diags[0].hint


def test_the_bundled_rules_split_a_consumer_article_on_personal_data():
    coder = make_coder(bundled_rules(), ("JP", "MN"))
    coding = code_article(coder, "Consumer Protection", "Electronic Commerce", CONSUMERS)
    assert _strengths(coding) == {"consumer-protection": ("hortatory", "1"), "personal-information": ("binding", "2")}


def test_a_topics_commitment_names_the_paragraph_its_strength_is_read_from():
    text = ("1. Each Party shall endeavour to adopt measures to protect consumers engaged in electronic commerce.\n\n"
            "2. The Parties recognise the importance of cooperation.\n\n"
            "3. Each Party shall adopt or maintain consumer protection laws to proscribe fraudulent and deceptive "
            "commercial activities that cause harm to consumers engaged in online commercial activities.")
    coding = code_article(make_coder(bundled_rules()), "Online Consumer Protection", "Electronic Commerce", text)
    (tc,) = [t for t in coding.topic_strengths if t.topic == "consumer-protection"]
    assert tc.commitment is not None and tc.commitment.strength == "binding"
    assert tc.paragraph == "3" and tc.commitment.quotes[0].text.startswith("Each Party shall adopt or maintain")
