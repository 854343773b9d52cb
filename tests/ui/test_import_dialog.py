"""导入话术… dialog and 撤销导入: preview, policy, bad rows, import, undo."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.store import backup
from desktop.ui.import_dialog import ImportDialog, undo_last_import

pytestmark = pytest.mark.gui


@pytest.fixture
def disk(tmp_path):
    lib = Library.open(tmp_path / "library.db")
    lib.add("发货", "48 小时内发货", "售前", code="fh")
    yield lib
    lib.close()


@pytest.fixture
def dialog(qtbot, disk):
    widget = ImportDialog(disk)
    qtbot.addWidget(widget)
    return widget


def csv_file(tmp_path, text):
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_preview_shows_counts_per_category_and_status_per_phrase(dialog, tmp_path):
    dialog.load_file(csv_file(tmp_path, "分类,标题,内容,编码,别的\n售前,发货,24 小时发货,fh\n"
                                        "售后,退货,七天无理由,th\n售后,退款,已退款,tk\n"))
    assert "共 3 条" in dialog.summary.text() and "新增 2" in dialog.summary.text()
    assert "冲突 1" in dialog.summary.text() and "忽略了不认识的列：别的" in dialog.summary.text()
    tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == ["售前", "售后"]
    assert tops[0].text(1) == "冲突 1" and tops[1].text(1) == "新增 2"
    child = tops[0].child(0)
    assert (child.text(0), child.text(1), child.text(2)) == ("发货", "冲突", "跳过")
    assert "快捷编码 fh" in child.text(3)
    assert not dialog.skip_bad.isVisibleTo(dialog)
    dialog.policy.setCurrentIndex(dialog.policy.findData("replace"))
    assert dialog.tree.topLevelItem(0).child(0).text(2) == "替换"


def test_import_applies_backs_up_and_reports(dialog, disk, tmp_path, qtbot):
    dialog.load_file(csv_file(tmp_path, "内容,编码\n新的话术,xin\n"))
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args[0].added and disk.find_by_code("xin").body == "新的话术"
    assert "新增 1 条" in dialog.status.text() and "撤销导入" in dialog.status.text()
    assert backup.last_import_backup(disk) is not None
    assert not dialog.import_button.isEnabled()  # nothing left to import


def test_bad_rows_must_be_confirmed(dialog, disk, tmp_path):
    dialog.load_file(csv_file(tmp_path, "标题,内容\n好,好的\n空,\n"))
    assert dialog.skip_bad.isVisibleTo(dialog)
    assert "第 3 行：内容为空" in dialog.bad_list.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.skip_bad.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert disk.count() == 2


def test_a_refused_file_shows_the_message_and_cannot_be_imported(dialog, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    dialog.load_file(str(path))
    assert "不是有效的 xlsx" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and dialog.tree.topLevelItemCount() == 0


def test_undo_last_import_asks_then_restores(dialog, disk, tmp_path):
    messages = []

    def notify(*message):
        messages.append(message)

    assert not undo_last_import(disk, notify, ask=lambda q: True)
    assert "没有可以撤销的导入" in messages[-1][1]
    dialog.load_file(csv_file(tmp_path, "内容,编码\n新的话术,xin\n"))
    dialog.import_button.click()
    assert not undo_last_import(disk, notify, ask=lambda q: False)
    assert disk.find_by_code("xin") is not None
    questions = []
    assert undo_last_import(disk, notify, ask=lambda q: questions.append(q) or True)
    assert "导入之前" in questions[0] and messages[-1][0] == "已撤销导入"
    assert disk.find_by_code("xin") is None and disk.find_by_code("fh") is not None


def test_tray_menu_has_import_and_undo(qtbot):
    from desktop.ui.tray import Tray

    tray = Tray()
    texts = [a.text() for a in tray.menu.actions()]
    assert "导入话术…" in texts and "撤销导入" in texts
    with qtbot.waitSignal(tray.import_requested):
        tray.import_action.trigger()
    with qtbot.waitSignal(tray.undo_import_requested):
        tray.undo_import_action.trigger()


def test_the_app_opens_the_dialog_and_undo_from_the_tray(qtbot, disk):
    from desktop.app import QuickReplyApp
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

    app = QuickReplyApp(disk, Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()))
    app.start()
    try:
        app.tray.import_action.trigger()
        dialogs = [d for d in app._dialogs if isinstance(d, ImportDialog)]
        assert dialogs and dialogs[0].isVisible()
        dialogs[0].close()
        app.tray.undo_import_action.trigger()
        title, text, level = app.tray.last_message
        assert title == "撤销导入" and "没有可以撤销的导入" in text and level == "warning"
    finally:
        app.shutdown()
