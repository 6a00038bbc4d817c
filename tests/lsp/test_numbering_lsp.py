"""The language server names an article of an agreement numbered per chapter by its chapter and number."""

from __future__ import annotations

from engine.lsp.hover import hover
from engine.lsp.navigation import definition
from engine.lsp.workspace import Settings, Workspace

TEXT = '''agreement base {
  numbering per-chapter
  parties AU SG
  in-force 2003-07-28

  chapter 1 {
    article 3 "First" {
      topic customs-duties
      hortatory "one"
    }
  }

  chapter 2 {
    article 3 "Second" {
      topic customs-duties
      binding "two"
    }
  }
}

agreement d {
  based-on base
  amend article 3 ch 2 { }
}
'''


def _analysis():
    return Workspace(Settings(("digital-core",))).analyse("/nowhere/n.agr", TEXT)


def _line(needle: str) -> int:
    return next(i for i, x in enumerate(TEXT.split("\n")) if needle in x)


def test_hover_on_an_article_names_its_chapter_and_its_own_grades():
    a = _analysis()
    line = _line('article 3 "First"')
    shown = hover(a, line, TEXT.split("\n")[line].index("3") + 1).contents.value
    assert shown.startswith("**Ch. 1, Art. 3** of `base`")
    assert "decided by Ch. 2, Art. 3" in shown  # the norm on customs duties is decided by the other Art. 3


def test_go_to_definition_follows_the_chapter_an_amendment_names():
    a = _analysis()
    line = _line("amend article 3 ch 2")
    found = definition(a, line, TEXT.split("\n")[line].index("3") + 1)
    assert found is not None and found.range.start.line == _line('article 3 "Second"')
