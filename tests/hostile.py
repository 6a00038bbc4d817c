"""Hostile text for the safe-output tests: payloads for every output format, and files that carry them.

Shared by tests/rendering/test_safe_output.py, tests/language/test_diagnostics.py and tests/cli/test_list_cmd.py.
"""

from __future__ import annotations

import re
from typing import Any

from engine.checking.corpus import load_text

HTML = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ATTR = '" onmouseover="alert(1)" x="'
PIPE = "a | b || c"
MARKDOWN = "**bold** [link](javascript:alert(1)) `code` _it_ # head"
FORMULAS = ["=HYPERLINK(\"http://evil\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
ESCAPES = "\x1b[31mred\x1b[0m\x1b]0;owned\x07\x9b2J\x07\x08"
BIDI = "\u202eevil\u202c \u2066x\u2069\u200f"
PAYLOADS = [HTML, ATTR, PIPE, MARKDOWN, ESCAPES, BIDI] + FORMULAS

# What must never reach a terminal, a table or a page: C0 controls but tab and newline, DEL,
# C1 controls (0x9b is CSI on some terminals) and the bidi controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def dsl(s: str) -> str:
    """A DSL string literal (strings hold any character but a newline)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ") + '"'


def evil_files(payload: str) -> list[Any]:
    """An agreement and a norm set whose every title, quote and reason is the payload, loaded."""
    p = dsl(payload)
    agreement = f"""agreement evil {p} {{
  parties JP KR
  status  in-force
  in-force 2020-01-01
  chapter 1 {p} {{
    article 1.1 {p} {{
      topic   cross-border-data
      binding {p}
      exception public-policy self-judging {p}
      transition KR years 900 {p}
    }}
  }}
}}
"""
    norms = f"""norms evilnorms {p} {{
  version {p}
  source  {p}
  norm data-flows {p} {{
    topic cross-border-data
    require strength at-least binding because {p}
    forbid exception any self-judging because {p}
  }}
}}
"""
    return [load_text(agreement, "evil.agr"), load_text(norms, "evil.norms")]
