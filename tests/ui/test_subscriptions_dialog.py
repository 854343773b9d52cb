"""The 订阅 dialog and the background updater, with packs on a local 'shared folder'."""

import json
import os
import time

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.team import subscriptions as subs
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
from desktop.ui.notify import Bridge
from desktop.ui.subscription_updater import SubscriptionUpdater
from desktop.ui.subscriptions_dialog import SubscriptionsDialog

pytestmark = pytest.mark.gui
LONG_AGO = time.time() - 7200


def write_pack(path, *titles, step=0, name="团队话术"):
    doc = {
        "format": "quickreply.pack",
        "version": 1,
        "name": name,
        "phrases": [
            {"id": f"p{n}", "category": ["售后"], "title": t, "body": f"亲，{t}"}
            for n, t in enumerate(titles)
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    os.utime(path, (LONG_AGO + step, LONG_AGO + step))
    return path


@pytest.fixture
def world(qtbot, tmp_path):
    lib = Library.open(tmp_path / "agent.db")
    messages = Bridge()
    seen = []
    messages.connect_sink(lambda title, text, level: seen.append((title, text, level)))
    updater = SubscriptionUpdater(lib, messages)
    dialog = SubscriptionsDialog(lib, updater)
    qtbot.addWidget(dialog)
    yield lib, updater, dialog, seen, tmp_path
    updater.stop()
    lib.close()


def test_lists_subscriptions_with_last_update_and_status(world):
    lib, _, dialog, _, tmp = world
    subs.subscribe(lib, str(write_pack(tmp / "team.json", "退货")))
    dialog.reload()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "团队话术"
    assert dialog.table.item(0, 2).text() != "从未"
    assert dialog.table.item(0, 3).text().startswith("正常")


def test_add_runs_in_the_background_and_shows_the_result(world, qtbot):
    lib, updater, dialog, _, tmp = world
    dialog.source.setText(str(write_pack(tmp / "team.json", "退货", "换货")))
    dialog.name.setText("总部")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and not updater.busy, timeout=5000)
    assert "已订阅「总部」" in dialog.status.text() and dialog.source.text() == ""
    lib.refresh_if_changed()
    assert sorted(p.title for p in lib.phrases("总部")) == ["换货", "退货"]


def test_add_of_a_missing_file_says_why(world, qtbot):
    _, _, dialog, _, tmp = world
    dialog.source.setText(str(tmp / "nowhere.json"))
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "找不到文件" in dialog.status.text(), timeout=5000)
    assert dialog.table.rowCount() == 0


def test_update_now_reports_changes_in_the_dialog_and_the_tray(world, qtbot):
    lib, updater, dialog, seen, tmp = world
    pack = write_pack(tmp / "team.json", "退货")
    subs.subscribe(lib, str(pack))
    dialog.reload()
    write_pack(pack, "退货", "补发", step=3)
    with qtbot.waitSignal(updater.checked, timeout=5000):
        dialog.update_button.click()
    assert "新增 1 条" in dialog.status.text()
    assert seen[-1][0] == "团队话术已更新" and "新增 1 条" in seen[-1][1]
    lib.refresh_if_changed()
    assert lib.find_by_code("tk") is None and len(lib.phrases("团队话术")) == 2


def test_offline_is_quiet_in_the_tray_but_shown_in_the_list(world, qtbot):
    lib, updater, dialog, seen, tmp = world
    pack = write_pack(tmp / "team.json", "退货")
    subs.subscribe(lib, str(pack))
    pack.unlink()
    with qtbot.waitSignal(updater.checked, timeout=5000):
        dialog.update_button.click()
    assert seen == []
    assert "找不到文件" in dialog.table.item(0, 3).text()


def test_remove_asks_and_then_deletes_the_subtree(world, monkeypatch):
    lib, _, dialog, _, tmp = world
    subs.subscribe(lib, str(write_pack(tmp / "team.json", "退货")))
    dialog.reload()
    dialog.table.selectRow(0)
    monkeypatch.setattr(dialog, "confirm_remove", lambda sub: False)
    dialog.remove_button.click()
    assert dialog.table.rowCount() == 1
    monkeypatch.setattr(dialog, "confirm_remove", lambda sub: True)
    dialog.remove_button.click()
    assert dialog.table.rowCount() == 0 and "移除了 1 条话术" in dialog.status.text()
    assert subs.all_subscriptions(lib) == [] and lib.phrases() == []


def test_the_app_checks_on_start_and_offers_the_dialog_in_the_tray(qtbot, tmp_path):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "agent.db")
    pack = write_pack(tmp_path / "team.json", "退货")
    subs.subscribe(lib, str(pack))
    write_pack(pack, "退货", "换货", step=7)
    app = QuickReplyApp(lib, Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()))
    app.start()
    try:
        qtbot.waitUntil(
            lambda: getattr(app.tray, "last_message", ("",))[0] == "团队话术已更新", timeout=5000
        )
        qtbot.waitUntil(lambda: len(app.library.phrases("团队话术")) == 2, timeout=5000)
        assert app.subscriptions.timer.interval() == 30 * 60_000
        app.tray.subscriptions_action.trigger()
        assert any(isinstance(d, SubscriptionsDialog) for d in app._dialogs)
    finally:
        for d in list(app._dialogs):
            d.close()
        app.shutdown()
