"""Rendering: one module per format, all from the same result objects.

``render(result, fmt)`` returns text; nothing here prints.  Every string
taken from agreements and norms passes through :mod:`engine.render.safe`
for the format at hand, so titles, quotes and reasons come out inert.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "markdown", "json", "csv", "html")

_MODULES = {"text": "text", "markdown": "markdown", "json": "json_form", "csv": "csv_form", "html": "html"}


def render(result, fmt: str = "text") -> str:
    """Render a Report (or another result object the format supports) as ``fmt``."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"engine.render.{_MODULES[fmt]}")
    return module.render(result)
