"""What a key means in the picker, and when a key must mean nothing.

Kept apart from the popup so the one rule that protects buyers from garbled
messages is in one small place: while a Chinese input method is composing
(pinyin typed, candidate not yet picked), Enter and Ctrl+digit belong to the
IME.  Qt reports composition as ``QInputMethodEvent``s whose preedit string is
non-empty; it ends with a commit or an empty preedit.
"""

from __future__ import annotations

from desktop.qt import QObject, Qt, QtCore, QtGui, QtWidgets, Signal

_DIGITS = {int(getattr(Qt.Key, f"Key_{n}")): n for n in range(1, 10)}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_E = QtCore.QEvent.Type


class PopupKeys(QObject):
    """An event filter on the search box and the form fields that emits intents."""

    enter = Signal()  # choose the selected phrase
    digit = Signal(int)  # Ctrl+1…9: choose that row (1-based)
    escape = Signal()
    move = Signal(int)  # rows, from the search box only
    page = Signal(int)  # +1 / -1 pages, from the search box only
    to_form = Signal()  # Tab in the search box
    to_search = Signal()  # Shift+Tab in the search box or the first field

    def __init__(self, search: QtWidgets.QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._first_field: tuple[QObject, ...] = ()
        self._composing: set[QObject] = set()  # widgets holding an uncommitted preedit
        search.installEventFilter(self)

    @property
    def composing(self) -> bool:
        return bool(self._composing)

    def reset(self) -> None:
        """Forget every composition (the popup was closed or reopened)."""
        self._composing.clear()

    def watch_fields(self, editors: list[QtWidgets.QWidget]) -> None:
        """Follow a new set of form fields; the old ones are being deleted."""
        self._composing = {w for w in self._composing if w is self._search}
        self._first_field = ()
        for i, editor in enumerate(editors):
            # An editable combo has focus itself; tests and some IMEs talk to its line edit.
            line = editor.lineEdit() if isinstance(editor, QtWidgets.QComboBox) else None
            targets = (editor,) if line is None else (editor, line)
            for target in targets:
                target.installEventFilter(self)
            if i == 0:
                self._first_field = targets

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == _E.InputMethod and isinstance(event, QtGui.QInputMethodEvent):
            if event.preeditString():
                self._composing.add(watched)
            else:
                self._composing.discard(watched)  # committed or cancelled
        elif kind == _E.FocusOut:
            self._composing.discard(watched)  # Qt commits the preedit on a focus change
        elif kind == _E.KeyPress and isinstance(event, QtGui.QKeyEvent):
            return self._key(watched, event)
        return super().eventFilter(watched, event)

    def _key(self, watched: QObject, event: QtGui.QKeyEvent) -> bool:
        """True consumes the key; everything not listed goes on to the widget."""
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        in_search = watched is self._search
        if key in _ENTER and mods == Qt.KeyboardModifier.NoModifier:
            if not self._composing:
                self.enter.emit()
            return True
        if key in _DIGITS and mods == Qt.KeyboardModifier.ControlModifier:
            if not self._composing:
                self.digit.emit(_DIGITS[key])
            return True
        if key == Qt.Key.Key_Escape:
            self.escape.emit()
            return True
        if in_search and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move.emit(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if in_search and key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.page.emit(-1 if key == Qt.Key.Key_PageUp else 1)
            return True
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        backtab = key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift)
        if in_search and key == Qt.Key.Key_Tab and not backtab:
            self.to_form.emit()
            return True  # never let Tab wander to the list or the preview
        if backtab and (in_search or any(w is watched for w in self._first_field)):
            self.to_search.emit()
            return True
        return False
