"""Hover: a word's meaning, a party's name, an article's grades; and the positions it answers in."""

from __future__ import annotations

import pathlib

from engine.language import model as M
from engine.lsp.hover import hover
from engine.lsp.positions import Positions, chars, units
from engine.lsp.workspace import Settings, Workspace

TEXT = '''agreement d "Draft" {
  based-on cptpp chapter 14
  status draft
  parties KR JP
  exception essential-security self-judging
}
'''


def _hover(text, line, needle, settings=Settings()):
    space = Workspace(settings)
    analysis = space.analyse("/nowhere/d.agr", text)
    return hover(analysis, line, text.split("\n")[line].index(needle) + 1)


def test_words_parties_and_ids():
    assert "**self-judging** (exception qualifier): the Party itself decides" in _hover(TEXT, 4, "self-j").contents.value
    assert _hover(TEXT, 3, "JP").contents.value == "**JP** (party): Japan"
    assert "**cptpp** (agreement): Comprehensive and Progressive" in _hover(TEXT, 1, "cptpp").contents.value
    assert "(keyword): a draft: the base agreement" in _hover(TEXT, 1, "based-on").contents.value
    assert _hover(TEXT, 0, '"Draft"') is None


def test_an_article_header_shows_its_grades_against_the_settings_norm_sets():
    text = (pathlib.Path(__file__).resolve().parents[2] / "agreements" / "rcep.agr").read_text(encoding="utf-8")
    line = next(i for i, x in enumerate(text.split("\n")) if x.strip().startswith("article 12.15 "))
    shown = _hover(text, line, "12.15", Settings(("tpp3", "nosuch"))).contents.value
    assert shown.startswith("**Art. 12.15** of `rcep` against tpp3, nosuch on ")
    assert "- `tpp3.data-flows`: **partial**" in shown and "require enforceable: Without dispute settlement" in shown
    assert "(KH LA MM VN)" in shown


def test_settings_from_the_client():
    assert Settings.of({"tradegap": {"norms": ["digital-core"]}}).norms == ("digital-core",)
    assert Settings.of({"norms": "trust"}).norms == ("trust",)
    assert Settings.of(None).norms == ("tpp3",) and Settings.of({"norms": [3]}).norms == ("tpp3",)


def test_columns_in_the_clients_code_units():
    line = "note \"\U0001F600 é\" x"
    assert units(line, 8) == 9 and units(line, 8, "utf-8") == 11 and units(line, 8, "utf-32") == 8
    assert chars(line, 9) == 8 and chars(line, 11, "utf-8") == 8
    at = Positions([line])
    assert at.range(M.Span("f", 1, 9, 1, 10)).start.character == 9
