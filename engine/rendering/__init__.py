"""Rendering: one module per format, all from the same result objects.

``render(result, fmt)`` returns text; nothing here prints.  Every string
taken from agreements and norms passes through :mod:`engine.rendering.safe`
for the format at hand, so titles, quotes and reasons come out inert.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "markdown", "json", "csv", "html")

_MODULES = {"text": "text", "markdown": "markdown", "json": "json_form", "csv": "csv_form", "html": "html"}

# Result types other than Report: their text, Markdown and CSV forms live in one module per type
# (JSON and HTML handle every result type in json_form and html).
_RESULTS = {"Comparison": "compare_render", "Diff": "diff_render", "Pair": "pair_render"}


def render(result, fmt: str = "text") -> str:
    """Render a Report, Comparison, Diff or Pair as ``fmt``."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    kind = _RESULTS.get(type(result).__name__)
    if kind is not None and fmt in ("text", "markdown", "csv"):
        return importlib.import_module(f"engine.rendering.{kind}").render(result, fmt)
    module = importlib.import_module(f"engine.rendering.{_MODULES[fmt]}")
    return module.render(result)
