"""``python -m engine``: the same as the ``tradegap`` command."""

import sys

from engine.cli import program

sys.exit(program())
