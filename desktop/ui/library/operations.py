"""What the library window's actions do: each handler reads the selection, asks
for confirmation or a name where needed, and runs an undo command.

Kept apart from the window so the window is only layout, navigation and the
save-on-leave rule.  Nothing here writes to the library except through
``window.run`` (the undo stack), apart from emptying the trash, which is
final by design and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import Library, QuickReplyError
from desktop.core.exchange import handbook
from desktop.qt import QObject, QtWidgets
from desktop.ui.i18n import says
from desktop.ui.library import commands as cmd
from desktop.ui.library.dialogs import CategoryPicker, HandbookDialog, TrashDialog

if TYPE_CHECKING:
    from desktop.ui.library.host import LibraryHost


class Operations(QObject):
    def __init__(self, window: LibraryHost) -> None:
        super().__init__(window)
        self.w = window
        self.trash_dialog: TrashDialog | None = None

    @property
    def lib(self) -> Library:
        return self.w.lib

    def _allowed(self) -> bool:
        """Every change is off in browse mode, and waits for the editor to save."""
        return not self.w.browse and self.w.save_editor()

    def focus_search(self) -> None:
        self.w.search.setFocus()
        self.w.search.selectAll()

    def rename(self) -> None:
        """F2: the category in place when the tree has focus, else the phrase's title."""
        if self.w.browse:
            return
        if self.w.tree.hasFocus() and self.w.tree.currentIndex().isValid():
            self.w.tree.edit(self.w.tree.currentIndex())
        elif self.w.editor.editing:
            self.w.editor.title.setFocus()
            self.w.editor.title.selectAll()

    # ----- phrases -------------------------------------------------------------------
    def delete_phrases(self) -> None:
        ids = self.w.selected_ids()
        if not ids or not self._allowed():
            return
        row = min(self.w.selected_rows())
        if self.w.run(cmd.DeletePhrases(self.lib, ids)):
            self.w.select_row(row)
            self.w.report(self.tr("已移到回收站（Ctrl+Z 撤销）"))

    def move_phrases_to(self) -> None:
        ids = self.w.selected_ids()
        if not ids or not self._allowed():
            return
        picker = CategoryPicker(
            self.lib, self.tr("移动 %1 条话术到…").replace("%1", str(len(ids))), self.w
        )
        if picker.exec() == QtWidgets.QDialog.DialogCode.Accepted and picker.chosen() is not None:
            self.move_phrases(ids, picker.chosen())  # type: ignore[arg-type]

    def move_phrases(self, ids: list[str], category_id: int) -> None:
        if ids and self._allowed():
            self.w.run(cmd.MovePhrases(self.lib, ids, category_id))

    def move_phrase_by(self, delta: int) -> None:
        """Alt+↑/↓: one place up or down within the phrase's own category."""
        ids = self.w.selected_ids()
        if len(ids) != 1 or not self._allowed():
            return
        phrase = self.lib.get(ids[0])
        same = [
            p.id for p in self.lib.phrases(phrase.category) if p.category_id == phrase.category_id
        ]
        index = same.index(phrase.id) + delta
        if 0 <= index < len(same):
            self.w.run(cmd.MovePhrases(self.lib, ids, phrase.category_id, index))

    def toggle_pin(self) -> None:
        ids = self.w.selected_ids()
        if ids and self._allowed():
            flag = not all(self.lib.get(i).pinned for i in ids)
            self.w.run(cmd.SetPinned(self.lib, ids, flag))

    def change_tag(self, add: bool, tag: str | None = None) -> None:
        ids = self.w.selected_ids()
        if not ids or not self._allowed():
            return
        if tag is None:
            label = self.tr("给所选话术添加标签：") if add else self.tr("从所选话术移除标签：")
            tag = self.w.ask_text(self.tr("标签"), label)
        if tag:
            self.w.run(cmd.ChangeTag(self.lib, ids, tag, add=add))

    # ----- categories ------------------------------------------------------------------
    def new_category(self, child: bool = False, name: str | None = None) -> None:
        if not self._allowed():
            return
        current = self.w.current_category()
        parent_id = current.id if child and current else (current.parent_id if current else None)
        index = None
        if current is not None and not child:
            siblings = [c.id for c in self.lib.categories() if c.parent_id == current.parent_id]
            index = siblings.index(current.id) + 1
        if name is None:
            name = self.w.ask_text(self.tr("新建分类"), self.tr("分类名称："))
        if name:
            command = cmd.CreateCategory(self.lib, parent_id, name, index)
            if self.w.run(command):
                self.w.select_category(command.category_id)

    def rename_category(self, name: str, category_id: int) -> None:
        if self._allowed():
            self.w.run(cmd.RenameCategory(self.lib, category_id, name))

    def edit_category_note(self, note: str | None = None) -> None:
        current = self.w.current_category()
        if current is None or not self._allowed():
            return
        if note is None:
            note = self.w.ask_text(
                # the name goes in the title bar, which never reads text as markup
                self.tr("分类说明 - %1").replace("%1", current.name),
                self.tr("这个分类的说明（新人浏览时会看到）："),
                current.note,
                multiline=True,
            )
        if note is not None and note.strip() != current.note:
            self.w.run(cmd.CategoryNote(self.lib, current.id, note))

    def move_category(self, category_id: int, parent_id: int | None, index: int) -> None:
        if self._allowed():
            self.w.run(cmd.MoveCategory(self.lib, category_id, parent_id, index))
            self.w.select_category(category_id)

    def move_category_by(self, delta: int) -> None:
        current = self.w.current_category()
        if current is None:
            return
        siblings = [c.id for c in self.lib.categories() if c.parent_id == current.parent_id]
        index = siblings.index(current.id) + delta
        if 0 <= index < len(siblings):
            self.move_category(current.id, current.parent_id, index)

    def delete_category(self) -> None:
        current = self.w.current_category()
        if current is None or not self._allowed():
            return
        live = self.w.tree_model.live_count(current.id)
        path = " › ".join(current.path)
        if live:
            text = self.tr(
                "分类「%1」（含子分类）里有 %2 条话术。\n删除后这些话术会移到回收站，可以撤销（Ctrl+Z）。确定删除？"
            )
            text = text.replace("%1", path).replace("%2", str(live))
        else:
            text = self.tr("删除分类「%1」？").replace("%1", path)
        if self.w.confirm(self.tr("删除分类"), text):
            self.w.run(cmd.DeleteCategory(self.lib, current.id, trash_phrases=live > 0))

    # ----- browse mode (read-only for new hires) ------------------------------------------------------------------
    def apply_browse_setting(self) -> None:
        locked = self.lib.setting("browse_locked") == "1"
        self.w.actions_by_name["browse"].setVisible(not locked)
        self.set_browse(locked or self.lib.setting("browse_mode") == "on", remember=False)

    def set_browse(self, on: bool, *, remember: bool = True) -> None:
        locked = self.lib.setting("browse_locked") == "1"
        on = on or locked
        if on and not self.w.browse and not self.w.save_editor():
            on = False  # never drop unsaved text to enter read-only mode
        self.w.show_browse(on)
        if remember and not locked:
            self.lib.set_setting("browse_mode", "on" if on else "off")
        self.w.show_category_note()

    # ----- trash and handbook ------------------------------------------------------------
    def open_trash(self) -> TrashDialog:
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.lib, self.w)
            self.trash_dialog.restore_requested.connect(self.restore)
            self.trash_dialog.empty_requested.connect(self.empty_trash)
        self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    def restore(self, ids: list[str]) -> None:
        if self._allowed():
            self.w.run(cmd.RestorePhrases(self.lib, ids))
        if self.trash_dialog is not None:
            self.trash_dialog.reload()

    def empty_trash(self) -> None:
        if self.w.browse:
            return
        n = len(self.lib.trash())
        text = self.tr("永久删除回收站里的 %1 条话术？此操作不能撤销，撤销记录也会清空。").replace(
            "%1", str(n)
        )
        if n and self.w.confirm(self.tr("清空回收站"), text):
            self.lib.empty_trash()
            self.w.stack.clear()  # older steps may point at phrases that no longer exist
            self.w.refresh()
            self.w.report(self.tr("回收站已清空"))
        if self.trash_dialog is not None:
            self.trash_dialog.reload()

    def export_handbook_dialog(self) -> None:
        dialog = HandbookDialog(self.lib, self.w)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        suffix = "." + dialog.kind
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.w,
            self.tr("导出手册"),
            str(Path.home() / (dialog.title.text() + suffix)),
            f"{dialog.kind.upper()} (*{suffix})",
        )
        if path:
            if not path.lower().endswith(suffix) and not path.lower().endswith(".htm"):
                path += suffix
            self.export_handbook(Path(path), dialog.categories(), dialog.title.text())

    def export_handbook(
        self, path: Path, categories: list[str], title: str = handbook.DEFAULT_TITLE
    ) -> bool:
        try:
            book = handbook.build(
                self.lib, categories or None, title=title or handbook.DEFAULT_TITLE
            )
            if path.suffix.lower() == ".pdf":
                from desktop.ui.library.handbook_pdf import write_pdf

                write_pdf(book, path, title)
            else:
                handbook.write_html(book, path)
        except QuickReplyError as exc:
            self.w.report(says(exc))
            return False
        self.w.report(
            self.tr("已导出手册：%1 条话术 → %2")
            .replace("%1", str(book.phrases))
            .replace("%2", str(path))
        )
        return True
