"""A key-capture field for the global hotkey: press the keys, get ``ctrl+alt+k``."""

from __future__ import annotations

from desktop.core.base.errors import ValidationError
from desktop.core.store.settings import normalise_hotkey
from desktop.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from desktop.ui.i18n import says

_NAMED = {
    Qt.Key.Key_Space: "space",
    Qt.Key.Key_Return: "enter",
    Qt.Key.Key_Enter: "enter",
    Qt.Key.Key_Tab: "tab",
    Qt.Key.Key_Insert: "insert",
    Qt.Key.Key_Home: "home",
    Qt.Key.Key_End: "end",
    Qt.Key.Key_PageUp: "pageup",
    Qt.Key.Key_PageDown: "pagedown",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_QuoteLeft: "backquote",
}
_MODIFIER_KEYS = {
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
}


def key_to_spec(key: int, modifiers: Qt.KeyboardModifier) -> str:
    """Qt key + modifiers → a hotkey spec; raises ValidationError when unusable."""
    parts = []
    if modifiers & Qt.KeyboardModifier.ControlModifier:
        parts.append("ctrl")
    if modifiers & Qt.KeyboardModifier.AltModifier:
        parts.append("alt")
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        parts.append("shift")
    if modifiers & Qt.KeyboardModifier.MetaModifier:
        parts.append("win")
    k = Qt.Key(key)
    if Qt.Key.Key_A <= k <= Qt.Key.Key_Z or Qt.Key.Key_0 <= k <= Qt.Key.Key_9:
        name = chr(int(k)).lower()
    elif Qt.Key.Key_F1 <= k <= Qt.Key.Key_F24:
        name = f"f{int(k) - int(Qt.Key.Key_F1) + 1}"
    elif k in _NAMED:
        name = _NAMED[k]
    else:
        raise ValidationError(
            QtCore.QCoreApplication.translate("HotkeyEdit", "这个键不能用作快捷键")
        )
    return normalise_hotkey("+".join(parts + [name]))


class HotkeyEdit(QtWidgets.QLineEdit):
    """Read-only line that records the next key combination pressed in it."""

    captured = Signal(str)

    def __init__(self, spec: str = "", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.setReadOnly(True)
        self.setPlaceholderText(self.tr("点击这里后按下新的快捷键"))
        self.problem = ""

    def spec(self) -> str:
        return self.text()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in _MODIFIER_KEYS:
            return
        if (
            event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Escape)
            and not event.modifiers()
        ):
            super().keyPressEvent(event)
            return
        try:
            spec = key_to_spec(event.key(), event.modifiers())
        except ValidationError as exc:
            self.problem = says(exc)
            self.setToolTip(self.problem)
            return
        self.problem = ""
        self.setToolTip("")
        self.setText(spec)
        self.captured.emit(spec)
