"""当前买家: the buyer being served now, edited by hand or read from the clipboard.

The values live in a ``BuyerContext`` in memory only; this dialog never
stores or logs them.
"""

from __future__ import annotations

from desktop.core.text.buyer import FIELDS, BuyerContext, recognise
from desktop.qt import Qt, QtGui, QtWidgets, Signal
from desktop.ui.i18n import field_label


class BuyerDialog(QtWidgets.QDialog):
    changed = Signal()

    def __init__(self, buyer: BuyerContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.buyer = buyer
        self.setWindowTitle(self.tr("当前买家"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        form = QtWidgets.QFormLayout()
        self.inputs: dict[str, QtWidgets.QLineEdit] = {}
        for name in FIELDS:
            edit = QtWidgets.QLineEdit()
            edit.setClearButtonEnabled(True)
            self.inputs[name] = edit
            form.addRow(field_label(name), edit)
        self.status = QtWidgets.QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        recognise_button = QtWidgets.QPushButton(self.tr("从剪贴板识别"))
        recognise_button.clicked.connect(self.read_clipboard)
        next_button = QtWidgets.QPushButton(self.tr("下一位买家"))
        next_button.clicked.connect(self.next_buyer)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(recognise_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(next_button, QtWidgets.QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        for name, edit in self.inputs.items():
            edit.setText(self.buyer.get(name))

    def read_clipboard(self) -> None:
        """Fill what the clipboard text reveals; other fields keep their values."""
        text = QtGui.QGuiApplication.clipboard().text()
        found = recognise(text)
        for name, value in found.values.items():
            self.inputs[name].setText(value)
        if found.values:  # said here, not with the core's summary, to speak the UI language
            listed = self.tr("、").join(f"{field_label(n)} {v}" for n, v in found.values.items())
            self.status.setText(self.tr("识别到 %1").replace("%1", listed))
        else:
            self.status.setText(self.tr("剪贴板里没有可识别的买家信息"))

    def next_buyer(self) -> None:
        for edit in self.inputs.values():
            edit.clear()
        self.buyer.clear()
        self.status.setText(self.tr("已清空，可以接待下一位买家"))
        self.changed.emit()

    def accept(self) -> None:
        self.buyer.update({name: edit.text() for name, edit in self.inputs.items()})
        self.changed.emit()
        super().accept()
