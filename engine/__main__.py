"""``python -m engine``: the same as the ``tradegap`` command."""

import sys

from engine.cli import main

sys.exit(main())
