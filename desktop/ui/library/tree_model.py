"""The category tree as a Qt item model, with drag and drop and rename in place.

The model never writes to the library.  A rename, a dropped category or
dropped phrases become *requests* (signals) that the window turns into undo
commands; the model then reloads from the library.  That keeps every change
on the undo stack and every business rule in the core.
"""

from __future__ import annotations

from typing import Any

from desktop.core import Library
from desktop.core.store.models import Category
from desktop.qt import Qt, QtCore, Signal
from desktop.ui.plain import plain_tooltip

MIME_CATEGORY = "application/x-quickreply-category"
MIME_PHRASES = "application/x-quickreply-phrases"
_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_NO_PARENT = QtCore.QModelIndex()  # the invisible root, as Qt's default argument


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("CategoryTreeModel", text)


def phrase_ids(data: QtCore.QMimeData) -> list[str]:
    raw = bytes(data.data(MIME_PHRASES).data()).decode("utf-8")
    return [p for p in raw.split("\n") if p]


class CategoryTreeModel(QtCore.QAbstractItemModel):
    """Categories in library order; the internal id of an index is the category id."""

    rename_requested = Signal(int, str)
    move_requested = Signal(int, object, int)  # category, new parent id or None, index
    phrases_dropped = Signal(list, int)  # phrase ids, target category

    IdRole = Qt.ItemDataRole.UserRole + 1
    NoteRole = Qt.ItemDataRole.UserRole + 2
    PathRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, library: Library, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = library
        self.browse = False  # read-only browsing: no rename, no drag, notes shown
        self._counted = tr("%1（%2）")  # looked up once, not on every repaint
        self._cats: dict[int, Category] = {}
        self._children: dict[int | None, list[int]] = {}
        self._read_only: set[int] = set()
        self._counts: dict[int, int] = {}
        self._load()

    # ----- loading ---------------------------------------------------------------
    def _load(self) -> None:
        cats = {c.id: c for c in self._lib.categories()}
        children: dict[int | None, list[int]] = {}
        for cat in cats.values():
            children.setdefault(cat.parent_id, []).append(cat.id)
        direct = self._lib.phrase_counts().items()
        counts = dict.fromkeys(cats, 0)
        for cid, n in direct:
            walk: int | None = cid
            while walk is not None and walk in cats:
                counts[walk] += n
                walk = cats[walk].parent_id
        reshaped = children != self._children
        if reshaped:  # views see the old shape until the reset begins
            self.beginResetModel()
        self._cats, self._children, self._counts = cats, children, counts
        self._read_only = self._lib.read_only_categories()
        if reshaped:
            self.endResetModel()
            return
        for parent, ids in self._children.items():
            parent_index = self.index_of(parent) if parent is not None else QtCore.QModelIndex()
            self.dataChanged.emit(
                self.index(0, 0, parent_index), self.index(len(ids) - 1, 0, parent_index)
            )

    def reload(self) -> None:
        """Re-read the library: in place when only names, notes or counts changed
        (so an open editor or the expanded branches survive), else a reset."""
        self._load()

    def category_ids(self) -> list[int]:
        return list(self._cats)

    def set_browse(self, on: bool) -> None:
        self.beginResetModel()
        self.browse = on
        self.endResetModel()

    # ----- lookups ---------------------------------------------------------------
    def category(self, index: _Index) -> Category | None:
        return self._cats.get(index.internalId()) if index.isValid() else None

    def index_of(self, category_id: int | None) -> QtCore.QModelIndex:
        cat = self._cats.get(category_id) if category_id is not None else None
        if cat is None:
            return QtCore.QModelIndex()
        return self.createIndex(self._children[cat.parent_id].index(cat.id), 0, cat.id)

    def live_count(self, category_id: int) -> int:
        """Live phrases in the category and its subcategories."""
        return self._counts.get(category_id, 0)

    def in_subtree(self, category_id: int, root_id: int) -> bool:
        walk: int | None = category_id
        while walk is not None:
            if walk == root_id:
                return True
            walk = self._cats[walk].parent_id if walk in self._cats else None
        return False

    # ----- QAbstractItemModel ----------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _NO_PARENT) -> QtCore.QModelIndex:
        siblings = self._children.get(parent.internalId() if parent.isValid() else None, [])
        if column != 0 or not 0 <= row < len(siblings):
            return QtCore.QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: _Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        cat = self.category(index)
        if cat is None or cat.parent_id is None:
            return QtCore.QModelIndex()
        return self.index_of(cat.parent_id)

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cat = self.category(index)
        if cat is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            count = self._counts.get(cat.id, 0)
            text = cat.name
            if count:
                text = self._counted.replace("%2", str(count)).replace("%1", cat.name)
            if self.browse and cat.note:
                text += "\n" + cat.note
            return text
        if role == Qt.ItemDataRole.EditRole:
            return cat.name
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = cat.note
            if cat.id in self._read_only:
                tip = tr("来自订阅，只读") + ("\n" + tip if tip else "")
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.ForegroundRole and cat.id in self._read_only:
            return QtCore.Qt.GlobalColor.darkGray
        if role == self.IdRole:
            return cat.id
        if role == self.NoteRole:
            return cat.note
        if role == self.PathRole:
            return cat.path
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self.browse else Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.browse and index.internalId() not in self._read_only:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cat = self.category(index)
        if (
            cat is None
            or role != Qt.ItemDataRole.EditRole
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        name = str(value).strip()
        if name and name != cat.name:
            self.rename_requested.emit(cat.id, name)
        return self._cats.get(cat.id) is not None and self._cats[cat.id].name == name

    # ----- drag and drop -----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_CATEGORY, MIME_PHRASES]

    def mimeData(self, indexes: list[QtCore.QModelIndex]) -> QtCore.QMimeData:  # type: ignore[override]
        data = QtCore.QMimeData()
        cats = [self.category(i) for i in indexes if i.isValid()]
        if cats and cats[0] is not None:
            data.setData(MIME_CATEGORY, QtCore.QByteArray(str(cats[0].id).encode()))
        return data

    def canDropMimeData(
        self, data: QtCore.QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._plan(data, row, parent) is not None

    def _plan(
        self, data: QtCore.QMimeData, row: int, parent: _Index
    ) -> tuple[str, Any, int | None, int] | None:
        """What a drop would do: (kind, dragged, target parent, index), None if refused."""
        parent_id = parent.internalId() if parent.isValid() else None
        if self.browse or (parent_id is not None and parent_id in self._read_only):
            return None
        if data.hasFormat(MIME_PHRASES):
            ids = phrase_ids(data)
            return ("phrases", ids, parent_id, -1) if ids and parent_id is not None else None
        if not data.hasFormat(MIME_CATEGORY):
            return None
        try:
            moving = int(bytes(data.data(MIME_CATEGORY).data()).decode())
        except ValueError:
            return None
        if moving not in self._cats or (
            parent_id is not None and self.in_subtree(parent_id, moving)
        ):
            return None
        siblings = self._children.get(parent_id, [])
        index = len(siblings) if row < 0 else row
        if moving in siblings and siblings.index(moving) < index:
            index -= 1  # counted without the category itself
        return ("category", moving, parent_id, index)

    def dropMimeData(
        self, data: QtCore.QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """Turn the drop into a request; returns False so the view never removes
        the dragged rows itself (the reload after the command shows the move)."""
        plan = self._plan(data, row, parent)
        if plan is None or action == Qt.DropAction.IgnoreAction:
            return False
        kind, item, parent_id, index = plan
        if kind == "phrases":
            self.phrases_dropped.emit(item, parent_id)
        else:
            self.move_requested.emit(item, parent_id, index)
        return False
