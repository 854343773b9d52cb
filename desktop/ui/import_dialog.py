"""导入话术…: choose a file, see what it would do per category, then import it.

The decisions are the core importer's (``importer.preview`` / ``apply``); this
dialog only shows them.  Everything from the file is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core import Library, QuickReplyError
from desktop.core.exchange import formats, importer
from desktop.core.exchange.importer import ACTIONS, POLICY_NAMES, STATUSES, ImportPlan
from desktop.core.store import backup
from desktop.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtWidgets, Signal
from desktop.ui.i18n import says
from desktop.ui.notify import ERROR, INFO, WARNING

FILE_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "话术文件 (*.json *.xlsx *.csv);;所有文件 (*)")
COLUMNS = (
    QT_TRANSLATE_NOOP("ImportDialog", "分类 / 标题"),
    QT_TRANSLATE_NOOP("ImportDialog", "状态"),
    QT_TRANSLATE_NOOP("ImportDialog", "处理"),
    QT_TRANSLATE_NOOP("ImportDialog", "说明"),
)
# The importer's own labels (STATUSES, ACTIONS, POLICY_NAMES): the core stays
# Qt-free, so they are listed here for lupdate and translated where shown.
_CORE_LABELS = (
    QT_TRANSLATE_NOOP("ImportDialog", "新增"),
    QT_TRANSLATE_NOOP("ImportDialog", "修改"),
    QT_TRANSLATE_NOOP("ImportDialog", "相同"),
    QT_TRANSLATE_NOOP("ImportDialog", "冲突"),
    QT_TRANSLATE_NOOP("ImportDialog", "替换"),
    QT_TRANSLATE_NOOP("ImportDialog", "新增副本"),
    QT_TRANSLATE_NOOP("ImportDialog", "跳过"),
    QT_TRANSLATE_NOOP("ImportDialog", "都保留"),
)


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ImportDialog", text)


def _label(text: str = "") -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ImportDialog(QtWidgets.QDialog):
    imported = Signal(object)  # the ImportReport

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.loaded: formats.ReadResult | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("导入话术"))
        self.resize(760, 520)

        self.path_edit = QtWidgets.QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("选择 .json / .xlsx / .csv 文件"))
        choose = QtWidgets.QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose_file)
        self.policy = QtWidgets.QComboBox()
        for key, name in POLICY_NAMES.items():
            self.policy.addItem(tr(name), key)
        self.policy.currentIndexChanged.connect(self.refresh)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(choose)
        top.addWidget(QtWidgets.QLabel(self.tr("编号或快捷编码相同但内容不同时：")))
        top.addWidget(self.policy)

        self.summary = _label()
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setColumnWidth(0, 260)
        self.skip_bad = QtWidgets.QCheckBox()
        self.skip_bad.toggled.connect(self._update_button)
        self.bad_list = QtWidgets.QPlainTextEdit()
        self.bad_list.setReadOnly(True)
        self.bad_list.setMaximumHeight(90)
        self.status = _label()

        self.import_button = QtWidgets.QPushButton(self.tr("导入"))
        self.import_button.clicked.connect(self.do_import)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_button, QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.bad_list)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._show_bad_rows()
        self._update_button()

    # ----- choosing and previewing -------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("选择话术文件"), "", self.tr(FILE_FILTER)
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.path_edit.setText(path)
        self.status.clear()
        try:
            self.loaded = formats.read_any(path)
        except QuickReplyError as exc:
            self.loaded = None
            self.status.setText(says(exc))
        self.skip_bad.setChecked(False)
        self.refresh()

    def refresh(self) -> None:
        """Preview again (after a new file, another policy, or an import)."""
        self.plan = None
        if self.loaded is not None:
            try:
                self.plan = importer.preview(self.library, self.loaded, self.policy.currentData())
            except QuickReplyError as exc:
                self.status.setText(says(exc))
        self._fill_tree()
        self._show_bad_rows()
        self._update_button()

    def _fill_tree(self) -> None:
        self.tree.clear()
        plan = self.plan
        if plan is None:
            self.summary.clear()
            return
        counts = plan.counts()
        comma = self.tr("，")
        will = self.tr("将%1 %2 条")
        self.summary.setText(
            self.tr("共 %1 条：").replace("%1", str(len(plan.items)))
            + comma.join(f"{tr(STATUSES[s])} {n}" for s, n in counts.items())
            + self.tr("。")
            + comma.join(
                will.replace("%1", tr(ACTIONS[a])).replace("%2", str(n))
                for a, n in plan.actions().items()
                if n
            )
            + "".join("\n" + self.tr("注意：") + says(w) for w in plan.loaded.warnings)
        )
        groups: dict[str, QtWidgets.QTreeWidgetItem] = {}
        for name, row in plan.by_category().items():
            text = "  ".join(f"{tr(STATUSES[s])} {n}" for s, n in row.items() if n)
            groups[name] = QtWidgets.QTreeWidgetItem(self.tree, [name, text])
        for item in plan.items:
            QtWidgets.QTreeWidgetItem(
                groups[item.category],
                [
                    item.phrase.title,
                    tr(STATUSES[item.status]),
                    tr(ACTIONS[item.action]),
                    says(item.reason),
                ],
            )
        for name, row in plan.by_category().items():
            groups[name].setExpanded(bool(row["conflict"] or row["changed"]))

    def _show_bad_rows(self) -> None:
        errors = self.plan.bad_rows if self.plan else []
        self.skip_bad.setVisible(bool(errors))
        self.bad_list.setVisible(bool(errors))
        text = self.tr("跳过有问题的 %1 行，其余照常导入")
        self.skip_bad.setText(text.replace("%1", str(len(errors))))
        self.bad_list.setPlainText("\n".join(says(e.message) for e in errors))

    def _update_button(self) -> None:
        plan = self.plan
        ready = plan is not None and plan.writes()
        if plan is not None and plan.bad_rows and not self.skip_bad.isChecked():
            ready = False
        self.import_button.setEnabled(ready)

    # ----- importing ---------------------------------------------------------------
    def do_import(self) -> None:
        if self.plan is None:
            return
        try:
            skip = self.skip_bad.isChecked()
            report = importer.apply(self.library, self.plan, skip_bad_rows=skip)
        except QuickReplyError as exc:
            self.status.setText(says(exc))
            self.refresh()
            return
        text = self.tr("已导入：新增 %1 条，替换 %2 条，跳过 %3 条。")
        text = text.replace("%1", str(len(report.added))).replace("%2", str(len(report.replaced)))
        text = text.replace("%3", str(len(report.skipped)))
        if report.backup:
            text += self.tr("导入前已备份，可以在托盘菜单选“撤销导入”。")
        self.refresh()
        self.status.setText(text)
        self.imported.emit(report)


def undo_last_import(
    library: Library,
    notify: Callable[[str, str, str], None],
    ask: Callable[[str], bool] | None = None,
) -> bool:
    """撤销导入: put back the backup taken right before the last import, after asking."""
    try:
        info = backup.last_import_backup(library)
    except QuickReplyError as exc:
        notify(tr("撤销导入"), says(exc), WARNING)
        return False
    if info is None:
        notify(
            tr("撤销导入"), tr("没有可以撤销的导入（找不到导入前的备份，或已经撤销过）"), WARNING
        )
        return False
    question = tr(
        "话术库将回到 %1 导入之前的样子，之后做的修改也会撤销。撤销前会先备份现在的状态。要撤销吗？"
    ).replace("%1", f"{info.created:%m-%d %H:%M}")
    if not (ask or _ask)(question):
        return False
    try:
        _, saved = backup.restore(library, info)
    except QuickReplyError as exc:
        notify(tr("撤销导入失败"), says(exc), ERROR)
        return False
    notify(
        tr("已撤销导入"),
        tr("话术库已回到导入之前；撤销前的状态备份为 %1").replace("%1", saved.name),
        INFO,
    )
    return True


def _ask(question: str) -> bool:
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, tr("撤销导入"), question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No
    )
    box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
    return box.exec() == QtWidgets.QMessageBox.StandardButton.Yes
