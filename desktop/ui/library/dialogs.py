"""Small dialogs of the library window: 回收站, choose a category, 导出手册.

They only gather a choice; the window performs it (through the undo stack
where it can be undone).
"""

from __future__ import annotations

from desktop.core import Library
from desktop.qt import Qt, QtWidgets, Signal
from desktop.ui.library.tree_model import CategoryTreeModel


class TrashDialog(QtWidgets.QDialog):
    """Deleted phrases, newest first; restore some or empty the trash for good."""

    restore_requested = Signal(list)
    empty_requested = Signal()

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = library
        self.setWindowTitle(self.tr("回收站"))
        self.resize(620, 420)
        self.list = QtWidgets.QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("标题"), self.tr("原分类"), self.tr("删除时间")])
        self.list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setColumnWidth(0, 240)
        self.list.setColumnWidth(1, 180)
        self.restore_button = QtWidgets.QPushButton(self.tr("恢复所选"))
        self.empty_button = QtWidgets.QPushButton(self.tr("清空回收站…"))
        close = QtWidgets.QPushButton(self.tr("关闭"))
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(self.empty_requested)
        close.clicked.connect(self.accept)
        self.list.itemDoubleClicked.connect(lambda *_: self._restore())
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for p in self._lib.trash():
            when = (p.deleted_at or "").replace("T", " ")[:16]
            item = QtWidgets.QTreeWidgetItem([p.title, " › ".join(p.category), when])
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            self.list.addTopLevelItem(item)
        has = self.list.topLevelItemCount() > 0
        self.restore_button.setEnabled(has)
        self.empty_button.setEnabled(has)

    def _restore(self) -> None:
        ids = [i.data(0, Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        if ids:
            self.restore_requested.emit(ids)


class CategoryPicker(QtWidgets.QDialog):
    """Choose a target category with the keyboard (type to jump, Enter to accept)."""

    def __init__(
        self, library: Library, title: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(320, 420)
        self.model = CategoryTreeModel(library, self)
        self.model.browse = True  # no dragging or renaming in here
        self.view = QtWidgets.QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.expandAll()
        self.view.doubleClicked.connect(self.accept)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        cat = self.model.category(self.view.currentIndex())
        return cat.id if cat else None


class HandbookDialog(QtWidgets.QDialog):
    """Which categories go into the handbook (none ticked: the whole library)."""

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出手册"))
        self.resize(360, 460)
        hint = QtWidgets.QLabel(self.tr("勾选要导出的分类（含子分类）；都不勾选则导出整个话术库。"))
        hint.setWordWrap(True)
        self.title = QtWidgets.QLineEdit(self.tr("话术手册"))
        self.list = QtWidgets.QListWidget()
        for cat in library.categories():
            item = QtWidgets.QListWidgetItem("　" * (len(cat.path) - 1) + cat.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, "/".join(cat.path))
            self.list.addItem(item)
        buttons = QtWidgets.QDialogButtonBox()
        buttons.addButton(
            self.tr("导出 PDF…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        ).clicked.connect(lambda: self._choose("pdf"))
        buttons.addButton(
            self.tr("导出 HTML…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        ).clicked.connect(lambda: self._choose("html"))
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.kind = "pdf"

    def _choose(self, kind: str) -> None:
        self.kind = kind
        self.accept()

    def categories(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]
