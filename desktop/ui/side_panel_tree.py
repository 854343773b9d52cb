"""The side panel's category picker: 常用 first, then the library's category tree.

A compact tree rather than tabs: the default library has seven top-level
categories with subcategories, which would not fit as tabs across a 260 px panel.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.store.models import Category
from desktop.qt import Qt, QtWidgets, Signal
from desktop.ui.side_panel_list import plain_tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
FREQUENT: tuple[str, ...] = ()  # the path of the 常用 entry: pinned and most-used phrases


class CategoryPicker(QtWidgets.QTreeWidget):
    """Emits ``chosen`` with a category path, or ``FREQUENT`` for 常用."""

    chosen = Signal(tuple)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categories")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setExpandsOnDoubleClick(False)  # one click opens; see _on_clicked
        self.currentItemChanged.connect(self._on_current)
        self.itemClicked.connect(self._on_clicked)

    def set_categories(self, categories: Sequence[Category]) -> None:
        """Rebuild, keeping the chosen category when it still exists (else 常用)."""
        keep = self.current_path()
        self.blockSignals(True)
        self.clear()
        frequent = QtWidgets.QTreeWidgetItem(self, [self.tr("常用")])
        frequent.setData(0, PATH_ROLE, FREQUENT)
        items: dict[tuple[str, ...], QtWidgets.QTreeWidgetItem] = {}
        for cat in categories:
            parent = items.get(cat.path[:-1])
            item = QtWidgets.QTreeWidgetItem([cat.name])
            item.setData(0, PATH_ROLE, cat.path)
            if cat.note:
                item.setToolTip(0, plain_tooltip(cat.note))  # a note for new hires
            if parent is None:
                self.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[cat.path] = item
        self.setCurrentItem(items.get(keep, frequent))
        self.blockSignals(False)

    def current_path(self) -> tuple[str, ...]:
        item = self.currentItem()
        path = item.data(0, PATH_ROLE) if item is not None else None
        return tuple(path) if path else FREQUENT

    def select(self, path: Sequence[str]) -> None:
        for item in self._all_items():
            if tuple(item.data(0, PATH_ROLE) or ()) == tuple(path):
                self.setCurrentItem(item)
                return

    def _all_items(self) -> list[QtWidgets.QTreeWidgetItem]:
        """Every item, parents before their children (QTreeWidgetItemIterator's order)."""
        out: list[QtWidgets.QTreeWidgetItem] = []
        iterator = QtWidgets.QTreeWidgetItemIterator(self)
        while (item := iterator.value()) is not None:
            out.append(item)
            iterator += 1
        return out

    def _on_current(self, current: QtWidgets.QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.chosen.emit(self.current_path())

    def _on_clicked(self, item: QtWidgets.QTreeWidgetItem, _column: int) -> None:
        """A click on a parent both shows its phrases and opens it, to save a click."""
        if item.childCount() and not item.isExpanded():
            item.setExpanded(True)
