"""统计: uses per phrase over a period, the most used as bars, retire candidates, CSV.

A view over :func:`desktop.core.exchange.stats.usage_report`; every figure and the
time-saved estimate are made in the core so the CLI reports the same numbers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from desktop.core import Library, QuickReplyError
from desktop.core.exchange.stats import (
    PERIODS,
    UNUSED_DAYS,
    Report,
    format_time,
    period_since,
    split_duration,
    usage_report,
    write_csv,
)
from desktop.core.training.results import DrillResults, default_trainee
from desktop.qt import Qt, QtCore, QtGui, QtWidgets
from desktop.ui.plain import plain_tooltip

TOP = 10
BAR_COLOR = QtGui.QColor("#3d7dd8")
_Item = QtWidgets.QTableWidgetItem
_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("StatsDialog", text)


def duration_text(seconds: float) -> str:
    hours, minutes, secs = split_duration(seconds)
    if hours:
        return tr("%1 小时 %2 分钟").replace("%1", str(hours)).replace("%2", str(minutes))
    if minutes:
        return tr("%1 分 %2 秒").replace("%1", str(minutes)).replace("%2", str(secs))
    return tr("%1 秒").replace("%1", str(secs))


class BarChart(QtWidgets.QWidget):
    """Horizontal bars, one per phrase: Chinese titles read better beside a bar than
    under it.  Painted with ``drawText``, so titles are never taken as markup."""

    ROW_GAP = 6

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self._bars: list[tuple[str, int]] = []

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + self.ROW_GAP

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(420, max(TOP, len(self._bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(240, 3 * self._row_height())

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        area = self.rect().adjusted(4, 4, -4, -4)
        text_color = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(text_color)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, tr("这段时间还没有使用记录"))
            return
        row_h = min(self._row_height() * 2, max(fm.height() + 2, area.height() // len(self._bars)))
        label_w = min(
            area.width() * 2 // 5, max(fm.horizontalAdvance(t) for t, _ in self._bars) + 8
        )
        value_w = fm.horizontalAdvance(str(max(v for _, v in self._bars))) + 8
        bar_space = max(1, area.width() - label_w - value_w)
        top = max(v for _, v in self._bars) or 1
        for i, (title, value) in enumerate(self._bars):
            y = area.top() + i * row_h
            label = QtCore.QRect(area.left(), y, label_w - 8, row_h)
            painter.setPen(text_color)
            painter.drawText(
                label, _LEFT, fm.elidedText(title, Qt.TextElideMode.ElideRight, label.width())
            )
            length = max(2, round(bar_space * value / top))
            bar_h = max(4, row_h - self.ROW_GAP)
            bar = QtCore.QRectF(area.left() + label_w, y + (row_h - bar_h) / 2, length, bar_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_COLOR)
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(text_color)
            value_rect = QtCore.QRect(int(bar.right()) + 4, y, value_w, row_h)
            painter.drawText(value_rect, _LEFT, str(value))


class StatsDialog(QtWidgets.QDialog):
    """Modeless; the period and typing speed can be changed while it is open."""

    def __init__(
        self,
        library: Library,
        parent: QtWidgets.QWidget | None = None,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._now = now
        self._report: Report | None = None
        self.setWindowTitle(self.tr("快回 使用统计"))
        self.resize(860, 600)

        self.period = QtWidgets.QComboBox()
        labels = (self.tr("今天"), self.tr("最近 7 天"), self.tr("最近 30 天"), self.tr("全部"))
        for key, label in zip(PERIODS, labels):
            self.period.addItem(label, key)
        self.period.setCurrentIndex(PERIODS.index("7d"))
        self.speed = QtWidgets.QSpinBox()
        self.speed.setRange(10, 400)
        self.speed.setSuffix(self.tr(" 字/分钟"))
        self.speed.setValue(int(library.setting("typing_speed")))
        self.speed.setToolTip(self.tr("用来估算节省的时间；新手约 80 字/分钟"))
        measured = DrillResults(library).typing_speed(default_trainee(library))
        if measured is not None:  # the trainee's own speed from 打字练习 beats the guess
            self.speed.setValue(max(10, min(400, measured)))
            self.speed.setToolTip(
                self.tr("按打字练习实测：%1 汉字/分钟；用来估算节省的时间").replace("%1", str(measured))
            )
        self.export_button = QtWidgets.QPushButton(self.tr("导出CSV…"))
        self.export_button.clicked.connect(self._choose_export_file)
        bar = QtWidgets.QHBoxLayout()
        for widget in (QtWidgets.QLabel(self.tr("时段")), self.period,
                       QtWidgets.QLabel(self.tr("打字速度")), self.speed):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.summary = QtWidgets.QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15 if font.pointSizeF() > 0 else 11)
        font.setBold(True)
        self.summary.setFont(font)

        self.chart = BarChart()
        chart_box = QtWidgets.QGroupBox(self.tr("最常用（前 10）"))
        QtWidgets.QVBoxLayout(chart_box).addWidget(self.chart)

        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("标题"), self.tr("分类"), self.tr("使用次数"), self.tr("最后使用"),
             self.tr("节省（分钟）")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # most used first
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)

        self.unused_box = QtWidgets.QGroupBox()
        self.unused_list = QtWidgets.QListWidget()
        QtWidgets.QVBoxLayout(self.unused_box).addWidget(self.unused_list)

        left = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        left.addWidget(chart_box)
        left.addWidget(self.table)
        left.setStretchFactor(1, 1)
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.unused_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

        self.period.currentIndexChanged.connect(self.reload)
        self.speed.valueChanged.connect(self._on_speed)
        self.reload()

    # ----- figures -------------------------------------------------------------
    @property
    def report(self) -> Report:
        assert self._report is not None
        return self._report

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(PERIODS.index(key))

    def reload(self) -> None:
        now = self._now()
        since = period_since(str(self.period.currentData()), now)
        self._report = report = usage_report(
            self.library, since, None, now=now, typing_speed=self.speed.value()
        )
        self.summary.setText(
            self.tr("使用 %1 次 · 估计节省打字时间 %2")
            .replace("%1", str(report.total_uses))
            .replace("%2", duration_text(report.time_saved_seconds))
        )
        self.chart.set_bars([(r.title, r.uses) for r in report.most_used(TOP)])
        self._fill_table(report)
        self._fill_unused(report)

    def _fill_table(self, report: Report) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(report.rows))
        for row, r in enumerate(report.rows):
            title = r.title + (self.tr("（已删除）") if r.deleted else "")
            uses, saved = _Item(), _Item()
            uses.setData(Qt.ItemDataRole.DisplayRole, r.uses)
            saved.setData(Qt.ItemDataRole.DisplayRole, round(r.seconds_saved / 60, 1))
            items = (_Item(title), _Item("/".join(r.category)), uses,
                     _Item(format_time(r.last_used)), saved)  # fmt: skip
            for column, item in enumerate(items):
                if column in (2, 4):
                    item.setTextAlignment(_NUMBER)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)

    def _fill_unused(self, report: Report) -> None:
        unused = report.unused_since(UNUSED_DAYS)
        self.unused_box.setTitle(
            self.tr("%1 天未使用：%2 条")
            .replace("%1", str(UNUSED_DAYS))
            .replace("%2", str(len(unused)))
        )
        self.unused_list.clear()
        for r in unused:
            item = QtWidgets.QListWidgetItem(r.title)
            last = report.latest.get(r.id)
            when = self.tr("从未使用") if last is None else self.tr("最后使用 ") + format_time(last)
            item.setToolTip(plain_tooltip("/".join(r.category) + "\n" + when))
            self.unused_list.addItem(item)

    def _on_speed(self, value: int) -> None:
        try:
            self.library.set_setting("typing_speed", str(value))
        except QuickReplyError:
            return
        self.reload()

    # ----- export --------------------------------------------------------------
    def export_csv(self, path: str | Path) -> int:
        """Write the shown period's figures; returns the number of phrase rows."""
        return write_csv(self.report, path)

    def _choose_export_file(self) -> None:
        folder = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = self.tr("快回统计-%1.csv").replace("%1", f"{datetime.now():%Y%m%d}")
        suggested = str(Path(folder) / name)
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("导出统计"), suggested, self.tr("CSV 文件 (*.csv)")
        )
        if not path:
            return
        try:
            count = self.export_csv(path)
        except OSError as exc:
            QtWidgets.QMessageBox.warning(
                self, self.tr("导出失败"), self.tr("无法写入文件：") + (exc.strerror or str(exc))
            )
            return
        self.export_button.setToolTip(
            self.tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path)
        )
