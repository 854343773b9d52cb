"""Characters that must not enter the library, found where text comes in.

A lone surrogate (``"\\ud800"`` in JSON, an undecodable byte in a command-line
argument) can't be written as UTF-8: SQLite, the clipboard and every export
would fail on it later, far from its source.  Readers call these checks first
and name the place, so the file is refused whole before anything is written.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """``U+D800`` for the first lone surrogate in ``text`` (a valid pair is one character)."""
    found = _SURROGATE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


# A JSON escape that could decode to a surrogate (``\ud83d``, ``\uDC00``).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def json_may_hold_lone_surrogate(text: str) -> bool:
    """False when the document parsed from ``text`` surely holds no lone surrogate.

    One pass over the text instead of a walk over every value of the parsed
    document (a third of a second for a pack of 100,000 phrases).  Only a
    surrogate in the text itself or an escape of one can put one there; an
    escaped pair (an emoji) or an escaped backslash before ``ud8…`` make this
    answer True and the walk decides.
    """
    return bool(_SURROGATE.search(text) or _SURROGATE_ESCAPE.search(text))


def surrogate_place(value: Any, where: str = "") -> tuple[str, str] | None:
    """(place, code point) of the first lone surrogate anywhere in a JSON document."""
    if isinstance(value, str):
        code = lone_surrogate(value)
        return (where or "$", code) if code else None
    if isinstance(value, dict):
        for key, item in value.items():
            name = str(key)
            code = lone_surrogate(name)
            place = f"{where}.{name}" if where else name
            if code:
                return (where or "$", code)
            found = surrogate_place(item, place)
            if found:
                return found
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found = surrogate_place(item, f"{where}[{n}]")
            if found:
                return found
    return None
