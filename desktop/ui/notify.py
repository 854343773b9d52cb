"""A message bridge: logic reports to the user without importing a widget.

Messages sent before the tray exists are held and delivered when it connects.
"""

from __future__ import annotations

from desktop.qt import QObject, Signal

INFO, WARNING, ERROR = "info", "warning", "error"


class Bridge(QObject):
    message = Signal(str, str, str)  # title, text, level

    def __init__(self) -> None:
        super().__init__()
        self._held: list[tuple[str, str, str]] = []
        self._ready = False

    def send(self, title: str, text: str, level: str = INFO) -> None:
        if self._ready:
            self.message.emit(title, text, level)
        else:
            self._held.append((title, text, level))

    def connect_sink(self, slot) -> None:
        self.message.connect(slot)
        self._ready = True
        held, self._held = self._held, []
        for item in held:
            self.message.emit(*item)
