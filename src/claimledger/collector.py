"""Pausing Python's cyclic garbage collector around allocation-heavy work."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block (reference counting still frees).

    For work that allocates millions of small objects and makes no reference
    cycles. The collector's full scans grow with the heap, so in a process with
    a large one (the spaCy model loaded, a web server) their cost grows faster
    than the work: linking spent a third of its time in them at 100k claims
    (bench/linking.py), and with the collector running, decoding 100k stored
    claim rows took 23x the time of 10k; unpickling the gazetteer's ~0.5M
    entries is twice as fast without them. Nesting is safe: an inner block
    leaves the collector as the outer one set it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
