"""The Qt-free core: storage, search, templates, lint and packs.

Nothing here imports Qt, ``keyboard`` or ``pyperclip``; a test checks that.
"""

from desktop.core.base.errors import (
    DatabaseError,
    MissingFieldsError,
    NotFoundError,
    PackError,
    QuickReplyError,
    ValidationError,
)
from desktop.core.store.library import Library
from desktop.core.store.models import Category, Phrase

__all__ = [
    "Category",
    "DatabaseError",
    "Library",
    "MissingFieldsError",
    "NotFoundError",
    "PackError",
    "Phrase",
    "QuickReplyError",
    "ValidationError",
]
