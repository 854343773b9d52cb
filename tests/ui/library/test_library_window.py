"""The library window driven from the keyboard: save on leave, undo, trash, lint."""

from __future__ import annotations

import pytest
from library_helpers import open_category, phrase_id, row_titles, select_title

from desktop.qt import Qt, QtWidgets

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_edits_are_saved_on_leaving_the_phrase(window):
    open_category(window, "售后/退换货")
    select_title(window, "退货说明")
    window.editor.body.setPlainText("支持七天无理由退货，运费险可抵扣")
    window.editor.tags.setText("退货，运费险")
    select_title(window, "换货说明")
    saved = window.lib.find_by_code("th")
    assert saved.body == "支持七天无理由退货，运费险可抵扣" and saved.tags == ("退货", "运费险")
    assert window.editor.phrase.title == "换货说明" and not window.editor.is_dirty()


def test_a_refused_save_keeps_the_phrase_selected_and_its_text(qtbot, window):
    open_category(window, "售后/退换货")
    select_title(window, "退货说明")
    window.editor.code.setText("HH")  # taken by 换货说明
    assert "换货说明" in window.editor.code_warning.text()  # flagged while typing
    window.editor.body.setPlainText("改过的内容")
    select_title(window, "换货说明")
    qtbot.waitUntil(
        lambda: (
            window.phrase_view.currentIndex().data(window.phrase_model.IdRole)
            == phrase_id(window, "退货说明")
        )
    )
    assert window.editor.phrase.title == "退货说明"
    assert window.editor.body.toPlainText() == "改过的内容" and window.editor.code.text() == "HH"
    assert "hh" in window.editor.error.text()
    assert window.lib.find_by_code("th").body == "支持七天无理由退货"
    window.editor.code.setText("thsm")
    select_title(window, "换货说明")
    assert window.lib.find_by_code("thsm").body == "改过的内容"


def test_ctrl_s_saves_and_closing_saves_too(qtbot, window):
    select_title(window, "问好")
    window.editor.title.setText("问候")
    focus(qtbot, window, window.editor.body)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_S, CTRL)
    assert window.lib.find_by_code("hy").title == "问候"
    window.editor.note.setText("买家进店时")
    window.close()
    assert window.lib.find_by_code("hy").note == "买家进店时"
    assert window.confirmations == []


def test_closing_with_an_unsavable_phrase_asks_and_can_stay_open(qtbot, window):
    select_title(window, "问好")
    window.editor.body.setPlainText("   ")
    window.answer = False
    window.close()
    assert window.isVisible() and "内容不能为空" in window.confirmations[-1][1]
    assert window.editor.is_dirty()
    window.answer = True
    window.close()
    assert not window.isVisible() and window.lib.find_by_code("hy").body.startswith("亲")


def test_undo_and_redo_an_edit_from_the_keyboard(qtbot, window):
    select_title(window, "问好")
    window.editor.title.setText("欢迎光临")
    assert window.save_editor()
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Z, CTRL)
    assert window.lib.find_by_code("hy").title == "问好"
    assert window.editor.title.text() == "问好"  # the editor shows the undone state
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Y, CTRL)
    assert window.lib.find_by_code("hy").title == "欢迎光临"


def test_del_moves_selected_phrases_to_the_trash_and_undo_restores(qtbot, window):
    open_category(window, "售后")
    window.phrase_view.selectAll()
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Delete)
    assert row_titles(window) == [] and len(window.lib.trash()) == 3
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Z, CTRL)
    assert row_titles(window) == ["退货说明", "换货说明", "退款进度"] and window.lib.trash() == []


def test_trash_dialog_restores_and_empties_with_confirmation(window):
    open_category(window, "售后")
    window.phrase_view.selectAll()
    window.ops.delete_phrases()
    dialog = window.ops.open_trash()
    assert dialog.list.topLevelItemCount() == 3
    dialog.list.topLevelItem(0).setSelected(True)
    dialog.restore_button.click()
    assert dialog.list.topLevelItemCount() == 2 and len(row_titles(window)) == 1
    window.answer = False
    dialog.empty_button.click()
    assert len(window.lib.trash()) == 2 and "不能撤销" in window.confirmations[-1][1]
    window.answer = True
    dialog.empty_button.click()
    assert window.lib.trash() == [] and dialog.list.topLevelItemCount() == 0
    assert not window.stack.canUndo()  # older steps pointed at phrases now gone


