"""打字练习: type a phrase body through the input method; 汉字 a minute and accuracy.

Only committed text counts: the box's text never holds the input method's
preedit, and Enter while composing belongs to the IME (it commits the pinyin),
so it never submits.  The clock starts with the first input (a keystroke or the
first composition), so reading the text first is not counted as slow typing.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core import Library, QuickReplyError
from desktop.core.training.results import TYPING, DrillResults, default_trainee, summarize
from desktop.core.training.typing_drill import TARGET_GOAL, TARGET_START, TypingResult, pick_texts
from desktop.qt import Qt, QtCore, QtGui, QtWidgets
from desktop.ui.drill.chart import ProgressChart
from desktop.ui.i18n import says

_E = QtCore.QEvent.Type
TEXTS = 5
_STYLE = """
#target { font-size: 17px; background: palette(base); border: 1px solid #d0d0d0; padding: 10px; }
#typingBox { font-size: 17px; padding: 6px; }
#typingResult { font-size: 15px; }
"""


class TypingBox(QtWidgets.QLineEdit):
    """Reports the first input, and Enter only when nothing is being composed."""

    def __init__(self, on_first: Callable[[], None], on_submit: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("typingBox")
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self._on_first = on_first
        self._on_submit = on_submit
        self.composing = False

    def inputMethodEvent(self, event: QtGui.QInputMethodEvent) -> None:
        self._on_first()
        self.composing = bool(event.preeditString())
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.composing:
                self._on_submit()
            event.accept()
            return
        if event.text():
            self._on_first()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        self.composing = False  # Qt commits the preedit on a focus change
        super().focusOutEvent(event)


class TypingWindow(QtWidgets.QWidget):
    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None,
                 *, clock: Callable[[], float] | None = None) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.results = DrillResults(library)
        self._clock = clock or (lambda: QtCore.QDateTime.currentMSecsSinceEpoch() / 1000.0)
        self._started: float | None = None
        self._texts: list[str] = []
        self._index = 0
        self.last: TypingResult | None = None
        self.setWindowTitle(self.tr("快回 打字练习"))
        self.setStyleSheet(_STYLE)
        self.resize(720, 560)
        v = QtWidgets.QVBoxLayout(self)
        self.progress_label = QtWidgets.QLabel()
        v.addWidget(self.progress_label)
        self.target = QtWidgets.QLabel()
        self.target.setObjectName("target")
        self.target.setTextFormat(Qt.TextFormat.PlainText)  # phrase text is data
        self.target.setWordWrap(True)
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        v.addWidget(self.target)
        self.box = TypingBox(self._first_input, self.submit)
        self.box.setPlaceholderText(self.tr("用输入法照着上面打，打完按 Enter"))
        v.addWidget(self.box)
        self.result_label = QtWidgets.QLabel()
        self.result_label.setObjectName("typingResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        v.addWidget(self.result_label)
        self.overall = QtWidgets.QLabel()
        self.overall.setTextFormat(Qt.TextFormat.PlainText)
        v.addWidget(self.overall)
        v.addWidget(QtWidgets.QLabel(self.tr("每天的速度（汉字/分钟）")))
        self.chart = ProgressChart()
        v.addWidget(self.chart, 1)

    def start(self, seed: int | None = None) -> bool:
        phrases = self.library.phrases()
        self._texts = pick_texts(phrases, TEXTS, seed)
        self._trainee = default_trainee(self.library)
        self._index = 0
        self.result_label.clear()
        self._show_overall()
        if not self._texts:
            self.target.setText(self.tr("话术库里没有够长的话术可以练打字"))
            self.box.setEnabled(False)
            return False
        self.box.setEnabled(True)
        self._show_text()
        return True

    @property
    def text(self) -> str:
        return self._texts[self._index] if self._index < len(self._texts) else ""

    def _show_text(self) -> None:
        self.progress_label.setText(
            self.tr("第 %1/%2 段").replace("%1", str(self._index + 1)).replace("%2", str(len(self._texts)))
        )
        self.target.setText(self.text)
        self.box.clear()
        self.box.composing = False
        self._started = None
        self.box.setFocus()

    def _first_input(self) -> None:
        if self._started is None:
            self._started = self._clock()

    def submit(self) -> None:
        if not self._texts:
            self.start()
            return
        typed = self.box.text()
        if not typed.strip() or self._started is None or not self.text:
            return
        result = TypingResult(self.text, typed, max(0.001, self._clock() - self._started))
        self.last = result
        try:
            self.results.add_typing(self._trainee, result)
        except QuickReplyError as exc:
            self.result_label.setText(says(exc))
            return
        self.result_label.setText(
            self.tr("%1 汉字/分钟 · 准确率 %2% · 错 %3 字（目标 %4 → %5）")
            .replace("%1", f"{result.per_minute:.0f}")
            .replace("%2", f"{result.accuracy * 100:.0f}")
            .replace("%3", str(result.errors))
            .replace("%4", str(TARGET_START)).replace("%5", str(TARGET_GOAL))
        )  # fmt: skip
        self._show_overall()
        self._index += 1
        if self._index < len(self._texts):
            self._show_text()
        else:
            self.target.setText(self.tr("这一组打完了。关掉窗口，或按 Enter 再来一组。"))
            self._texts = []
            self.box.clear()

    def _show_overall(self) -> None:
        s = summarize(self.results.rows(self._trainee, TYPING))
        if s.per_minute is None:
            self.overall.setText(self.tr("还没有打字记录"))
        else:
            self.overall.setText(
                self.tr("%1 累计 %2 段：%3 汉字/分钟，准确率 %4%")
                .replace("%1", self._trainee).replace("%2", str(s.typed))
                .replace("%3", f"{s.per_minute:.0f}")
                .replace("%4", f"{(s.typing_accuracy or 0) * 100:.0f}")
            )  # fmt: skip
        self.chart.set_points([(d.day, d.per_minute) for d in s.days if d.per_minute is not None],
                              top=float(TARGET_GOAL) * 1.2,
                              targets=[(TARGET_START, self.tr("起步 %1").replace("%1", str(TARGET_START))),
                                       (TARGET_GOAL, self.tr("目标 %1").replace("%1", str(TARGET_GOAL)))])  # fmt: skip

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._texts:
            self.start()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

