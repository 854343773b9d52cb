"""``quickreply doctor``: every check in plain words, exit 1 only when something failed."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from tests.clirun import invoke, spawn

NAMES = {"话术库", "完整性", "结构版本", "备份", "订阅", "显示", "托盘", "剪贴板", "快捷键", "粘贴",
         "开机启动", "版本", "日志"}  # fmt: skip


def _env(headless, tmp):
    env = {}
    if headless:  # a screen-less Qt and the scriptable hotkey: what a test machine can offer
        env.update(QT_QPA_PLATFORM="offscreen", QUICKREPLY_PLATFORM="fake")
    if tmp is not None:
        env.update(XDG_CONFIG_HOME=str(tmp / "config"), QUICKREPLY_LOG_DIR=str(tmp / "log"))
    return env


def run_process(db, *args, headless=True, tmp=None):
    """The doctor as an agent runs it: its own process, its own Qt."""
    return spawn(db, *args, env_extra=_env(headless, tmp))


@pytest.fixture
def run(qapp):
    """The doctor in this process; its desktop checks use the test's QApplication."""

    def run(db, *args, tmp=None):
        return invoke(db, *args, env_extra=_env(True, tmp))

    return run


def checks(result) -> dict[str, dict]:
    data = json.loads(result.stdout)
    return {c["name"]: c for c in data["checks"]}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library.db"
    assert invoke(path, "search", "fh").returncode == 0  # creates and seeds it
    return path


def test_a_healthy_library_passes_and_every_check_is_one_plain_line(db, tmp_path):
    result = run_process(db, "doctor", "--json", tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["ok"] is True
    found = checks(result)
    assert set(found) == NAMES
    for check in found.values():
        assert check["status"] in ("ok", "warn", "fail")
        assert check["detail"] and "\n" not in check["detail"]
    assert found["完整性"]["status"] == "ok"
    assert "版本 3" in found["结构版本"]["detail"] or "版本" in found["结构版本"]["detail"]
    assert found["快捷键"]["status"] == "ok" and "ctrl+alt+k" in found["快捷键"]["detail"]
    assert "Python" in found["版本"]["detail"] and "Qt" in found["版本"]["detail"]
    assert found["备份"]["status"] == "warn"  # none yet
    assert found["开机启动"]["detail"] == "未开启"
    assert result.stderr == ""


def test_the_text_report_labels_each_line(db, tmp_path, run):
    result = run(db, "doctor", tmp=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("快回诊断")
    assert any(line.startswith("[正常] 完整性：") for line in lines)
    assert lines[-1] == "结论：一切正常"


def test_the_last_backup_is_reported(db, tmp_path, run):
    assert run(db, "backup", "now").returncode == 0
    backup = checks(run(db, "doctor", "--json", tmp=tmp_path))["备份"]
    assert (
        backup["status"] == "ok"
        and "最近一次" in backup["detail"]
        and "共 1 份" in backup["detail"]
    )


def test_subscriptions_are_summarised(db, tmp_path, run):
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO subscriptions (source, name, last_updated, created)"
                 " VALUES ('https://example.com/team.json', '团队话术', '2026-11-20T08:00:00+00:00', 'now')")  # fmt: skip
    conn.commit()
    conn.close()
    sub = checks(run(db, "doctor", "--json", tmp=tmp_path))["订阅"]
    assert (
        sub["status"] == "ok"
        and "1 个订阅" in sub["detail"]
        and "2026-11-20 08:00" in sub["detail"]
    )


def test_a_damaged_library_fails_and_is_left_as_it_was(db, tmp_path, run):
    data = db.read_bytes()[: db.stat().st_size // 2]
    db.write_bytes(data)
    result = run(db, "doctor", "--json", tmp=tmp_path)
    assert result.returncode == 1 and json.loads(result.stdout)["ok"] is False
    integrity = checks(result)["完整性"]
    assert (
        integrity["status"] == "fail"
        and "损坏" in integrity["detail"]
        and "备份" in integrity["detail"]
    )
    assert db.read_bytes() == data


def test_other_commands_on_a_damaged_file_point_to_the_doctor(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 500)
    result = invoke(bad, "search", "x")
    assert (
        result.returncode == 1 and "损坏" in result.stderr and "quickreply doctor" in result.stderr
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_without_a_display_the_doctor_says_so_and_fails(db, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("a missing display is a Linux situation")
    result = run_process(db, "doctor", "--json", headless=False, tmp=tmp_path)
    assert result.returncode == 1
    display = checks(result)["显示"]
    assert display["status"] == "fail" and "图形界面" in display["detail"]


def test_the_configured_hotkey_is_the_one_tried(db, tmp_path, run):
    from desktop.core import Library

    with Library.open(db) as lib:
        lib.set_setting("hotkey", "ctrl+alt+j")
    found = checks(run(db, "doctor", "--json", tmp=tmp_path))
    assert "ctrl+alt+j" in found["快捷键"]["detail"]  # the configured hotkey is the one tried


@pytest.mark.gui
def test_a_hotkey_held_by_another_program_is_a_failure(qapp, monkeypatch):
    import desktop.platform as platforms
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
    from desktop.ui import desktop_checks

    taken = FakeHotkey(fail_message="快捷键 ctrl+alt+k 已被其他程序占用，请在 设置 里换一个")
    monkeypatch.setattr(
        platforms, "create_platform", lambda: Platform("fake", taken, FakeFocus(), FakeKeystroke())
    )
    hotkey, paste = desktop_checks._hotkey_and_paste("ctrl+alt+k", "paste", running=False)
    assert hotkey.status == "fail" and "已被其他程序占用" in hotkey.detail
    assert paste.status == "ok"
    hotkey, _ = desktop_checks._hotkey_and_paste("ctrl+alt+k", "paste", running=True)
    assert hotkey.status == "ok" and "正在运行" in hotkey.detail  # our own grab is not a conflict
