"""Domain errors. Core raises these; the CLI and the UI turn them into messages.

Every message is one line in the user's language (Chinese first), fit to show
as it is.
"""

from __future__ import annotations

from desktop.core.base.messages import Message


class QuickReplyError(Exception):
    """A problem the user can act on (bad input, missing phrase, damaged file)."""


class NotFoundError(QuickReplyError):
    pass


class ValidationError(QuickReplyError):
    pass


class PackError(QuickReplyError):
    """A pack file that cannot be imported; the library was left unchanged."""


class DatabaseError(QuickReplyError):
    """The library file cannot be opened or is damaged."""


class MissingFieldsError(QuickReplyError):
    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        super().__init__(Message("缺少占位符的值：{names}", names="、".join(names)))
