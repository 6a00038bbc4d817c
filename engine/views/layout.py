"""How a matrix is laid out for a reader: what its cells say and how its rows are labelled.

Layout hints, like ``transpose``: they change no finding, only what a renderer writes.  Kept apart from
:mod:`engine.views.compare` so that the command line can offer them without importing the engine.
"""

from __future__ import annotations

from engine.language import vocab as V


class Cells(V.Word):
    """What a comparison cell says."""

    FULL = "full", "the grade, then every article with its qualifiers (strength, exceptions, carve-outs ...)"
    ARTICLES = "articles", "the article numbers and the grade only: the table a brief needs"


class Labels(V.Word):
    """How a comparison's rows are labelled."""

    IDS = "ids", "by norm id (``tpp3.data-flows``), what `tradegap explain` takes"
    TITLES = "titles", "by the norm's title (Free cross-border transfer of information by electronic means)"
