"""Is this Qt binding safe to keep running all day?

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call that
returns nothing (``QFont.setBold``, ``QObject.setObjectName``, a ``property()``
that is unset).  ``None`` is not immortal before Python 3.12, so after some
thousands of calls -- about a minute of normal use -- the interpreter frees it
and aborts with ``none_dealloc``.  Short tests never notice.

``binding_problem()`` answers from a list of known-bad combinations and from a
live probe of a few hundred such calls, so a future release with the same bug
is caught too.  ``quickreply doctor`` and the frozen build's smoke test use it.
"""

from __future__ import annotations

import ctypes
import sys

from desktop.qt import QtCore

# (PySide6 version, first Python version on which the release is harmless)
KNOWN_BAD: tuple[tuple[str, tuple[int, int]], ...] = (("6.12.0", (3, 12)),)
PROBE_CALLS = 300
SLACK = 20  # other code running at the same moment can move the count a little


def known_bad(pyside: str, python: tuple[int, ...] = tuple(sys.version_info[:2])) -> bool:
    return any(pyside == bad and python < fixed for bad, fixed in KNOWN_BAD)


def references_dropped(calls: int = PROBE_CALLS) -> int:
    """How many references to None ``calls`` void Qt calls lost (0 on a sound binding).

    The lost references are given back before returning, so probing a broken
    binding does not itself bring the crash closer.
    """
    probe = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
        probe.property("quickreply-unset")
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return lost if lost > SLACK else 0


def binding_problem() -> str | None:
    """One line for ``quickreply doctor`` (Chinese, like the rest of the CLI), or None."""
    import PySide6

    version = PySide6.__version__
    python = ".".join(map(str, sys.version_info[:3]))
    remedy = "请安装 PySide6 6.11.3，或改用 Python 3.12 以上"
    lost = references_dropped()
    if lost:
        return (f"PySide6 {version} 在 Python {python} 上有引用计数缺陷（{PROBE_CALLS} 次调用丢失 "
                f"{lost} 个引用），快回使用几分钟后会崩溃：{remedy}")
    if known_bad(version):
        return f"PySide6 {version} 与 Python {python} 是已知有问题的组合，快回可能在使用中崩溃：{remedy}"
    return None
