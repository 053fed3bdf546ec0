"""Only the cyclic garbage collector's young collections, for a stretch of work that allocates much.

A full collection scans every object the collector tracks. While the test plan is built on a big
document, most of what it allocates lives long (the tests' copy of the document, the cases, the
validators), so full collections come often and find little: on GitHub's document three of them
were ~0.5 s of the plan's ~3 s and freed nothing a later collection does not free. Cycles that die
young (an exception with its frames) are still collected by the young generations; what reaches the
old one waits for the next full collection after the stretch (the pipeline makes one before
formatting).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_NEVER = 1 << 30  # a full collection after this many young collections of the middle generation: never here


@contextmanager
def only_young_collections() -> Iterator[None]:
    """Within the block, no full collection starts on its own; the thresholds are restored after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], _NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
