"""The keywords of the language, read from the grammar itself (for completion, hover and highlighting).

Every keyword is a terminal of ``grammar/tradegap.lark`` written as a plain string (``TOPIC: "topic"``);
reading them from the grammar keeps the editors' word lists in step with the parser.
"""

from __future__ import annotations

import functools
import importlib.resources
import re

_KEYWORD = re.compile(r'^_?[A-Z][A-Z_]*:\s*"([a-z][a-z-]*)"\s*$', re.M)


@functools.lru_cache(maxsize=1)
def keywords() -> tuple[str, ...]:
    """Every keyword of the language, as written (``based-on``, ``in-force``), in grammar order."""
    grammar = importlib.resources.files("engine").joinpath("syntax/grammar/tradegap.lark").read_text(encoding="utf-8")
    return tuple(dict.fromkeys(_KEYWORD.findall(grammar)))
