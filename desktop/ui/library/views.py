"""The category tree view: keeps its open branches across reloads, and wraps
category notes in browse mode instead of cutting them off."""

from __future__ import annotations

from desktop.qt import Qt, QtCore, QtWidgets
from desktop.ui.library.tree_model import CategoryTreeModel


class WrappingDelegate(QtWidgets.QStyledItemDelegate):
    """Row heights for wrapped text: in browse mode a category's note wraps under
    its name instead of being cut off (the tree's own size hint ignores the width)."""

    def __init__(self, view: QtWidgets.QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> QtCore.QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if "\n" not in text:
            return hint
        depth = len(index.data(CategoryTreeModel.PathRole) or ())
        # leave room for a scroll bar that may appear after the heights are known
        width = self._view.viewport().width() - self._view.indentation() * depth - 30
        rect = option.fontMetrics.boundingRect(
            QtCore.QRect(0, 0, max(width, 60), 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QtCore.QSize(hint.width(), rect.height() + 8)


class CategoryView(QtWidgets.QTreeView):
    """A moved or deleted category resets the model; the same branches stay open."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._expanded: set[int] = set()
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(WrappingDelegate(self))

    def setModel(self, model: QtCore.QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, CategoryTreeModel):
            model.modelAboutToBeReset.connect(self._remember)
            model.modelReset.connect(self._restore)

    def _tree(self) -> CategoryTreeModel:
        model = self.model()
        assert isinstance(model, CategoryTreeModel)
        return model

    def _remember(self) -> None:
        model = self._tree()
        self._expanded = {c for c in model.category_ids() if self.isExpanded(model.index_of(c))}

    def _restore(self) -> None:
        model = self._tree()
        for cid in self._expanded:
            self.setExpanded(model.index_of(cid), True)
