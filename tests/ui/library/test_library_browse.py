"""New-hire browse mode: notes up front, every way of editing switched off."""

from __future__ import annotations

import pytest
from library_helpers import open_category, row_titles, select_title

from desktop.qt import Qt, QtCore, QtWidgets
from desktop.ui.library.phrase_model import NOTE

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_browse_mode_shows_notes_and_blocks_every_edit(qtbot, window):
    lib = window.lib
    lib.update(lib.find_by_code("th").id, note="买家问能不能退")
    window.refresh()
    window.actions_by_name["browse"].trigger()
    assert window.browse and lib.setting("browse_mode") == "on"
    open_category(window, "售后/退换货")
    select_title(window, "退货说明")
    assert window.editor.banner.isVisible() and "买家问能不能退" in window.editor.banner.text()
    assert not window.phrase_view.isColumnHidden(NOTE)
    after = window.tree_model.index_of(lib.category("售后").id)
    assert "收货以后的问题" in after.data()
    assert window.editor.body.isReadOnly() and window.editor.title.isReadOnly()
    assert not window.editor.save_button.isVisible()

    window.activateWindow()
    window.phrase_view.selectAll()
    window.phrase_view.setFocus()
    qtbot.waitUntil(window.phrase_view.hasFocus)
    for key, mods in (
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_N, CTRL),
        (Qt.Key.Key_D, CTRL),
    ):
        qtbot.keyClick(window.phrase_view, key, mods)
    window.ops.delete_phrases()
    window.ops.toggle_pin()
    window.ops.change_tag(True, "x")
    window.ops.new_category(name="新")
    window.ops.delete_category()
    window.new_phrase()
    window.tree_model.setData(after, "改名")
    data = window.tree_model.mimeData([window.tree_model.index_of(lib.category("售后/退款").id)])
    assert not window.tree_model.dropMimeData(
        data, Qt.DropAction.MoveAction, 0, 0, QtCore.QModelIndex()
    )
    assert not window.proxy.flags(window.proxy.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert window.editor.draft_category is None
    assert [c.name for c in lib.categories()] == [
        "售前",
        "迎接",
        "尺码",
        "售后",
        "退换货",
        "退款",
        "其他",
    ]
    assert lib.trash() == [] and not any(p.pinned or p.tags for p in lib.phrases())
    assert row_titles(window) == ["退货说明", "换货说明"]
    assert not window.stack.canUndo()

    window.actions_by_name["browse"].trigger()
    assert not window.browse and lib.setting("browse_mode") == "off"
    assert not window.editor.body.isReadOnly()


def test_a_locked_setting_forces_browse_mode_and_hides_the_toggle(qtbot, shop):
    from desktop.ui.library.window import LibraryWindow

    shop.set_setting("browse_locked", "1")
    win = LibraryWindow(shop)
    qtbot.addWidget(win)
    assert win.browse and not win.actions_by_name["browse"].isVisible()
    win.ops.set_browse(False)
    assert win.browse
    assert not win.actions_by_name["new_phrase"].isEnabled()
    win.close()


def test_entering_browse_mode_saves_the_open_edit_first(window):
    select_title(window, "问好")
    window.editor.body.setPlainText("亲，您好")
    window.ops.set_browse(True)
    assert window.lib.find_by_code("hy").body == "亲，您好" and window.browse
    window.ops.set_browse(False)
    window.editor.body.setPlainText(" ")  # can't be saved: browse mode waits
    window.ops.set_browse(True)
    assert not window.browse and window.editor.body.toPlainText() == " "
    assert not window.actions_by_name["browse"].isChecked()
    assert isinstance(window.editor.error, QtWidgets.QLabel) and window.editor.error.text()
