"""Giving freed memory back to the system after a large, short-lived build.

Building the search index reads every phrase's keys (tens of megabytes at
100,000 phrases) and drops them again, but two things keep that memory from
the system: Python's free lists hold on to a few thousand of the freed row
tuples, each pinning a 1 MB block of the small-object allocator (a full
``gc.collect()`` empties them: 150 → 80 MB at 100,000 phrases), and glibc
keeps freed heap pages for reuse (``malloc_trim`` returns them).  The trim
does nothing elsewhere (Windows, macOS, musl).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: most runs never build a large index

    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def give_back_freed_memory() -> None:
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
