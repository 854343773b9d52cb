"""The Qt-free core: storage, search, templates, lint and packs.

Nothing here imports Qt, ``keyboard`` or ``pyperclip``; a test checks that.
"""

from typing import TYPE_CHECKING

from desktop.core.base.errors import (
    DatabaseError,
    MissingFieldsError,
    NotFoundError,
    PackError,
    QuickReplyError,
    ValidationError,
)

if TYPE_CHECKING:
    from desktop.core.store.library import Library
    from desktop.core.store.models import Category, Phrase

# The library and its values come on first use (PEP 562): a caller that needs
# only the errors, or a Qt-free helper, doesn't load storage and search.
_LAZY = {
    "Library": "desktop.core.store.library",
    "Category": "desktop.core.store.models",
    "Phrase": "desktop.core.store.models",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
