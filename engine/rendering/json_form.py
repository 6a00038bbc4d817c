"""The JSON contract: a versioned, documented form of every result (see engine/schemas/)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re

from engine.evaluation.findings import REPORT_SCHEMA, Report


@functools.lru_cache(maxsize=1)
def converter():
    """A cattrs converter: dates as ISO strings, tuples as lists."""
    import cattrs

    conv = cattrs.Converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    return conv


def report_dict(report: Report, with_candidates: bool = False) -> dict:
    data = converter().unstructure(report)
    if not with_candidates:
        for f in data["findings"]:
            f.pop("candidates", None)
    return {"schema": {"name": REPORT_SCHEMA[0], "version": REPORT_SCHEMA[1]}, **data}


# Characters JSON may carry raw but a terminal or editor showing the file would act on:
# DEL and C1 controls (0x9b starts an escape sequence), bidi marks, line separators.
_INERT = re.compile("[\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data) -> str:
    """JSON text: the data exactly, with every character that could act written as a ``\\u`` escape."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    return _INERT.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render(result) -> str:
    if isinstance(result, Report):
        return dumps(report_dict(result))
    return dumps({"schema": {"name": f"tradegap.{type(result).__name__.lower()}", "version": "1.0"},
                  **converter().unstructure(result)})
