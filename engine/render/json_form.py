"""The JSON contract: a versioned, documented form of every result (see engine/schemas/)."""

from __future__ import annotations

import datetime as dt
import functools
import json

from engine.findings import REPORT_SCHEMA, Report


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


def dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def render(result) -> str:
    if isinstance(result, Report):
        return dumps(report_dict(result))
    return dumps({"schema": {"name": f"tradegap.{type(result).__name__.lower()}", "version": "1.0"},
                  **converter().unstructure(result)})
