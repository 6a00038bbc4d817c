"""The keywords editors complete and highlight are the grammar's."""

from engine.syntax.keywords import keywords


def test_every_keyword_of_the_grammar_is_listed_once():
    found = keywords()
    assert len(found) == len(set(found))
    assert {"agreement", "based-on", "in-force", "dispute-settlement", "paraphrase", "and", "or", "not"} <= set(found)
    assert "NAME" not in found and ".." not in found
