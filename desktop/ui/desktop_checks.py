"""The desktop half of ``quickreply doctor``: display, tray, clipboard, hotkey, paste.

These need Qt and a display, so the command imports this module only when it
runs; on a machine where Qt can't load, the doctor still reports the rest.
The clipboard is read to see that it answers, never printed: it may hold a
buyer's details.
"""

from __future__ import annotations

from desktop.core.store.health import FAIL, OK, WARN, Check
from desktop.qt import QtGui, QtWidgets
from desktop.startup import display_problem
from desktop.ui.single_instance import ask_running_instance

NO_SCREEN = ("offscreen", "minimal")
_keep: list[QtWidgets.QApplication] = []


def desktop_checks(hotkey: str, paste_mode: str, instance_name: str) -> list[Check]:
    problem = display_problem()
    if problem:
        skipped = "没有图形界面，无法检查"
        return [
            Check("显示", FAIL, problem),
            Check("托盘", WARN, skipped),
            Check("剪贴板", WARN, skipped),
            Check("快捷键", WARN, skipped),
            Check("粘贴", WARN, skipped),
        ]
    if QtWidgets.QApplication.instance() is None:
        _keep.append(QtWidgets.QApplication(["quickreply-doctor"]))  # alive until exit
    name = QtGui.QGuiApplication.platformName()
    headless = name in NO_SCREEN
    running = ask_running_instance(instance_name, "ping")  # "ping" asks nothing of it
    checks = [_display(name, headless), _tray(headless), _clipboard(headless)]
    checks += _hotkey_and_paste(hotkey, paste_mode, running)
    return checks


def _display(name: str, headless: bool) -> Check:
    if headless:
        return Check("显示", WARN, f"Qt 使用 {name} 平台（没有屏幕），界面不会显示")
    screen = QtGui.QGuiApplication.primaryScreen()
    size = screen.size() if screen is not None else None
    where = f"，主屏 {size.width()}×{size.height()}" if size is not None else ""
    count = len(QtGui.QGuiApplication.screens())
    return Check("显示", OK, f"{name}，{count} 个屏幕{where}")


def _tray(headless: bool) -> Check:
    if QtWidgets.QSystemTrayIcon.isSystemTrayAvailable():
        return Check("托盘", OK, "系统托盘可用")
    if headless:
        return Check("托盘", WARN, "没有屏幕，无法检查系统托盘")
    return Check("托盘", FAIL, "没有找到系统托盘，快回需要托盘才能运行")


def _clipboard(headless: bool) -> Check:
    clipboard = QtGui.QGuiApplication.clipboard()
    data = clipboard.mimeData() if clipboard is not None else None
    if data is None and headless:
        return Check("剪贴板", WARN, "没有屏幕，无法检查剪贴板")
    if data is None:
        return Check("剪贴板", FAIL, "无法读取剪贴板，可能被其他程序占用")
    kinds = len(data.formats())
    return Check(
        "剪贴板", OK, f"可以读取（当前内容有 {kinds} 种格式）" if kinds else "可以读取（当前为空）"
    )


def _hotkey_and_paste(spec: str, paste_mode: str, running: bool) -> list[Check]:
    from desktop.platform import create_platform
    from desktop.platform.base import HotkeyError

    platform = create_platform()
    try:
        if platform.problem:
            hotkey = Check("快捷键", FAIL, f"全局快捷键不可用：{platform.problem}")
        elif running:
            hotkey = Check("快捷键", OK, f"快回正在运行，{spec} 由它注册；要单独检测请先退出快回")
        else:
            try:
                platform.hotkey.register(spec)
                platform.hotkey.unregister()
                hotkey = Check("快捷键", OK, f"{spec} 可以注册（{platform.name}）")
            except HotkeyError as exc:
                hotkey = Check("快捷键", FAIL, str(exc))
    finally:
        platform.close()
    if paste_mode == "copy":
        paste = Check("粘贴", OK, "设置为只复制到剪贴板（paste_mode=copy），需要手动 Ctrl+V")
    elif platform.name == "none":
        paste = Check("粘贴", WARN, "无法自动粘贴，话术会复制到剪贴板，需要手动 Ctrl+V")
    else:
        paste = Check("粘贴", OK, f"自动粘贴：切回聊天窗口后模拟 Ctrl+V（{platform.name}）")
    return [hotkey, paste]
