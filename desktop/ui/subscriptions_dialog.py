"""订阅: the team subscriptions, when each was last updated, and 添加 / 删除 / 立即更新.

Adding and updating read the network, so they go through the updater's worker
thread and the dialog just shows "正在检查…"; removing is local and quick.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.core import Library, QuickReplyError
from desktop.core.team import subscriptions as subs
from desktop.core.team.signing import read_public_key_arg
from desktop.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtWidgets
from desktop.ui.i18n import named, says
from desktop.ui.plain import plain_tooltip
from desktop.ui.subscription_updater import SubscriptionUpdater

COLUMNS = (
    QT_TRANSLATE_NOOP("SubscriptionsDialog", "名称"),
    QT_TRANSLATE_NOOP("SubscriptionsDialog", "来源"),
    QT_TRANSLATE_NOOP("SubscriptionsDialog", "上次更新"),
    QT_TRANSLATE_NOOP("SubscriptionsDialog", "状态"),
)


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("SubscriptionsDialog", text)


def local_time(stamp: str | None) -> str:
    if not stamp:
        return tr("从未")
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def status_text(sub: subs.Subscription) -> str:
    if sub.last_error:
        text = tr("上次检查（%1）：%2").replace("%1", local_time(sub.last_checked))
        return text.replace("%2", says(sub.last_error))
    return tr("正常，%1 检查过").replace("%1", local_time(sub.last_checked))


class SubscriptionsDialog(QtWidgets.QDialog):
    def __init__(
        self,
        library: Library,
        updater: SubscriptionUpdater,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.updater = updater
        self.setWindowTitle(self.tr("快回 订阅"))
        self.resize(720, 360)

        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.source = QtWidgets.QLineEdit()
        self.source.setPlaceholderText(self.tr("https://… 或共享文件夹里的话术包 .json"))
        self.browse_button = QtWidgets.QPushButton(self.tr("选择文件…"))
        self.browse_button.clicked.connect(self._browse)
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText(self.tr("名称（可选，默认用话术包的名称）"))
        self.pin = QtWidgets.QLineEdit()
        self.pin.setPlaceholderText(self.tr("发布者公钥（可选；留空则信任第一次读到的签名）"))
        form = QtWidgets.QFormLayout()
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("订阅地址"), row)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("公钥"), self.pin)

        self.add_button = QtWidgets.QPushButton(self.tr("添加"))
        self.remove_button = QtWidgets.QPushButton(self.tr("删除"))
        self.update_button = QtWidgets.QPushButton(self.tr("立即更新"))
        close_button = QtWidgets.QPushButton(self.tr("关闭"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.update_button.clicked.connect(self.update_now)
        close_button.clicked.connect(self.accept)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.update_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)

        self.status = QtWidgets.QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages quote phrase titles: data
        self.status.setWordWrap(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        updater.checked.connect(self._checked)
        updater.busy_changed.connect(self._set_busy)
        self.reload()
        self._set_busy(updater.busy)

    # ----- showing ----------------------------------------------------------------
    def reload(self) -> None:
        self.items = subs.all_subscriptions(self.library)
        self.table.setRowCount(len(self.items))
        for n, sub in enumerate(self.items):
            cells = (sub.name, sub.source, local_time(sub.last_updated), status_text(sub))
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(f"{text}\n{sub.trust}"))
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()

    def selected(self) -> subs.Subscription | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.items[min(rows)] if rows else None

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.update_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("正在检查订阅…"))

    # ----- actions ----------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("选择话术包"), "", self.tr("话术包 (*.json)")
        )
        if path:
            self.source.setText(path)

    def add(self) -> None:
        source, name, pin = (
            self.source.text().strip(),
            self.name.text().strip(),
            self.pin.text().strip(),
        )
        if not source:
            self.status.setText(self.tr("请填写订阅地址：http(s) 地址或共享文件夹里的文件"))
            return

        def job(lib: Library) -> subs.UpdateResult:
            key = read_public_key_arg(pin) if pin else None
            return subs.subscribe(lib, source, name=name or None, pin=key)

        self.updater.submit(job, self._added)

    def _added(self, outcome: Any) -> None:
        if isinstance(outcome, QuickReplyError):
            self.status.setText(says(outcome))
        elif isinstance(outcome, Exception):
            self.status.setText(self.tr("订阅失败：") + f"{type(outcome).__name__}: {outcome}")
        else:
            self.status.setText(says(outcome.message))
            if outcome.status != subs.REFUSED:
                self.source.clear()
                self.name.clear()
                self.pin.clear()
        self.reload()

    def confirm_remove(self, sub: subs.Subscription) -> bool:
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("删除订阅"),
            self.tr("删除订阅「%1」和它的全部话术？自己复制出来的话术不受影响。").replace(
                "%1", sub.name
            ),
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        sub = self.selected()
        if sub is None:
            self.status.setText(self.tr("先在列表里选一个订阅"))
            return
        if not self.confirm_remove(sub):
            return
        try:
            removed, titles = subs.unsubscribe(self.library, str(sub.id))
        except QuickReplyError as exc:
            self.status.setText(says(exc))
        else:
            text = self.tr("已删除订阅「%1」，移除了 %2 条话术")
            self.status.setText(text.replace("%1", removed.name).replace("%2", str(len(titles))))
        self.reload()

    def update_now(self) -> None:
        self.reload()  # the CLI may have added or removed one meanwhile
        if not self.items:
            self.status.setText(self.tr("还没有订阅"))
            return
        self.updater.check_all()

    def _checked(self, results: list[subs.UpdateResult]) -> None:
        self.status.setText("\n".join(named(r.subscription.name, says(r.message)) for r in results))
        self.reload()
