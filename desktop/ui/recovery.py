"""At start-up: a damaged library file is caught before the app uses it, and a way out offered.

The agent chooses; nothing happens behind their back.  With a backup the offer
is to restore the newest one; without, to keep the damaged file under another
name and start from the default library.  Either way the damaged file is
renamed (``library.db.damaged-<time>``), never deleted or overwritten, so
support can still look at it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core import QuickReplyError
from desktop.core.store.damaged import damage, latest_backup, restore_backup, set_aside
from desktop.qt import Qt, QtCore, QtWidgets
from desktop.ui.i18n import says

log = logging.getLogger("quickreply.db")


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Recovery", text)


@dataclass(frozen=True)
class Offer:
    path: Path
    problem: str
    backup: Path | None
    backup_time: datetime | None


@dataclass(frozen=True)
class Outcome:
    path: Path | None  # the library to open, or None: quit
    note: str = ""  # what was done, for a tray message


def offer_text(offer: Offer) -> str:
    lines = [
        tr("话术库文件已损坏，无法打开：%1").replace("%1", str(offer.path)),
        tr("原因：%1").replace("%1", says(offer.problem)),
    ]
    if offer.backup is not None and offer.backup_time is not None:
        when = offer.backup_time.strftime("%Y-%m-%d %H:%M")
        lines.append(tr("可以恢复最近的备份（%1）。").replace("%1", when))
    else:
        lines.append(tr("没有找到备份。可以新建一个默认话术库继续工作。"))
    lines.append(tr("损坏的文件会改名保存（.damaged-时间），不会删除。"))
    return "\n".join(lines)


class RecoveryDialog(QtWidgets.QMessageBox):
    """Two buttons: the way out, or quit (leaving everything as it is)."""

    def __init__(self, offer: Offer, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            QtWidgets.QMessageBox.Icon.Warning, tr("快回：话术库已损坏"), "", parent=parent
        )
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(offer_text(offer))
        label = tr("恢复最近的备份") if offer.backup is not None else tr("改名保存并新建话术库")
        self.proceed = self.addButton(label, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        self.quit = self.addButton(tr("退出"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.proceed)
        self.setEscapeButton(self.quit)


def ask_with_dialog(offer: Offer) -> bool:
    dialog = RecoveryDialog(offer)
    dialog.exec()
    return dialog.clickedButton() is dialog.proceed


def check_at_start(path: Path, ask: Callable[[Offer], bool] | None = ask_with_dialog) -> Outcome:
    """The library to open; ``ask=None`` (the smoke test) refuses a damaged file outright."""
    problem = damage(path)
    if problem is None:
        return Outcome(path)
    log.error("library %s is damaged: %s", path, problem)
    try:
        newest = latest_backup(path)
    except (OSError, ValueError, QuickReplyError) as exc:
        log.warning("backups of %s unreadable: %s", path, exc)
        newest = None
    offer = Offer(path, problem, *(newest or (None, None)))
    if ask is None or not ask(offer):
        return Outcome(None, tr("话术库已损坏，没有改动。运行 quickreply doctor 查看详情"))
    try:
        if offer.backup is not None:
            aside = restore_backup(offer.backup, path)
            note = tr("已恢复 %1 的备份；损坏的文件保存为 %2")
            note = note.replace("%1", f"{offer.backup_time:%Y-%m-%d %H:%M}")
        else:
            aside = set_aside(path)
            note = tr("已新建话术库；损坏的文件保存为 %2")
    except QuickReplyError as exc:
        log.error("recovery of %s failed: %s", path, exc)
        return Outcome(None, says(exc))
    log.warning("library %s damaged; kept as %s", path, aside)
    return Outcome(path, note.replace("%2", aside.name))
