"""The cycle collector paused while a block makes very many objects that refer to no
other made there.

Python's cycle collector runs as objects are made, and each full run walks every object
alive that can hold others. Making a million readings, or judging ten thousand
indicators beside a plug-in's hundred thousand ranges and targets, would set it walking
the same live objects again and again, to find nothing: none of what those blocks make
refers back to itself. [`paused`][corpparent._collector.paused] turns it off for the
block and back on after, as it found it. It is process-wide: another thread making
objects meanwhile has no cycle collection until the block ends (memory is still freed
as objects are let go; only cycles wait).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cycle collector off, then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
