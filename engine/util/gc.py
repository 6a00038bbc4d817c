"""A pause of the cyclic garbage collector, for callers that make many acyclic objects at once."""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cyclic garbage collector off for the block, and back on after (if it was on).

    Findings are acyclic: the collector has nothing to free while a report is made, and scanning
    thousands of them again and again took half the time of a large report.  The library never
    pauses the collector by itself (it would do so for the host's other threads too); the command
    line and the benchmarks opt in::

        with gc_paused():
            report = evaluate(agreements, norm_sets)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
