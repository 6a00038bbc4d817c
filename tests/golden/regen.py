"""Rewrite the golden files after a deliberate change: `python tests/golden/regen.py [NAME...]`.

Read `git diff tests/golden` before committing what it wrote: every changed line is a change users see.
"""

from __future__ import annotations

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_cli  # noqa: E402


def main(names: list[str]) -> int:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tradegap-golden-")
    wanted = set(names)
    for name, argv in golden_cli.cases():
        if wanted and name not in wanted:
            continue
        golden_cli.expected_path(name).write_text(golden_cli.run(argv), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
