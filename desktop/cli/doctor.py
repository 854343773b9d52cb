"""``quickreply doctor``: what is wrong on this PC, in words a support person can read out.

It never opens the library for writing (a damaged file stays as it is) and
never needs the library to open at all, so it works exactly when the rest fails.
Exit code 0 when nothing failed (warnings are allowed), 1 otherwise.
"""

from __future__ import annotations

import logging
import platform
import sys
from pathlib import Path

import click

from desktop import __version__, logs
from desktop.cli.base import emit, json_option, main
from desktop.core.store.damaged import damage
from desktop.core.store.db import default_path, peek_setting
from desktop.core.store.health import (
    FAIL,
    OK,
    WARN,
    Check,
    backup_check,
    database_checks,
    overall_ok,
)
from desktop.core.store.health import subscription_check as subscriptions
from desktop.core.store.settings import SETTINGS

LABELS = {OK: "[正常]", WARN: "[注意]", FAIL: "[失败]"}  # plain text: GBK consoles can show it


def stored_setting(path: Path, key: str) -> str:
    """A setting read without opening the library for writing; the default when unreadable."""
    default = SETTINGS[key].default
    if damage(path):
        return default
    value = peek_setting(path, key)
    return default if value is None else value


def version_check() -> Check:
    try:
        import PySide6

        from desktop.qt import QtCore
        from desktop.ui.binding_check import binding_problem

        qt = f"Qt {QtCore.qVersion()}（PySide6 {PySide6.__version__}）"
    except ImportError as exc:
        return Check("版本", FAIL, f"Qt 无法加载（{exc}），桌面程序不能启动")
    system = f"{platform.system()} {platform.release()}"
    frozen = "，安装版" if getattr(sys, "frozen", False) else ""
    python = platform.python_version()
    versions = f"快回 {__version__}{frozen}，Python {python}，{qt}，{system}"
    problem = binding_problem()
    if problem:
        return Check("版本", WARN, f"{versions}。{problem}")
    return Check("版本", OK, versions)


def log_check() -> Check:
    path = logs.log_file()
    size = f"（{path.stat().st_size // 1024} KB）" if path.is_file() else "（还没有内容）"
    return Check("日志", OK, f"{path}{size}")


def autostart_check(path: Path) -> Check:
    from desktop.platform.autostart import AutostartError, create_autostart

    entry = create_autostart(path)
    try:
        enabled = entry.is_enabled()
    except AutostartError as exc:
        return Check("开机启动", WARN, str(exc))
    return Check("开机启动", OK, f"已开启（{entry.where}）" if enabled else "未开启")


def desktop(path: Path) -> list[Check]:
    try:
        from desktop.ui.desktop_checks import desktop_checks
        from desktop.ui.single_instance import server_name
    except ImportError as exc:
        return [Check("桌面", FAIL, f"桌面组件无法加载：{exc}")]
    hotkey = stored_setting(path, "hotkey")
    return desktop_checks(hotkey, stored_setting(path, "paste_mode"), server_name(path))


def run_checks(path: Path) -> list[Check]:
    checks = database_checks(path)
    checks.append(backup_check(path))
    checks.append(subscriptions(path))
    checks += desktop(path)
    checks.append(autostart_check(path))
    checks.append(version_check())
    checks.append(log_check())
    return checks


@main.command()
@json_option
@click.pass_context
def doctor(ctx: click.Context, as_json: bool) -> None:
    """检查话术库、备份、快捷键、剪贴板、托盘和版本，用于排查问题。"""
    # Problems are reported as checks; the loggers' own warnings would only repeat them.
    logging.getLogger(logs.ROOT).addHandler(logging.NullHandler())
    db = ctx.find_root().obj.get("db")
    path = Path(db).expanduser() if db else default_path()
    checks = run_checks(path)
    healthy = overall_ok(checks)
    if as_json:
        emit({"ok": healthy, "checks": [check.to_dict() for check in checks]})
    else:
        click.echo(f"快回诊断（quickreply {__version__}）")
        for check in checks:
            click.echo(f"{LABELS[check.status]} {check.name}：{check.detail}")
        failed = sum(check.status == FAIL for check in checks)
        click.echo(
            "结论：一切正常" if healthy else f"结论：有 {failed} 项失败，请把以上内容发给技术支持"
        )
    ctx.exit(0 if healthy else 1)
