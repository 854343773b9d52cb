"""Undo commands: each one a core operation and its inverse.

The window runs ``apply()`` itself before pushing, so a refused change (a
taken code, a read-only category) raises to the caller and never reaches the
stack; the stack's first ``redo()`` is then skipped.  Later undo/redo steps
that fail (the file was changed from outside meanwhile) report the message
and drop the command rather than leave the stack pretending.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desktop.core import Library, QuickReplyError
from desktop.core.store import organize
from desktop.qt import QtCore, QtGui
from desktop.ui.i18n import says

Report = Callable[[str], None]


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("LibraryCommands", text)


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LibraryCommand(QtGui.QUndoCommand):
    def __init__(self, lib: Library, text: str) -> None:
        super().__init__(text)
        self.lib = lib
        self.report: Report = lambda _m: None
        self._applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def run_first(self, report: Report) -> None:
        """Do the change now (raising on refusal); the push that follows skips it.

        ``report`` is where a later undo or redo that fails is told (the window's
        status line): the command keeps it, nobody sets it from outside.
        """
        self.report = report
        self.apply()
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._safely(self.apply)

    def undo(self) -> None:
        self._safely(self.revert)

    def _safely(self, step: Callable[[], Any]) -> None:
        try:
            step()
        except QuickReplyError as exc:
            self.setObsolete(True)
            self.report(tr("无法撤销/重做「%1」：").replace("%1", self.text()) + says(exc))


# ----- phrases ---------------------------------------------------------------------
class AddPhrase(LibraryCommand):
    """Undoing an add moves the phrase to the 回收站 rather than destroying it."""

    def __init__(self, lib: Library, category: Sequence[str], fields: Mapping[str, Any]) -> None:
        super().__init__(lib, tr("新建话术「%1」").replace("%1", _short(str(fields["title"]))))
        self.category = tuple(category)
        self.fields = dict(fields)
        self.phrase_id: str | None = None

    def apply(self) -> None:
        if self.phrase_id is None:
            self.phrase_id = self.lib.add(category=self.category, **self.fields).id
        else:
            restored = self.lib.restore(self.phrase_id)
            if restored.category != self.category:
                # Its category was deleted meanwhile (undone with it), which parks a
                # trashed phrase in 未分类; redone, it goes back where it was added.
                self.lib.update(self.phrase_id, category=self.category)

    def revert(self) -> None:
        assert self.phrase_id is not None
        self.lib.delete(self.phrase_id)


class EditPhrase(LibraryCommand):
    def __init__(
        self, lib: Library, phrase_id: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        super().__init__(
            lib, tr("修改「%1」").replace("%1", _short(str(new.get("title", old.get("title", "")))))
        )
        self.phrase_id, self.old, self.new = phrase_id, dict(old), dict(new)

    def apply(self) -> None:
        self.lib.update(self.phrase_id, **self.new)

    def revert(self) -> None:
        self.lib.update(self.phrase_id, **self.old)


class DeletePhrases(LibraryCommand):
    def __init__(self, lib: Library, ids: Sequence[str]) -> None:
        super().__init__(lib, tr("删除 %1 条话术").replace("%1", str(len(ids))))
        self.ids = list(ids)

    def apply(self) -> None:
        organize.trash_phrases(self.lib, self.ids)

    def revert(self) -> None:
        organize.restore_phrases(self.lib, self.ids)


class RestorePhrases(DeletePhrases):
    def __init__(self, lib: Library, ids: Sequence[str]) -> None:
        super().__init__(lib, ids)
        self.setText(tr("从回收站恢复 %1 条话术").replace("%1", str(len(ids))))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


class MovePhrases(LibraryCommand):
    """Also a reorder: the target may be the phrase's own category."""

    def __init__(
        self, lib: Library, ids: Sequence[str], category_id: int, index: int | None = None
    ) -> None:
        super().__init__(lib, tr("移动 %1 条话术").replace("%1", str(len(ids))))
        self.ids, self.category_id, self.index = list(ids), category_id, index
        self.before = organize.Placements()

    def apply(self) -> None:
        self.before = organize.move_phrases(self.lib, self.ids, self.category_id, self.index)

    def revert(self) -> None:
        organize.restore_placements(self.lib, self.before)


