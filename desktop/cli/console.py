"""Make console output safe for any code page before anything is printed.

A Chinese Windows console, or a pipe from one, encodes in cp936 (GBK), which
has no emoji and no rarer characters; Python's stdout is strict by default, so
one emoji in a phrase turned into an internal error after the change was
already saved.  Characters the code page lacks are shown as ``?`` instead:
the rest of the line stays readable, and ``--json`` output (always UTF-8
bytes) keeps them exactly.
"""

from __future__ import annotations

import io
import sys

RAISING = ("strict", "surrogateescape")


def make_output_safe() -> None:
    """Replace what the console can't encode instead of raising ``UnicodeEncodeError``."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        # Windows Python opens stdout with surrogateescape (Linux: strict); both raise on
        # a character the code page lacks.  stderr's backslashreplace never does.
        if not isinstance(stream, io.TextIOWrapper) or stream.errors not in RAISING:
            continue  # test runners swap in streams of their own
        try:
            stream.reconfigure(errors="replace")
        except (ValueError, OSError):  # closed or detached: nothing will be printed anyway
            continue
