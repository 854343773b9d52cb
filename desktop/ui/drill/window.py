"""应答练习: a buyer question as a chat bubble, a countdown, the real picker to answer.

Three pages: choose (name, categories, rounds, level), the round itself, and
the results.  Keyboard-first like the picker: Enter starts, answers (through
the picker, which ignores Enter while an input method composes) and moves on;
Esc ends the round.  Grading and results live in ``desktop.core.training``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from desktop.core import Library, QuickReplyError
from desktop.core.training import drill
from desktop.core.training.results import DrillResults, default_trainee, summarize, write_csv
from desktop.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from desktop.ui.drill.chart import ProgressChart
from desktop.ui.drill.picker import DrillPicker
from desktop.ui.i18n import says

TICK_MS = 100
_STYLE = """
#bubble { background: #ffffff; color: #202124; border: 1px solid #d0d0d0; border-radius: 10px;
          padding: 10px 14px; font-size: 16px; }
#buyerName { color: #707070; }
#countdown { font-size: 22px; font-weight: bold; }
#countdown[late="true"] { color: #c5221f; }
#feedback { font-size: 15px; padding: 6px; }
#feedback[right="true"] { color: #188038; }
#feedback[right="false"] { color: #c5221f; }
#noExamples { color: #c5221f; }
"""


def _percent(x: float) -> str:
    return f"{round(x * 100)}%"


def _restyle(widget: QtWidgets.QWidget, name: str, value: object) -> None:
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class DrillWindow(QtWidgets.QWidget):
    """One window per session; ``prepare`` chooses categories before a round."""

    finished_round = Signal()
    typing_requested = Signal()

    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.results = DrillResults(library)
        self.setWindowTitle(self.tr("快回 应答练习"))
        self.setStyleSheet(_STYLE)
        self.resize(760, 620)
        self._round: list[drill.Question] = []
        self._answers: list[drill.Answer] = []
        self._index = -1
        self._trainee = default_trainee(library)
        self._limit = float(drill.DEFAULT_SECONDS)
        self._answering = False
        self._clock = QtCore.QElapsedTimer()
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.pages = QtWidgets.QStackedWidget(self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._build_start()
        self._build_round()
        self._build_results()

    # ----- pages ---------------------------------------------------------------
    def _build_start(self) -> None:
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout()
        self.name_edit = QtWidgets.QLineEdit()
        self.name_edit.installEventFilter(self)  # a name typed with pinyin: Enter commits it
        self._composing = False
        form.addRow(self.tr("学员"), self.name_edit)
        self.category_list = QtWidgets.QListWidget()
        self.category_list.setObjectName("categories")
        form.addRow(self.tr("分类（不选就是全部）"), self.category_list)
        self.rounds_spin = QtWidgets.QSpinBox()
        self.rounds_spin.setRange(1, drill.MAX_ROUNDS)
        self.rounds_spin.setValue(drill.DEFAULT_ROUNDS)
        form.addRow(self.tr("题数"), self.rounds_spin)
        self.level_combo = QtWidgets.QComboBox()
        self.level_combo.addItem(self.tr("和工作时一样（搜索、编码、建议）"), "normal")
        self.level_combo.addItem(self.tr("更难：只能搜索，没有建议"), "search")
        form.addRow(self.tr("难度"), self.level_combo)
        self.start_message = QtWidgets.QLabel()
        self.start_message.setObjectName("noExamples")
        self.start_message.setWordWrap(True)
        self.start_message.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QtWidgets.QPushButton(self.tr("开始应答练习（Enter）"))
        self.start_button.setObjectName("startDrill")
        self.start_button.clicked.connect(lambda: self.start_round())
        self.typing_button = QtWidgets.QPushButton(self.tr("打字练习…"))
        self.typing_button.clicked.connect(self.typing_requested)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.typing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        v = QtWidgets.QVBoxLayout(page)
        intro = QtWidgets.QLabel(self.tr(
            "每题是一条买家常问：在限定时间内用搜索、拼音、编码或建议选出要发的话术。"
            "答完会告诉你对不对、用了几秒，答错时给出应选的话术和编码。"))  # fmt: skip
        intro.setWordWrap(True)
        v.addWidget(intro)
        v.addLayout(form, 1)
        v.addWidget(self.start_message)
        v.addLayout(buttons)
        self.pages.addWidget(page)

    def _build_round(self) -> None:
        page = QtWidgets.QWidget()
        v = QtWidgets.QVBoxLayout(page)
        top = QtWidgets.QHBoxLayout()
        self.progress_label = QtWidgets.QLabel()
        self.countdown = QtWidgets.QLabel()
        self.countdown.setObjectName("countdown")
        top.addWidget(self.progress_label, 1)
        top.addWidget(self.countdown)
        v.addLayout(top)
        self.time_bar = QtWidgets.QProgressBar()
        self.time_bar.setTextVisible(False)
        self.time_bar.setMaximumHeight(6)
        v.addWidget(self.time_bar)
        who = QtWidgets.QLabel(self.tr("买家"))
        who.setObjectName("buyerName")
        v.addWidget(who)
        self.bubble = QtWidgets.QLabel()
        self.bubble.setObjectName("bubble")
        self.bubble.setTextFormat(Qt.TextFormat.PlainText)  # the lead's words are data
        self.bubble.setWordWrap(True)
        self.bubble.setSizePolicy(QtWidgets.QSizePolicy.Policy.Maximum,
                                  QtWidgets.QSizePolicy.Policy.Minimum)  # fmt: skip
        v.addWidget(self.bubble, 0, Qt.AlignmentFlag.AlignLeft)
        self.picker = DrillPicker(self.library, page)
        self.picker.setObjectName("drillPicker")
        self.picker.chosen.connect(self._on_chosen)
        self.picker.dismissed.connect(self.end_round)
        v.addWidget(self.picker, 100)
        self.feedback = QtWidgets.QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.feedback.hide()
        v.addWidget(self.feedback)
        v.addStretch(1)  # with the picker put away, the feedback stays under the bubble
        self.pages.addWidget(page)

    def _build_results(self) -> None:
        page = QtWidgets.QWidget()
        v = QtWidgets.QVBoxLayout(page)
        self.round_summary = QtWidgets.QLabel()
        self.round_summary.setObjectName("roundSummary")
        self.round_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.round_summary.setWordWrap(True)
        self.overall_summary = QtWidgets.QLabel()
        self.overall_summary.setObjectName("overallSummary")
        self.overall_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.overall_summary.setWordWrap(True)
        self.missed_list = QtWidgets.QListWidget()
        self.missed_list.setObjectName("missed")
        self.chart = ProgressChart()
        v.addWidget(self.round_summary)
        v.addWidget(QtWidgets.QLabel(self.tr("要记住的话术（编码 · 标题）")))
        self.missed_list.setMaximumHeight(130)
        v.addWidget(self.missed_list)
        v.addWidget(self.overall_summary)
        v.addWidget(QtWidgets.QLabel(self.tr("每天的正确率")))
        v.addWidget(self.chart, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.export_button = QtWidgets.QPushButton(self.tr("导出成绩 CSV…"))
        self.export_button.clicked.connect(self._choose_export_file)
        self.again_button = QtWidgets.QPushButton(self.tr("再练一轮（Enter）"))
        self.again_button.clicked.connect(lambda: self.start_round())
        close = QtWidgets.QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.again_button)
        v.addLayout(buttons)
        self.pages.addWidget(page)

    # ----- choosing ------------------------------------------------------------
    @property
    def in_round(self) -> bool:
        return self.pages.currentIndex() == 1

    def prepare(self, categories: Sequence[Sequence[str]] = ()) -> None:
        """Back to the first page with ``categories`` ticked (none: the whole library)."""
        self._stop_clock()
        self.name_edit.setText(default_trainee(self.library))
        level = self.library.setting("drill_level")
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        wanted = {tuple(c) for c in categories}
        counts: dict[tuple[str, ...], int] = {}
        for q in drill.library_questions(self.library):
            for depth in range(1, len(q.category) + 1):
                counts[q.category[:depth]] = counts.get(q.category[:depth], 0) + 1
        self.category_list.clear()
        for cat in self.library.categories():
            n = counts.get(cat.path, 0)
            if not n and cat.path not in wanted:
                continue
            label = "  " * (len(cat.path) - 1) + cat.name + self.tr("（%1 问）").replace("%1", str(n))
            item = QtWidgets.QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, list(cat.path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cat.path in wanted else Qt.CheckState.Unchecked)
            self.category_list.addItem(item)
        empty = not counts
        self.start_message.setText(self.tr(
            "话术库里还没有买家常问，没法出题。请组长在话术里填写「买家常问」（每条话术几种买家的问法），"
            "或导入组长分享的练习包。") if empty else "")  # fmt: skip
        self.start_message.setVisible(empty)
        self.start_button.setEnabled(not empty)
        self.pages.setCurrentIndex(0)
        self.start_button.setFocus()

    def chosen_categories(self) -> list[list[str]]:
        out = []
        for i in range(self.category_list.count()):
            item = self.category_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    # ----- the round -----------------------------------------------------------
    def start_round(self, seed: int | None = None) -> bool:
        """Draw a round; a clear message (and no round) when there is nothing to ask."""
        self.start_message.hide()
        try:
            pool = drill.library_questions(self.library, self.chosen_categories())
            self._round = drill.draw(pool, self.rounds_spin.value(),
                                     seed)  # fmt: skip
        except QuickReplyError as exc:
            self.start_message.setText(says(exc))
            self.start_message.show()
            self.pages.setCurrentIndex(0)
            return False
        self._trainee = " ".join(self.name_edit.text().split()) or default_trainee(self.library)
        self._limit = float(self.library.setting("drill_seconds"))
        self.picker.suggestions = self.level_combo.currentData() != "search"
        self._answers = []
        self._index = -1
        self.pages.setCurrentIndex(1)
        self._next()
        return True

    @property
    def question(self) -> drill.Question | None:
        return self._round[self._index] if 0 <= self._index < len(self._round) else None

    @property
    def answers(self) -> list[drill.Answer]:
        return list(self._answers)

    @property
    def answering(self) -> bool:
        return self._answering

    def _next(self) -> None:
        self._index += 1
        q = self.question
        if q is None:
            self.end_round()
            return
        self.progress_label.setText(
            self.tr("第 %1/%2 题").replace("%1", str(self._index + 1)).replace("%2", str(len(self._round)))
        )
        self.bubble.setText(q.text)
        self.feedback.hide()
        self.time_bar.setRange(0, int(self._limit * 1000))
        self.time_bar.setValue(int(self._limit * 1000))
        _restyle(self.countdown, "late", False)
        self.countdown.setText(f"{self._limit:.0f}")
        self._answering = True
        self.picker.start(q.text)
        self._clock.start()
        self._timer.start()

    def _elapsed(self) -> float:
        return self._clock.elapsed() / 1000.0

    def _tick(self) -> None:
        left = max(0.0, self._limit - self._elapsed())
        self.countdown.setText(f"{left:.0f}" if left >= 1 else f"{left:.1f}")
        self.time_bar.setValue(int(left * 1000))
        if left <= 5 and not self.countdown.property("late"):
            _restyle(self.countdown, "late", True)
        if left <= 0 and self._answering:
            self._answer(None)

    def _on_chosen(self, phrase_id: str, _text: str) -> None:
        if not self._answering:
            return
        try:
            phrase = self.library.get(phrase_id)
        except QuickReplyError:
            phrase = None
        self._answer(phrase)

    def _answer(self, phrase) -> None:
        q = self.question
        if q is None:
            return
        self._answering = False
        self._timer.stop()
        answer = drill.grade(q, phrase, self._elapsed(), self._limit)
        self._answers.append(answer)
        try:
            self.results.add_answer(self._trainee, answer)
        except QuickReplyError as exc:
            self.feedback.setText(says(exc))
        self.picker.hide()
        self._show_feedback(answer)

    def _show_feedback(self, answer: drill.Answer) -> None:
        seconds = self.tr("%1 秒").replace("%1", f"{answer.seconds:.1f}")
        if answer.picked_id is None:
            text = self.tr("时间到 ✗  应选：%1").replace("%1", answer.question.expected)
        elif answer.correct:
            text = self.tr("✓ 正确 · %1").replace("%1", seconds)
            if not answer.in_time:
                text += self.tr("（超时）")
        else:
            text = (self.tr("✗ 不对 · %1 · 你选了「%2」\n应选：%3")
                    .replace("%1", seconds).replace("%2", answer.picked_title)
                    .replace("%3", answer.question.expected))  # fmt: skip
        last = self._index + 1 >= len(self._round)
        text += "\n" + (self.tr("Enter 看成绩") if last else self.tr("Enter 下一题"))
        self.feedback.setText(text)
        _restyle(self.feedback, "right", answer.correct)
        self.feedback.show()
        self.feedback.setFocus()

    def end_round(self) -> None:
        """Results of what was answered so far (Esc ends a round early)."""
        self._stop_clock()
        self.picker.hide()
        self._show_results()
        self.pages.setCurrentIndex(2)
        self.again_button.setFocus()
        self.finished_round.emit()

    def _stop_clock(self) -> None:
        self._timer.stop()
        self._answering = False

    # ----- results -------------------------------------------------------------
    def _show_results(self) -> None:
        answers = self._answers
        if answers:
            right = sum(a.correct for a in answers)
            median = statistics.median(a.seconds for a in answers)
            within = sum(a.in_time for a in answers)
            self.round_summary.setText(
                self.tr("这一轮：答对 %1/%2 · 中位用时 %3 秒 · 限时内 %4/%2")
                .replace("%1", str(right)).replace("%2", str(len(answers)))
                .replace("%3", f"{median:.1f}").replace("%4", str(within))
            )  # fmt: skip
        else:
            self.round_summary.setText(self.tr("这一轮没有回答"))
        self.missed_list.clear()
        for expected in dict.fromkeys(a.question.expected for a in answers if not a.correct):
            self.missed_list.addItem(expected)
        rows = self.results.rows(self._trainee)
        s = summarize(rows)
        parts = [self.tr("%1 累计：%2 题 · 正确率 %3 · 中位用时 %4 秒 · 限时内 %5")
                 .replace("%1", rows[0].trainee if rows else "")
                 .replace("%2", str(s.answers)).replace("%3", _percent(s.accuracy))
                 .replace("%4", f"{s.median_seconds or 0:.1f}").replace("%5", _percent(s.within_limit))]  # fmt: skip
        if s.weakest:
            parts.append(self.tr("薄弱分类：") + self.tr("；").join(
                f"{w.category} {_percent(w.accuracy)}" for w in s.weakest))  # fmt: skip
        self.overall_summary.setText("\n".join(parts))
        self.chart.set_points([(d.day, d.accuracy * 100) for d in s.days if d.accuracy is not None],
                              top=100, unit="%")  # fmt: skip

    def export_csv(self, path: str | Path) -> int:
        rows = self.results.rows(self._trainee)
        write_csv(rows, path)
        return len(rows)

    def _choose_export_file(self) -> None:
        folder = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = self.tr("练习成绩-%1.csv").replace("%1", f"{datetime.now():%Y%m%d}")
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("导出练习成绩"), str(Path(folder) / name), self.tr("CSV 文件 (*.csv)")
        )
        if not path:
            return
        try:
            count = self.export_csv(path)
        except QuickReplyError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("导出失败"), says(exc))
            return
        self.export_button.setToolTip(
            self.tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path)
        )

    # ----- keys ------------------------------------------------------------------
    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if isinstance(event, QtGui.QInputMethodEvent):
            self._composing = bool(event.preeditString())
        elif event.type() == QtCore.QEvent.Type.FocusOut:
            self._composing = False
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._composing
        page = self.pages.currentIndex()
        if enter and page == 0 and self.start_button.isEnabled():
            self.start_round()
        elif enter and page == 1 and not self._answering:
            self._next()
        elif enter and page == 2:
            self.start_round()
        elif key == Qt.Key.Key_Escape:
            if page == 1:
                self.end_round()
            else:
                self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._stop_clock()
        super().closeEvent(event)
