"""Starting the desktop app from the command line, or explaining why it can't start."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.startup import display_problem, tell

log = logging.getLogger("quickreply.app")


def launch(db: Path | None = None, *, smoke_test: bool = False, request: str | None = None) -> int:
    problem = display_problem()
    if problem:
        tell(f"{problem}\n可以使用命令行：quickreply search 发货、quickreply --help")
        return 1
    try:
        from desktop.app import run
    except ImportError as exc:  # the desktop layer is missing or Qt can't load
        tell(f"桌面程序无法启动：{exc}\n可以使用命令行：quickreply --help")
        return 1
    try:
        return run(db, smoke_test=smoke_test, request=request)
    except Exception as exc:  # start-up failed before the crash dialog could exist
        log.critical("start-up failed", exc_info=True)
        from desktop.logs import log_file

        tell(
            f"快回启动失败（{type(exc).__name__}）。日志：{log_file()}；可运行 quickreply doctor 检查"
        )
        return 1