class SetPinned(LibraryCommand):
    def __init__(self, lib: Library, ids: Sequence[str], flag: bool) -> None:
        super().__init__(lib, tr("置顶") if flag else tr("取消置顶"))
        self.ids, self.flag = list(ids), flag
        self.before: dict[str, bool] = {}

    def apply(self) -> None:
        self.before = organize.set_pinned(self.lib, self.ids, self.flag)

    def revert(self) -> None:
        organize.restore_pinned(self.lib, self.before)


class ChangeTag(LibraryCommand):
    def __init__(self, lib: Library, ids: Sequence[str], tag: str, *, add: bool) -> None:
        label = tr("添加标签「%1」") if add else tr("移除标签「%1」")
        super().__init__(lib, label.replace("%1", tag))
        self.ids, self.tag, self.add = list(ids), tag, add
        self.before: dict[str, tuple[str, ...]] = {}

    def apply(self) -> None:
        change = organize.add_tag if self.add else organize.remove_tag
        self.before = change(self.lib, self.ids, self.tag)

    def revert(self) -> None:
        organize.restore_tags(self.lib, self.before)


# ----- categories ------------------------------------------------------------------
class CreateCategory(LibraryCommand):
    """Redo recreates the category under its first id, so later steps still find it."""

    def __init__(self, lib: Library, parent_id: int | None, name: str, index: int | None) -> None:
        super().__init__(lib, tr("新建分类「%1」").replace("%1", name))
        self.parent_id, self.name, self.index = parent_id, name, index
        self.category_id: int | None = None

    def apply(self) -> None:
        cat = organize.create_category(
            self.lib, self.parent_id, self.name, self.index, category_id=self.category_id
        )
        self.category_id = cat.id

    def revert(self) -> None:
        assert self.category_id is not None
        organize.delete_category(self.lib, self.category_id)


class RenameCategory(LibraryCommand):
    def __init__(self, lib: Library, category_id: int, name: str) -> None:
        super().__init__(lib, tr("重命名分类为「%1」").replace("%1", name))
        self.category_id, self.name, self.old = category_id, name, ""

    def apply(self) -> None:
        self.old = organize.rename_category(self.lib, self.category_id, self.name)

    def revert(self) -> None:
        organize.rename_category(self.lib, self.category_id, self.old)


class CategoryNote(LibraryCommand):
    def __init__(self, lib: Library, category_id: int, note: str) -> None:
        super().__init__(lib, tr("修改分类说明"))
        self.category_id, self.note, self.old = category_id, note, ""

    def apply(self) -> None:
        self.old = organize.set_category_note(self.lib, self.category_id, self.note)

    def revert(self) -> None:
        organize.set_category_note(self.lib, self.category_id, self.old)


class MoveCategory(LibraryCommand):
    def __init__(self, lib: Library, category_id: int, parent_id: int | None, index: int) -> None:
        super().__init__(lib, tr("移动分类"))
        self.category_id, self.parent_id, self.index = category_id, parent_id, index
        self.before = organize.Placements()

    def apply(self) -> None:
        self.before = organize.move_category(self.lib, self.category_id, self.parent_id, self.index)

    def revert(self) -> None:
        organize.restore_placements(self.lib, self.before)


class DeleteCategory(LibraryCommand):
    def __init__(self, lib: Library, category_id: int, *, trash_phrases: bool) -> None:
        name = lib.tree.by_id[category_id].name if category_id in lib.tree.by_id else "?"
        super().__init__(lib, tr("删除分类「%1」").replace("%1", name))
        self.category_id, self.trash_phrases = category_id, trash_phrases
        self.deleted: organize.DeletedCategory | None = None

    def apply(self) -> None:
        self.deleted = organize.delete_category(
            self.lib, self.category_id, trash_phrases=self.trash_phrases
        )

    def revert(self) -> None:
        assert self.deleted is not None
        organize.undelete_category(self.lib, self.deleted)
