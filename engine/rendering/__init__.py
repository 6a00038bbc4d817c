"""Rendering: every result as text, in one module per format, through one registry.

``render(result, fmt)`` returns text; nothing here prints.  Each format
module (:mod:`~engine.rendering.text`, :mod:`~engine.rendering.markdown`,
:mod:`~engine.rendering.json`, :mod:`~engine.rendering.csv`,
:mod:`~engine.rendering.html`) has one function per result type and a
``FORMAT`` that maps result types to them; ``render`` dispatches on the
result's type through those tables.  What formats share lives in
:mod:`~engine.rendering.common`.  Every string taken from agreements and
norms passes through :mod:`engine.rendering.safe` for the format at hand,
so titles, quotes and reasons come out inert.

Binary formats (:data:`BINARY_FORMATS`: ``docx``, a Word memo) have a
module and a ``FORMAT`` of the same shape whose renderers return bytes;
``render_binary`` dispatches to them.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Mapping, Sequence

if TYPE_CHECKING:
    from engine.rendering.common import BinaryFormat, Format
    from engine.views.precedents import Suggestion

FORMATS = ("text", "markdown", "json", "csv", "html")
BINARY_FORMATS = ("docx",)


@functools.cache
def _load(fmt: str) -> Format:
    # Each format's module is named after it, and imported only when that format is asked for:
    # importing all five would cost every report about 10 ms.
    module = importlib.import_module(f"{__name__}.{fmt}")
    form: Format = module.FORMAT
    return form


@functools.cache
def _load_binary(fmt: str) -> BinaryFormat:
    module = importlib.import_module(f"{__name__}.{fmt}")
    form: BinaryFormat = module.FORMAT
    return form


def formats() -> Mapping[str, Format]:
    """Every format by name (this imports every format module)."""
    return {name: _load(name) for name in FORMATS}


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _load(fmt)


def render(result: object, fmt: str = "text") -> str:
    """``result`` as ``fmt``: a Report, a Finding (its trace: text, json), a Comparison, a Diff, a Pair,
    or a SuggestedReport (a report and its precedents, as ``tradegap report --suggest``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
        TypeError: ``fmt`` has no form for the result's type (the message names those it has).
    """
    form = _format(fmt)
    renderer = form.renderers.get(type(result))
    if renderer is None:
        names = ", ".join(t.__name__ for t in form.renderers.types())
        raise TypeError(f"no {fmt} form for {type(result).__name__}; {fmt} renders {names}")
    return renderer(result)


def render_binary(result: object, fmt: str = "docx") -> bytes:
    """``result`` as the binary format ``fmt`` (a Report, a Comparison, a Pair or a Diff as ``docx``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`BINARY_FORMATS`.
        TypeError: ``fmt`` has no form for the result's type (the message names those it has).
    """
    if fmt not in BINARY_FORMATS:
        raise ValueError(f"unknown binary format {fmt!r}; choose one of {', '.join(BINARY_FORMATS)}")
    form = _load_binary(fmt)
    renderer = form.renderers.get(type(result))
    if renderer is None:
        names = ", ".join(t.__name__ for t in form.renderers.types())
        raise TypeError(f"no {fmt} form for {type(result).__name__}; {fmt} renders {names}")
    return renderer(result)


def render_suggestions(suggestions: Sequence[Suggestion], fmt: str = "text") -> str:
    """Suggestions alone (``engine.suggest_for_report``'s answer) as ``fmt``; HTML gives a ``<section>``."""
    return _format(fmt).suggestions(suggestions)
