"""Building the library window: its panes and its keyboard-first actions.

Every action has a shortcut and sits in a menu, so each one can be found
and reached without the mouse.  Actions marked ``edits`` are turned off in
browse mode.  Del and Alt+↑/↓ act on the pane that has focus (tree or list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.qt import Qt, QtGui, QtWidgets
from desktop.ui.library.editor_parts import named, plain_label
from desktop.ui.library.phrase_model import CATEGORY, CODE, LAST, NOTE, TAGS, TITLE, USES
from desktop.ui.library.views import CategoryView

if TYPE_CHECKING:
    from desktop.ui.library.host import LibraryHost

_KEY = QtGui.QKeySequence


@dataclass(frozen=True)
class Panes:
    """The widgets ``build_layout`` makes, for the window to keep."""

    tree: CategoryView
    phrase_view: QtWidgets.QTreeView
    search: QtWidgets.QLineEdit
    note_title: QtWidgets.QLabel
    note_label: QtWidgets.QLabel
    note_button: QtWidgets.QPushButton


def build_layout(w: LibraryHost) -> Panes:
    """Lay the panes out in ``w`` (tree and note, search and list, editor) and hand them back."""
    tree = named(CategoryView(), "categoryTree")
    tree.setModel(w.tree_model)
    tree.setDragEnabled(True)
    tree.setAcceptDrops(True)
    tree.setDropIndicatorShown(True)
    tree.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragDrop)
    tree.setDefaultDropAction(Qt.DropAction.MoveAction)
    tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    note_title = plain_label("noteTitle", wrap=False, style="font-weight: bold;")
    note_label = plain_label("categoryNote", style="color: #404040;")
    note_button = QtWidgets.QPushButton(w.tr("编辑说明…"))
    left = QtWidgets.QWidget()
    left_layout = QtWidgets.QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(tree, 1)
    note_box = named(QtWidgets.QFrame(), "noteBox", "background: #eef3fa; border-radius: 3px;")
    note_layout = QtWidgets.QVBoxLayout(note_box)
    note_layout.addWidget(note_title)
    note_layout.addWidget(note_label)
    note_layout.addWidget(note_button, 0, Qt.AlignmentFlag.AlignRight)
    left_layout.addWidget(note_box)

    search = named(QtWidgets.QLineEdit(), "librarySearch")
    search.setPlaceholderText(w.tr("搜索全部话术：汉字、拼音、首字母或编码（Ctrl+F）"))
    search.setClearButtonEnabled(True)
    view = named(QtWidgets.QTreeView(), "phraseList")
    view.setModel(w.proxy)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setDragEnabled(True)
    view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    header = view.header()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    header.setStretchLastSection(True)
    for column, width in (
        (TITLE, 170),
        (CODE, 60),
        (TAGS, 90),
        (NOTE, 200),
        (USES, 44),
        (LAST, 84),
        (CATEGORY, 120),
    ):
        view.setColumnWidth(column, width)
    view.setColumnHidden(NOTE, True)
    middle = QtWidgets.QWidget()
    middle_layout = QtWidgets.QVBoxLayout(middle)
    middle_layout.setContentsMargins(0, 0, 0, 0)
    middle_layout.addWidget(search)
    middle_layout.addWidget(view, 1)

    splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(middle)
    splitter.addWidget(w.editor)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([260, 600, 420])

    def rewrap(*_: object) -> None:
        if w.browse:  # notes wrap to the new width
            tree.doItemsLayout()

    splitter.splitterMoved.connect(rewrap)
    w.setCentralWidget(splitter)
    return Panes(tree, view, search, note_title, note_label, note_button)


def build_actions(w: LibraryHost) -> dict[str, QtGui.QAction]:
    ops = w.ops
    actions: dict[str, QtGui.QAction] = {}

    def make(
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: tuple = (),
        *,
        edits: bool = True,
        on: QtWidgets.QWidget | None = None,
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, w)
        action.setShortcuts([_KEY(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        action.edits = edits  # type: ignore[attr-defined]
        if on is None:
            w.addAction(action)
        else:  # only while that pane has focus, and in its context menu
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            on.addAction(action)
        actions[name] = action
        return action

    tr = w.tr  # spelt tr("…") so lupdate finds the strings
    make("new_phrase", tr("新建话术"), w.new_phrase, ("Ctrl+N",))
    make("new_category", tr("新建分类"), lambda: ops.new_category(), ("Ctrl+Shift+N",))
    make("save", tr("保存"), w.save_editor, ("Ctrl+S",), edits=False)
    make("undo", tr("撤销"), w.undo, (_KEY.StandardKey.Undo,))
    make("redo", tr("重做"), w.redo, ("Ctrl+Y", "Ctrl+Shift+Z"))
    make("search", tr("搜索"), ops.focus_search, ("Ctrl+F",), edits=False)
    make("rename", tr("重命名"), ops.rename, ("F2",))
    make("trash", tr("回收站"), ops.open_trash, edits=False)
    make("handbook", tr("导出手册…"), ops.export_handbook_dialog, ("Ctrl+E",), edits=False)
    make("close", tr("关闭"), w.close, ("Ctrl+W",), edits=False)
    make("drill", tr("练习这个分类"), w.request_drill, edits=False)
    browse = make("browse", tr("新人浏览模式"), lambda: None, edits=False)
    browse.setCheckable(True)
    browse.toggled.connect(ops.set_browse)

    tree, view = w.tree, w.phrase_view
    for name in ("new_category",):
        tree.addAction(actions[name])
    make("new_subcategory", tr("新建子分类"), lambda: ops.new_category(child=True), on=tree)
    tree.addAction(actions["rename"])
    tree.addAction(actions["drill"])
    make("category_note", tr("编辑说明…"), lambda: ops.edit_category_note(), on=tree)
    make("category_up", tr("上移"), lambda: ops.move_category_by(-1), ("Alt+Up",), on=tree)
    make("category_down", tr("下移"), lambda: ops.move_category_by(1), ("Alt+Down",), on=tree)
    make("delete_category", tr("删除分类…"), ops.delete_category, ("Del",), on=tree)

    view.addAction(actions["new_phrase"])
    make("move_to", tr("移动到分类…"), ops.move_phrases_to, ("Ctrl+M",), on=view)
    make("pin", tr("置顶 / 取消置顶"), ops.toggle_pin, ("Ctrl+D",), on=view)
    make("add_tag", tr("添加标签…"), lambda: ops.change_tag(True), ("Ctrl+T",), on=view)
    make("remove_tag", tr("移除标签…"), lambda: ops.change_tag(False), ("Ctrl+Shift+T",), on=view)
    make("phrase_up", tr("上移"), lambda: ops.move_phrase_by(-1), ("Alt+Up",), on=view)
    make("phrase_down", tr("下移"), lambda: ops.move_phrase_by(1), ("Alt+Down",), on=view)
    make("delete_phrases", tr("删除话术"), ops.delete_phrases, ("Del",), on=view)

    _menus(w, actions)
    _toolbar(w, actions)
    return actions


def _menus(w: LibraryHost, a: dict[str, QtGui.QAction]) -> None:
    bar = w.menuBar()
    for title, names in (
        (
            w.tr("话术库"),
            ("new_phrase", "new_category", "save", None, "trash", "handbook", None, "close"),
        ),
        (
            w.tr("编辑"),
            (
                "undo",
                "redo",
                None,
                "search",
                "rename",
                None,
                "move_to",
                "pin",
                "add_tag",
                "remove_tag",
                "phrase_up",
                "phrase_down",
                None,
                "delete_phrases",
                "delete_category",
            ),
        ),
        (w.tr("查看"), ("browse", "drill")),
    ):
        menu = bar.addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(a[name])


def _toolbar(w: LibraryHost, a: dict[str, QtGui.QAction]) -> None:
    bar = w.addToolBar(w.tr("工具栏"))
    bar.setObjectName("libraryToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in (
        "new_phrase",
        "new_category",
        None,
        "undo",
        "redo",
        None,
        "trash",
        "handbook",
        None,
        "browse",
        "drill",
    ):
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(a[name])
