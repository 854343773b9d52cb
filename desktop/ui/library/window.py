"""The 话术库 window: category tree, phrase list, editor; undo for every change.

One rule runs through it: text typed into the editor is never lost.  Leaving
a phrase (another row, another category, Ctrl+N, undo, closing) saves it
first; when the save is refused (say a taken shortcut code) the phrase stays
selected and the message is shown instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop.core import Library, QuickReplyError
from desktop.core.store.models import Category
from desktop.qt import Qt, QtCore, QtGui, QTimer, QtWidgets, Signal
from desktop.ui.i18n import says
from desktop.ui.library import commands as cmd
from desktop.ui.library.editor import PhraseEditor
from desktop.ui.library.operations import Operations
from desktop.ui.library.phrase_model import CATEGORY, NOTE, PhraseSortProxy, PhraseTableModel
from desktop.ui.library.tree_model import CategoryTreeModel
from desktop.ui.library.window_parts import build_actions, build_layout

SEARCH_LIMIT = 500
log = logging.getLogger("quickreply.library")
_ID = PhraseTableModel.IdRole


class LibraryWindow(QtWidgets.QMainWindow):
    drill_requested = Signal(list)  # 练习这个分类: the category path ([] = whole library)
    # made by window_parts.build_layout, kept here
    tree: QtWidgets.QTreeView
    phrase_view: QtWidgets.QTreeView
    search: QtWidgets.QLineEdit
    note_title: QtWidgets.QLabel
    note_label: QtWidgets.QLabel
    note_button: QtWidgets.QPushButton

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = library
        self.setWindowTitle(self.tr("话术库 - 快回"))
        self.resize(1280, 760)
        self.browse = False
        self.last_message = ""
        self._guard = False
        self.stack = QtGui.QUndoStack(self)
        self.tree_model = CategoryTreeModel(library, self)
        self.phrase_model = PhraseTableModel(self)
        self.proxy = PhraseSortProxy(self)
        self.proxy.setSourceModel(self.phrase_model)
        self.editor = PhraseEditor(library, self)
        self.ops = Operations(self)
        panes = build_layout(self)  # tree, search, list, note panel, editor in a splitter
        self.tree, self.phrase_view, self.search = panes.tree, panes.phrase_view, panes.search
        self.note_title, self.note_label = panes.note_title, panes.note_label
        self.note_button = panes.note_button
        self.actions_by_name = build_actions(self)
        self._connect()
        app = QtCore.QCoreApplication.instance()
        if app is not None:  # quitting from the tray skips closeEvent
            app.aboutToQuit.connect(self._save_before_quit)
        self.refresh()
        self.tree.expandToDepth(0)
        self.ops.apply_browse_setting()

    def show_browse(self, on: bool) -> None:
        """Read-only for new hires: notes shown, every editing action off."""
        self.browse = on
        toggle = self.actions_by_name["browse"]
        toggle.blockSignals(True)
        toggle.setChecked(on)
        toggle.blockSignals(False)
        self.tree_model.set_browse(on)
        self.phrase_model.set_browse(on)
        self.editor.set_browse(on)
        self.phrase_view.setColumnHidden(NOTE, not on)
        for action in self.actions_by_name.values():
            if action.property("edits"):
                action.setEnabled(not on)

    def _connect(self) -> None:
        self.stack.indexChanged.connect(self._on_stack_changed)
        self.tree_model.rename_requested.connect(
            lambda cid, name: self.ops.rename_category(name, cid)
        )
        self.tree_model.move_requested.connect(self.ops.move_category)
        self.tree_model.phrases_dropped.connect(self.ops.move_phrases)
        self.tree.selectionModel().currentChanged.connect(self._on_category_changed)
        self.phrase_view.selectionModel().currentChanged.connect(self._on_phrase_changed)
        self.search.textChanged.connect(self._on_category_changed)
        self.editor.save_button.clicked.connect(self.save_editor)
        self.note_button.clicked.connect(lambda: self.ops.edit_category_note())

    # ----- messages and questions (tests replace confirm/ask_text) ---------------------
    def report(self, text: str) -> None:
        self.last_message = text
        self.statusBar().showMessage(text, 12000)

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No; the text names categories and phrases, so it is shown as plain text."""
        buttons = QtWidgets.QMessageBox.StandardButton
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Question, title, text, buttons.Yes | buttons.No, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(buttons.No)
        return box.exec() == buttons.Yes

    def ask_text(
        self, title: str, label: str, text: str = "", *, multiline: bool = False
    ) -> str | None:
        ask = (
            QtWidgets.QInputDialog.getMultiLineText if multiline else QtWidgets.QInputDialog.getText
        )
        value, ok = ask(self, title, label, text=text)
        return value if ok else None

    # ----- running commands ----------------------------------------------------------
    def run(self, command: cmd.LibraryCommand, after: Callable[[], None] | None = None) -> bool:
        """Do it now (a refusal is reported and nothing is pushed), then push for undo."""
        try:
            command.run_first(self.report)
        except QuickReplyError as exc:
            self.report(says(exc))
            return False
        if after is not None:
            after()
        self.stack.push(command)  # refreshes through indexChanged
        return True

    def save_editor(self) -> bool:
        """Save a dirty editor; False (with the message shown) when the library refuses."""
        editor = self.editor
        if not editor.is_dirty():
            return True
        try:
            if editor.phrase is None:
                assert editor.draft_category is not None
                command: cmd.LibraryCommand = cmd.AddPhrase(
                    self.lib, editor.draft_category, editor.values()
                )
            else:
                old, new = editor.changes()
                command = cmd.EditPhrase(self.lib, editor.phrase.id, old, new)
        except QuickReplyError as exc:  # e.g. too many tags, found while reading the fields
            editor.show_error(says(exc))
            return False
        phrase_id = editor.phrase.id if editor.phrase else None

        def saved() -> None:
            editor.mark_saved(self.lib.get(phrase_id or command.phrase_id))  # type: ignore[attr-defined]

        if not self.run(command, after=saved):
            editor.show_error(self.last_message)
            return False
        if phrase_id is None:
            self.select_phrase(command.phrase_id)  # type: ignore[attr-defined]
        self.report(self.tr("已保存"))
        return True

    def undo(self) -> None:
        if self.save_editor():
            self.stack.undo()

    def redo(self) -> None:
        if self.save_editor():
            self.stack.redo()

    # ----- reading the views ---------------------------------------------------------
    def request_drill(self) -> None:
        cat = self.current_category()
        self.drill_requested.emit(list(cat.path) if cat is not None else [])

    def current_category(self) -> Category | None:
        return self.tree_model.category(self.tree.currentIndex())

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.phrase_view.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(_ID) for r in self.selected_rows()]

    def select_category(self, category_id: int | None) -> None:
        index = self.tree_model.index_of(category_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def select_phrase(self, phrase_id: str | None) -> None:
        row = self.phrase_model.row_of(phrase_id) if phrase_id else -1
        self.select_row(
            self.proxy.mapFromSource(self.phrase_model.index(row, 0)).row() if row >= 0 else -1
        )

    def select_row(self, row: int) -> None:
        count = self.proxy.rowCount()
        if count == 0 or row < 0:
            return
        self.phrase_view.setCurrentIndex(self.proxy.index(min(row, count - 1), 0))

    def _on_stack_changed(self, _index: int) -> None:
        if self.lib.closed:  # the stack clears itself at exit, after the file closed
            log.debug("library closed; window not refreshed")
            return
        self.refresh()

    # ----- refreshing ----------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the library (after a command, an undo, or a change from outside)."""
        self._guard = True
        try:
            current = self.current_category()
            self.tree_model.reload()
            self.select_category(current.id if current else None)
            self._fill_list()
            self._sync_editor()
        finally:
            self._guard = False
        self.show_category_note()

    def _fill_list(self) -> None:
        keep = set(self.selected_ids())
        current = self.phrase_view.currentIndex().data(_ID)
        query = self.search.text().strip()
        cat = self.current_category()
        if query:
            phrases = self.lib.search(query, limit=SEARCH_LIMIT)
        else:
            phrases = self.lib.phrases(cat.path) if cat else self.lib.phrases()
        freq = self.lib.frecency
        self.phrase_model.set_rows(phrases, freq.count, freq.last, self.lib.read_only_categories())
        selection = QtCore.QItemSelection()
        for row in range(self.proxy.rowCount()):
            pid = self.proxy.index(row, 0).data(_ID)
            if pid in keep:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, CATEGORY))
            if pid == current:
                self.phrase_view.selectionModel().setCurrentIndex(
                    self.proxy.index(row, 0), QtCore.QItemSelectionModel.SelectionFlag.NoUpdate
                )
        self.phrase_view.selectionModel().select(
            selection, QtCore.QItemSelectionModel.SelectionFlag.Select
        )

    def _sync_editor(self) -> None:
        """Show what the library now holds for the edited phrase, unless it has unsaved text."""
        phrase = self.editor.phrase
        if phrase is None or self.editor.is_dirty():
            return
        try:
            fresh = self.lib.get(phrase.id)
        except QuickReplyError:
            fresh = None
        if fresh is None or fresh.in_trash:
            self.editor.show_phrase(None)
        elif fresh != phrase:
            self.editor.show_phrase(fresh, read_only=not self.lib.is_editable(fresh.category_id))

    def show_category_note(self) -> None:
        cat = self.current_category()
        self.note_label.setText(cat.note if cat and cat.note else self.tr("（这个分类还没有说明）"))
        self.note_title.setText(" › ".join(cat.path) if cat else self.tr("全部话术"))
        self.note_button.setVisible(cat is not None and not self.browse)

    # ----- navigation: save on leave ---------------------------------------------------
    def _on_category_changed(self, *_: object) -> None:
        # Hidden, the list is refilled on the next open (``refresh``); a late
        # model signal after closing must not touch a library that may be closed.
        if self._guard or not self.isVisible():
            return
        self.save_editor()  # a refusal keeps the editor's text and shows why
        self._guard = True
        try:
            self._fill_list()
        finally:
            self._guard = False
        self.show_category_note()

    def _on_phrase_changed(
        self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex
    ) -> None:
        if self._guard:
            return
        pid = current.data(_ID) if current.isValid() else None
        editing = self.editor.phrase.id if self.editor.phrase else None
        if pid == editing and self.editor.draft_category is None:
            return
        if not self.save_editor():
            QTimer.singleShot(0, self._back_to_edited)  # after the view finishes its click
            return
        self._load(pid)

    def _back_to_edited(self) -> None:
        self._guard = True
        try:
            phrase = self.editor.phrase
            row = self.phrase_model.row_of(phrase.id) if phrase else -1
            if row >= 0:
                index = self.proxy.mapFromSource(self.phrase_model.index(row, 0))
                self.phrase_view.selectionModel().setCurrentIndex(
                    index,
                    QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QtCore.QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                self.phrase_view.clearSelection()
        finally:
            self._guard = False

    def _load(self, phrase_id: str | None) -> None:
        phrase = self.lib.get(phrase_id) if phrase_id else None
        read_only = phrase is not None and not self.lib.is_editable(phrase.category_id)
        self.editor.show_phrase(phrase, read_only=read_only)

    def new_phrase(self) -> None:
        if self.browse or not self.save_editor():
            return
        cat = self.current_category()
        if cat is None and self.editor.phrase is not None:
            cat = self.lib.tree.by_id.get(self.editor.phrase.category_id)
        self._guard = True
        try:
            self.phrase_view.clearSelection()
            self.phrase_view.setCurrentIndex(QtCore.QModelIndex())
        finally:
            self._guard = False
        self.editor.start_draft(cat.path if cat else ("未分类",))

    # ----- closing ------------------------------------------------------------------------
    def _save_before_quit(self) -> None:
        if not self.save_editor():
            log.warning("unsaved phrase could not be saved at quit: %s", self.last_message)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.save_editor():
            event.accept()
            return
        text = self.tr("这条话术无法保存：%1\n\n放弃修改并关闭？").replace("%1", self.last_message)
        if self.confirm(self.tr("未保存的修改"), text):
            self.editor.show_phrase(self.editor.phrase)
            event.accept()
        else:
            event.ignore()