def test_deleting_a_category_confirms_and_trashes_its_phrases_undoably(qtbot, window):
    lib = window.lib
    open_category(window, "售后")
    window.answer = False
    focus(qtbot, window, window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert "3 条话术" in window.confirmations[-1][1] and "回收站" in window.confirmations[-1][1]
    assert lib.category("售后").id
    window.answer = True
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert "售后" not in [c.name for c in lib.categories()] and len(lib.trash()) == 3
    window.undo()
    assert lib.category("售后/退款").note == "" and lib.category("售后").note == "收货以后的问题"
    assert lib.trash() == [] and lib.find_by_code("tk").category == ("售后", "退款")


def test_lint_findings_show_while_typing(qtbot, window):
    select_title(window, "问好")
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    window.editor.body.insertPlainText("加我微信")  # keyClicks can't type 汉字
    qtbot.waitUntil(lambda: window.editor.lint_list.count() > 0)
    texts = [window.editor.lint_list.item(i).text() for i in range(window.editor.lint_list.count())]
    assert any("站外引流" in t for t in texts)
    assert window.editor.body.extraSelections()  # underlined in the body
    window.editor.body.setPlainText("亲，在的")
    qtbot.waitUntil(lambda: window.editor.lint_list.count() == 0)


def test_phrase_text_is_shown_as_plain_text(qtbot, window):
    open_category(window, "其他")
    select_title(window, "粗体测试")
    editor = window.editor
    assert editor.body.toPlainText() == "<b>粗体</b><img src=x>"
    assert editor.preview.toPlainText() == "<b>粗体</b><img src=x>"
    assert "<img" not in editor.body.document().toHtml().replace("&lt;img", "")
    assert not editor.body.document().allFormats() or all(
        not f.toCharFormat().font().bold()
        for f in editor.body.document().allFormats()
        if f.isCharFormat()
    )
    assert window.phrase_view.currentIndex().data() == "粗体测试"


def test_preview_and_field_menu_fill_in_sample_values(qtbot, window):
    select_title(window, "问好")
    window.editor.body.setPlainText("")
    menu = window.editor.insert_button.menu()
    nickname = next(a for a in menu.actions() if a.text() == "{买家昵称}")
    assert any(a.text() == "{发货日}" for a in menu.actions())
    nickname.trigger()
    qtbot.waitUntil(lambda: window.editor.preview.toPlainText() == "小王")
    assert window.editor.body.toPlainText() == "{买家昵称}"


def test_ctrl_n_creates_a_phrase_in_the_current_category_and_ctrl_f_searches(qtbot, window):
    open_category(window, "售前/尺码")
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_N, CTRL)
    assert window.editor.draft_category == ("售前", "尺码") and window.editor.title.hasFocus()
    window.editor.title.insert("尺码偏大")
    window.editor.body.setPlainText("这款偏大一码，建议拍小一码")
    qtbot.keyClick(window.editor.title, Qt.Key.Key_S, CTRL)
    assert row_titles(window) == ["尺码推荐", "尺码偏大"]
    assert window.editor.phrase.title == "尺码偏大"
    qtbot.keyClick(window.editor.title, Qt.Key.Key_F, CTRL)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "tk")  # across all categories, as in the popup
    assert row_titles(window)[0] == "退款进度"
    window.undo()  # the new phrase goes to the trash
    assert [p.title for p in window.lib.trash()] == ["尺码偏大"]


def test_bulk_pin_and_tag_then_undo(qtbot, window):
    open_category(window, "售后")
    window.phrase_view.selectAll()
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_D, CTRL)
    assert all(p.pinned for p in window.lib.phrases("售后"))
    window.ops.change_tag(True, "售后")
    assert all("售后" in p.tags for p in window.lib.phrases("售后"))
    window.undo()
    window.undo()
    assert not any(p.pinned or p.tags for p in window.lib.phrases("售后"))


def test_f2_renames_a_category_in_place_and_undo(qtbot, window):
    open_category(window, "售后/退款")
    focus(qtbot, window, window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    editor = QtWidgets.QApplication.focusWidget()
    assert isinstance(editor, QtWidgets.QLineEdit) and editor.text() == "退款"
    editor.setText("退款进度")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits a moment later
    qtbot.waitUntil(lambda: "退款进度" in [c.name for c in window.lib.categories()])
    assert window.lib.category("售后/退款进度").id == window.current_category().id
    window.undo()
    assert window.lib.category("售后/退款").note == ""


def test_new_category_and_note_through_the_window(window):
    open_category(window, "售前")
    window.ops.new_category(name="议价")
    assert window.current_category().path == ("议价",)
    window.ops.new_category(child=True, name="砍价")
    assert window.current_category().path == ("议价", "砍价")
    window.ops.edit_category_note("买家砍价时")
    assert window.note_label.text() == "买家砍价时"
    window.ops.new_category(name="砍价")  # a namesake is refused with a message
    assert "砍价" in window.last_message
    window.undo()
    assert window.lib.category("议价/砍价").note == ""


def test_alt_arrows_reorder_phrases_and_categories(qtbot, window):
    open_category(window, "售后/退换货")
    select_title(window, "换货说明")
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert row_titles(window) == ["换货说明", "退货说明"]
    open_category(window, "售后/退款")
    focus(qtbot, window, window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.name for c in window.lib.categories()][4:6] == ["退款", "退换货"]


def test_read_only_subscribed_phrases_open_read_only(window):
    cat = window.lib.category("售后/退款")
    window.lib.conn.execute("UPDATE categories SET read_only = 1 WHERE id = ?", (cat.id,))
    window.refresh()
    open_category(window, "售后/退款")
    select_title(window, "退款进度")
    assert window.editor.body.isReadOnly() and not window.editor.save_button.isVisible()
    window.ops.delete_phrases()
    assert "只读" in window.last_message and window.lib.trash() == []


def test_example_questions_are_edited_saved_and_undone(qtbot, window):
    open_category(window, "售后/退换货")
    select_title(window, "退货说明")
    window.editor.examples.setText("能退吗 | 不想要了怎么退｜退货麻烦吗")
    select_title(window, "换货说明")
    saved = window.lib.find_by_code("th")
    assert saved.examples == ("能退吗", "不想要了怎么退", "退货麻烦吗")
    assert window.lib.suggest("不想要了怎么退啊", 1)[0].phrase.id == saved.id
    select_title(window, "退货说明")
    assert window.editor.examples.text() == "能退吗 | 不想要了怎么退 | 退货麻烦吗"
    assert not window.editor.is_dirty()
    focus(qtbot, window, window.phrase_view)
    qtbot.keyClick(window.phrase_view, Qt.Key.Key_Z, CTRL)
    assert window.lib.find_by_code("th").examples == ()
