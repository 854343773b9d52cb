"""The picker's result list as a Qt item model.

A plain list model rather than widgets per row: the view only paints the rows
on screen, so a search that returns fifty phrases costs nothing extra, and the
model can be checked with Qt's model tester like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.core.store.models import Phrase
from desktop.qt import Qt, QtCore

CATEGORY_SEPARATOR = " › "
PREVIEW_CHARS = 40
_SPACE = re.compile(r"\s+")

_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


def one_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    """Collapse all whitespace (newlines too) and cut to ``limit`` characters.

    The list shows one line per phrase; a body that starts with a blank line
    would otherwise preview as nothing.
    """
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"


def category_path(phrase: Phrase) -> str:
    return CATEGORY_SEPARATOR.join(phrase.category)


class ResultsModel(QtCore.QAbstractListModel):
    """Holds the phrases of the current search, best first."""

    CategoryRole = Qt.ItemDataRole.UserRole + 1
    CodeRole = Qt.ItemDataRole.UserRole + 2
    PreviewRole = Qt.ItemDataRole.UserRole + 3
    IdRole = Qt.ItemDataRole.UserRole + 4
    PhraseRole = Qt.ItemDataRole.UserRole + 5
    SuggestedRole = Qt.ItemDataRole.UserRole + 6  # a 建议 for the buyer's message

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._phrases: list[Phrase] = []
        self._suggested: frozenset[str] = frozenset()

    # ----- filling -------------------------------------------------------------
    def set_phrases(self, phrases: Sequence[Phrase], suggested: Iterable[str] = ()) -> None:
        """Replace the whole list: a new query is a new list, not an edit of the old one.

        ``suggested``: ids of phrases that are there as 建议 for a buyer's message."""
        self.beginResetModel()
        self._phrases = list(phrases)
        self._suggested = frozenset(suggested)
        self.endResetModel()

    def is_suggested(self, row: int) -> bool:
        phrase = self.phrase(row)
        return phrase is not None and phrase.id in self._suggested

    def phrase(self, row: int) -> Phrase | None:
        if 0 <= row < len(self._phrases):
            return self._phrases[row]
        return None

    def phrases(self) -> list[Phrase]:
        return list(self._phrases)

    def row_of(self, phrase_id: str) -> int:
        """Row of a phrase id, or -1 (used to keep the selection across a refresh)."""
        for row, phrase in enumerate(self._phrases):
            if phrase.id == phrase_id:
                return row
        return -1

    # ----- QAbstractItemModel --------------------------------------------------
    def rowCount(self, parent: _Index = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._phrases)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        phrase = self.phrase(index.row())
        if phrase is None or index.column() != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return phrase.title
        if role == self.CategoryRole:
            return category_path(phrase)
        if role == self.CodeRole:
            return phrase.code or ""
        if role == self.PreviewRole:
            return one_line(phrase.body)
        if role == self.IdRole:
            return phrase.id
        if role == self.PhraseRole:
            return phrase
        if role == self.SuggestedRole:
            return phrase.id in self._suggested
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, QtCore.QByteArray]:
        names = dict(super().roleNames())
        names.update(
            {
                self.CategoryRole: QtCore.QByteArray(b"category"),
                self.CodeRole: QtCore.QByteArray(b"code"),
                self.PreviewRole: QtCore.QByteArray(b"preview"),
                self.IdRole: QtCore.QByteArray(b"phraseId"),
                self.PhraseRole: QtCore.QByteArray(b"phrase"),
                self.SuggestedRole: QtCore.QByteArray(b"suggested"),
            }
        )
        return names
