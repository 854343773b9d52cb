"""Logging: the rotating file, the level from the environment, and no buyer data in it."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from desktop import logs


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "log", level=logging.DEBUG)
    yield path
    logs.teardown()
    logs.redactor._sources.clear()


def read(path) -> str:
    for handler in logging.getLogger(logs.ROOT).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_each_area_logs_to_one_rotating_file(log_file):
    for area in ("app", "paste", "search", "packs", "hotkey"):
        logs.get(area).info("hello from %s", area)
    text = read(log_file)
    for area in ("app", "paste", "search", "packs", "hotkey"):
        assert f"quickreply.{area} INFO hello from {area}" in text
    handler = next(
        h
        for h in logging.getLogger(logs.ROOT).handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    )
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS


def test_the_folder_is_the_user_log_dir_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.ENV_DIR, raising=False)
    assert "QuickReply" in str(logs.log_dir())
    monkeypatch.setenv(logs.ENV_DIR, str(tmp_path))
    assert logs.log_file() == tmp_path / "quickreply.log"


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("", logging.INFO),
        ("debug", logging.DEBUG),
        ("WARNING", logging.WARNING),
        ("loud", logging.INFO),
    ],
)
def test_level_comes_from_the_environment(monkeypatch, value, level):
    monkeypatch.setenv(logs.ENV_LEVEL, value)
    assert logs.level_from_env() == level


def test_setup_twice_keeps_one_set_of_handlers(tmp_path):
    logs.setup(tmp_path)
    logs.setup(tmp_path)
    try:
        assert len(logging.getLogger(logs.ROOT).handlers) <= 2  # the file, and stderr for errors
    finally:
        logs.teardown()
    assert logging.getLogger(logs.ROOT).handlers == []


def test_protected_values_are_blanked_in_messages_and_tracebacks(log_file):
    logs.protect("buyer", lambda: ["小王同学", "202611240001234567", "", "王"])
    log = logs.get("paste")
    log.info("careless: %s ordered %s", "小王同学", "202611240001234567")
    log.info("王先生 is fine")
    try:
        raise ValueError("亲爱的小王同学，您好")
    except ValueError:
        log.exception("render failed")
    text = read(log_file)
    assert "小王同学" not in text and "202611240001234567" not in text
    assert "careless: *** ordered ***" in text and "ValueError: 亲爱的***，您好" in text
    assert (
        "王先生 is fine" in text
    )  # one character is too short to blank (it would blank half a line)


def test_qt_warnings_go_to_the_log(log_file):
    from desktop.qt import QtCore

    previous = logs.route_qt_messages()
    try:
        QtCore.qWarning("a warning from Qt")
    finally:
        QtCore.qInstallMessageHandler(previous)
    assert "quickreply.qt WARNING a warning from Qt" in read(log_file)


@pytest.mark.gui
def test_the_daily_loop_with_a_buyer_name_leaves_no_trace_of_it_in_the_log(
    qtbot, tmp_path, log_file
):
    from desktop.app import QuickReplyApp
    from desktop.core.exchange.seed import open_library
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
    from desktop.qt import Qt, QtWidgets

    lib = open_library(tmp_path / "lib.db")
    clipboard = QtWidgets.QApplication.clipboard()
    seen: list[str] = []
    platform = Platform("fake", FakeHotkey(), FakeFocus(active=7),
                        FakeKeystroke(on_paste=lambda: seen.append(clipboard.text())))  # fmt: skip
    app = QuickReplyApp(lib, platform)
    app.start()
    try:
        app.buyer.set("买家昵称", "小王同学")
        app.buyer.set("订单号", "202611240001234567")
        platform.hotkey.trigger()
        qtbot.keyClicks(app.popup.search_box, "fhsj")
        with qtbot.waitSignal(app.paste.delivered, timeout=3000):
            qtbot.keyClick(app.popup.search_box, Qt.Key.Key_Return)
        assert seen and "小王同学" in seen[0]
        logs.get("paste").debug("a careless line: %s", seen[0])  # what a future bug might do
    finally:
        app.popup.hide()
        app.shutdown()
    text = read(log_file)
    assert "pasted into" in text  # the loop was logged…
    assert "小王同学" not in text and "202611240001234567" not in text  # …without the buyer
