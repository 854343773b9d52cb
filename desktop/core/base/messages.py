"""Wording the core shows to people, kept translatable.

Core code is Qt-free and speaks Chinese, the product's first language: a
``Message`` *is* its Chinese text, so the CLI, logs and tests use it as a plain
``str``.  It also remembers its pattern and the values put into it, so the UI
can look the pattern up in its English catalogue and fill in the same values
(``desktop.ui.i18n.says``).  ``resources/translations/refresh.py`` finds every
``Message("…")`` in the sources, like ``tr("…")`` in the UI.

Patterns name their blanks ``{like_this}`` (lowercase ASCII).  Filling is plain
replacement in one pass: a value is never read as a pattern, so phrase text,
file names or error texts with braces in them come out exactly as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11

_BLANK = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def fill(pattern: str, values: Mapping[str, object], show: Callable[[object], str] = str) -> str:
    """``pattern`` with each ``{name}`` that has a value replaced by ``show(value)``.

    Braces that name nothing (``{{``, ``{订单号}``) stay as written.
    """

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return show(values[name]) if name in values else match.group(0)

    return _BLANK.sub(one, pattern)


class Message(str):
    """A sentence for the user: the Chinese text, plus ``pattern`` and ``values``.

    Values may be messages themselves (a row number around a cell's problem);
    they are translated along with the outer one.
    """

    pattern: str
    values: dict[str, object]

    def __new__(cls, pattern: str, /, **values: object) -> Self:
        # Without values there is nothing to fill (``fill`` would return the pattern):
        # labels such as Message("标题") are made for every phrase an import checks.
        self = super().__new__(cls, fill(pattern, values) if values else pattern)
        self.pattern = pattern
        self.values = values
        return self

    def __reduce__(self) -> tuple[object, ...]:
        # keep pattern and values through pickling (multiprocessing, copy)
        return (_rebuild, (self.pattern, self.values))


def _rebuild(pattern: str, values: dict[str, object]) -> Message:
    return Message(pattern, **values)


def message_of(error: BaseException) -> str:
    """The user-facing text an exception carries: its ``Message`` when it has one."""
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def translated(text: object, lookup: Callable[[str], str]) -> str:
    """``text`` in another language: ``lookup`` maps a Chinese pattern to its translation.

    A ``Message`` is looked up and filled with its values, themselves
    translated; an exception gives its message; anything else (file names,
    OS error texts, phrase text) is shown as it is.
    """
    if isinstance(text, BaseException):
        text = message_of(text)
    if isinstance(text, Message):
        return fill(lookup(text.pattern), text.values, lambda v: translated(v, lookup))
    return str(text)


# ----- kept in the library file --------------------------------------------------
# A message stored for later (a subscription's last problem) keeps its pattern, so a
# window opened in English next week can still translate it.  Plain text stays as is.
_RECORD_KEY = "quickreply.message"


def to_record(text: str) -> str:
    """``text`` as stored: a ``Message`` as a small JSON object, anything else unchanged."""
    return json.dumps(_encode(text), ensure_ascii=False) if isinstance(text, Message) else text


def from_record(stored: str) -> str:
    """What ``to_record`` wrote, back as a ``Message``; other text (older rows) as it is."""
    if not stored.startswith("{"):
        return stored
    try:
        return _decode(json.loads(stored))
    except (ValueError, TypeError, KeyError):
        return stored


def _encode(value: object) -> object:
    if isinstance(value, Message):
        values = {k: _encode(v) for k, v in value.values.items()}
        return {_RECORD_KEY: value.pattern, "values": values}
    return str(value)


def _decode(value: object) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict) or not isinstance(value[_RECORD_KEY], str):
        raise TypeError("not a stored message")
    values = value["values"]
    if not isinstance(values, dict):
        raise TypeError("not a stored message")
    return Message(value[_RECORD_KEY], **{str(k): _decode(v) for k, v in values.items()})
