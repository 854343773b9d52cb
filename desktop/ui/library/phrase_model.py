"""The middle list: phrases of a category or search results, one row each.

A table model with a sort proxy: the source keeps the library's (or the
search's) order, and the proxy sorts by a column only when the user clicks a
header, so "no sort" always means library order again.  Phrase text is shown
through the default delegate, which paints plain text only.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from desktop.core.store.models import Phrase
from desktop.qt import QT_TRANSLATE_NOOP, Qt, QtCore
from desktop.ui.library.tree_model import MIME_PHRASES, plain_tooltip
from desktop.ui.results_model import one_line

_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_NO_PARENT = QtCore.QModelIndex()  # the invisible root, as Qt's default argument
TITLE, CODE, TAGS, NOTE, USES, LAST, CATEGORY = range(7)
_HEADERS = (
    QT_TRANSLATE_NOOP("PhraseTableModel", "标题"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "编码"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "标签"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "适用场景"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "使用"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "最近使用"),
    QT_TRANSLATE_NOOP("PhraseTableModel", "分类"),
)
PIN = "★ "


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("PhraseTableModel", text)


def when(epoch: float | None, now: float | None = None) -> str:
    """Last use as an agent reads it: a time today, else a date."""
    if epoch is None:
        return ""
    moment = datetime.fromtimestamp(epoch)
    today = datetime.fromtimestamp(time.time() if now is None else now).date()
    return f"{moment:%H:%M}" if moment.date() == today else f"{moment:%Y-%m-%d}"


class PhraseTableModel(QtCore.QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    PhraseRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Phrase] = []
        self._tag_separator = tr("、")  # looked up once, not on every repaint
        self._uses: Mapping[str, int] = {}
        self._last: Mapping[str, float] = {}
        self._read_only: set[int] = set()
        self.browse = False

    def set_rows(
        self,
        phrases: Sequence[Phrase],
        uses: Mapping[str, int],
        last: Mapping[str, float],
        read_only: Collection[int] = (),
    ) -> None:
        self.beginResetModel()
        self._rows = list(phrases)
        self._uses, self._last, self._read_only = dict(uses), dict(last), set(read_only)
        self.endResetModel()

    def set_browse(self, on: bool) -> None:
        self.browse = on
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, CATEGORY))

    def phrase(self, row: int) -> Phrase | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [p.id for p in self._rows]

    def row_of(self, phrase_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == phrase_id), -1)

    # ----- QAbstractItemModel ----------------------------------------------------
    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return tr(_HEADERS[section])
        return None

    def _display(self, p: Phrase, column: int) -> str:
        if column == TITLE:
            return (PIN if p.pinned else "") + p.title
        if column == CODE:
            return p.code or ""
        if column == TAGS:
            return self._tag_separator.join(p.tags)
        if column == NOTE:
            return one_line(p.note, 60)
        if column == USES:
            n = self._uses.get(p.id, 0)
            return str(n) if n else ""
        if column == LAST:
            return when(self._last.get(p.id))
        return " › ".join(p.category)

    def _sort_key(self, p: Phrase, column: int) -> Any:
        if column == USES:
            return self._uses.get(p.id, 0)
        if column == LAST:
            return self._last.get(p.id, 0.0)
        if column == TITLE:
            return p.title
        return self._display(p, column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        p = self.phrase(index.row())
        if p is None or not 0 <= index.column() < len(_HEADERS):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(p, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE:
                return plain_tooltip(
                    p.body if not p.note else f"{p.body}\n\n{tr('适用场景：')}{p.note}"
                )
            if column == NOTE and p.note:
                return plain_tooltip(p.note)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == USES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == NOTE and self.browse:
            return QtCore.Qt.GlobalColor.darkYellow
        if role == self.IdRole:
            return p.id
        if role == self.PhraseRole:
            return p
        if role == self.SortRole:
            return self._sort_key(p, column)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        p = self.phrase(index.row())
        if not self.browse and p is not None and p.category_id not in self._read_only:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # ----- drag (to the category tree) -----------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME_PHRASES]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QtCore.QModelIndex]) -> QtCore.QMimeData:  # type: ignore[override]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]
        data = QtCore.QMimeData()
        data.setData(MIME_PHRASES, QtCore.QByteArray("\n".join(ids).encode("utf-8")))
        return data


class PhraseSortProxy(QtCore.QSortFilterProxyModel):
    """Sorts by the source's SortRole; unsorted means the source's own order."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(PhraseTableModel.SortRole)
        self.setSortLocaleAware(True)
