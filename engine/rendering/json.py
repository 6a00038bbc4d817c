"""The JSON contract: a versioned, documented form of every result (see engine/schemas/).

Each object opens with ``"schema": {"name", "version"}``, taken from the
constant beside the result type (:data:`engine.rendering.common.SCHEMAS`),
then the result's fields as cattrs unstructures them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from engine.evaluation.findings import Finding, Report
from engine.rendering import common as C
from engine.util.records import fields, is_record

if TYPE_CHECKING:
    import cattrs

    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport, Suggestion

Data = dict[str, Any]


# Fields that 2.1 added, written only where they say something: an article's chapter where its agreement numbers
# per chapter (``chapter`` next to ``article``, ``old_chapter``/``new_chapter``), and whether it does (``per_chapter``).
_ONLY_WHEN_SET: Mapping[str, tuple[str, ...]] = {
    "Evidence": ("chapter",), "Reason": ("chapter",), "Candidate": ("chapter",), "Finding": ("chapter",),
    "Precedent": ("chapter",), "Suggestion": ("chapter",), "GradeChange": ("old_chapter", "new_chapter"),
    "ArticleView": ("per_chapter",), "ArticleChange": ("per_chapter",), "Hit": ("per_chapter",),
}


def _beside(data: Data, name: str, value: object) -> Data:
    """``data`` with ``name`` put right after the field it belongs to (``chapter`` after ``article``)."""
    anchor = {"chapter": "article", "old_chapter": "old_article", "new_chapter": "new_article"}.get(name)
    if anchor not in data:
        return {**data, name: value}
    out: Data = {}
    for key, item in data.items():
        out[key] = item
        if key == anchor:
            out[name] = value
    return out


def _only_when_set(whole: Callable[[Any], Data], names: tuple[str, ...]) -> Callable[[Any], Data]:
    """``whole``'s data with ``names`` left out where they hold their default (None, False), else put
    beside the field they belong to."""

    def hook(obj: Any) -> Data:
        data = whole(obj)
        for name in names:
            value = data.pop(name)
            if value:
                data = _beside(data, name, value)
        return data
    return hook


def _sparse(conv: cattrs.Converter, cls: type, names: tuple[str, ...]) -> Callable[[Any], Data]:
    """The unstructure hook of the attrs class ``cls`` that leaves out ``names`` where they are not set."""
    from cattrs.gen import make_dict_unstructure_fn

    return _only_when_set(make_dict_unstructure_fn(cls, conv), names)


def _record(conv: cattrs.Converter, cls: type) -> Callable[[Any], Data]:
    """The unstructure hook of a record class (the evaluator's results, :mod:`engine.util.records`): its
    fields in order, each value unstructured by its own type, those of :data:`_ONLY_WHEN_SET` only where
    they are set."""
    names = tuple(f.name for f in fields(cls))
    return _only_when_set(lambda obj: {name: conv.unstructure(getattr(obj, name)) for name in names},
                          _ONLY_WHEN_SET.get(cls.__name__, ()))


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """A cattrs converter: dates as ISO strings, tuples as lists, records (:func:`_record`) and attrs classes
    by their fields, the fields of :data:`_ONLY_WHEN_SET` only where they are set."""
    import attrs
    import cattrs

    conv = cattrs.Converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    # by name, made on first use: no view module is imported for a report that holds none of its results
    conv.register_unstructure_hook_factory(
        lambda cls: isinstance(cls, type) and cls.__name__ in _ONLY_WHEN_SET and attrs.has(cls)
        and cls.__module__.startswith("engine."),
        lambda cls: _sparse(conv, cls, _ONLY_WHEN_SET[cls.__name__]))
    conv.register_unstructure_hook_factory(is_record, lambda cls: _record(conv, cls))
    return conv


# Characters JSON may carry raw but a terminal or editor showing the file would act on:
# DEL and C1 controls (0x9b starts an escape sequence), bidi marks, line separators.
_INERT = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: object) -> str:
    """JSON text: the data exactly, with every character that could act written as a ``\\u`` escape."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    return _INERT.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _schema(kind: type) -> Data:
    name, version = C.schema(kind)
    return {"schema": {"name": name, "version": version}}


def _result(result: object) -> str:
    """A result with its schema first, then its fields."""
    data: Data = converter().unstructure(result)
    return dumps({**_schema(type(result)), **data})


def _report_data(r: Report) -> Data:
    """The report without each finding's candidates (``tradegap explain`` gives those)."""
    data: Data = converter().unstructure(r)
    for f in data["findings"]:
        f.pop("candidates", None)
    return {**_schema(Report), **data}


def report(r: Report) -> str:
    """The report: every finding with its reasons and evidence."""
    return dumps(_report_data(r))


def finding(f: Finding) -> str:
    """A finding with its trace (``tradegap explain --format json``)."""
    return _result(f)


LAYOUT_ONLY = ("cells_shown", "row_labels")  # how a reader's table is laid out: no data, not in the JSON


def comparison(c: Comparison) -> str:
    """Rows, agreements and every cell (the layout hints for readers' tables left out)."""
    data: Data = converter().unstructure(c)
    for name in LAYOUT_ONLY:
        data.pop(name, None)
    return dumps({**_schema(type(c)), **data})


def diff(d: Diff) -> str:
    """Text changes and grade changes."""
    return _result(d)


def pair(p: Pair) -> str:
    """The agreements binding both and, per norm, the strongest commitment."""
    return _result(p)


def _suggestions_data(items: Sequence[Suggestion]) -> list[Any]:
    data: list[Any] = converter().unstructure(list(items))
    return data


def suggestions(items: Sequence[Suggestion]) -> str:
    """The suggestions alone, under the precedents schema."""
    from engine.views.precedents import Suggestion

    return dumps({**_schema(Suggestion), "suggestions": _suggestions_data(items)})


def suggested_report(sr: SuggestedReport) -> str:
    """The report's object with a ``precedents`` list added."""
    return dumps({**_report_data(sr.report), "precedents": _suggestions_data(sr.suggestions)})


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.listing import AgreementListing, NormListing, WordListing
    from engine.views.precedents import SuggestedReport
    from engine.views.search import Search

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report,
            AgreementListing: _result, NormListing: _result, WordListing: _result, Search: _result}


FORMAT = C.Format("json", C.ByType({Report: report, Finding: finding}, _views), suggestions)
