"""The 统计 dialog over a seeded usage table."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from desktop.core.exchange.stats import CSV_HEADER, DAY
from desktop.qt import Qt
from desktop.ui.stats_dialog import BarChart, StatsDialog, duration_text

pytestmark = pytest.mark.gui

NOW = datetime(2024, 5, 6, 15, 0).timestamp()  # a Monday afternoon


@pytest.fixture
def ids(lib):
    out = {
        "hello": lib.add("问好", "亲您好呀", "售前").id,  # 4 chars
        "ship": lib.add("发货", "今天就发货", "售中").id,  # 5 chars
        "old": lib.add("=旧话术", "旧的", "售后").id,
        "never": lib.add("从不用", "没人用", "售后").id,
    }
    for stamp in (NOW - 60, NOW - 3 * 3600, NOW - 3 * DAY):
        lib.record_use(out["hello"], when=stamp)
    lib.record_use(out["ship"], when=NOW - 20 * DAY)
    lib.record_use(out["old"], when=NOW - 60 * DAY)
    return out


@pytest.fixture
def dialog(qtbot, lib, ids):
    widget = StatsDialog(lib, now=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


def column(dialog: StatsDialog, col: int) -> list:
    table = dialog.table
    return [table.item(r, col).data(Qt.ItemDataRole.DisplayRole) for r in range(table.rowCount())]


def test_opens_on_the_last_seven_days(dialog):
    assert dialog.period.currentText() == "最近 7 天"
    assert dialog.report.total_uses == 3
    assert dialog.chart.bars() == [("问好", 3)]
    assert dialog.summary.text().startswith("使用 3 次")
    assert column(dialog, 0)[0] == "问好" and column(dialog, 2)[0] == 3


@pytest.mark.parametrize(("period", "uses", "bars"), [
    ("today", 2, [("问好", 2)]),
    ("30d", 4, [("问好", 3), ("发货", 1)]),
    ("all", 5, [("问好", 3), ("发货", 1), ("=旧话术", 1)]),
])  # fmt: skip
def test_period_choice_changes_every_figure(dialog, period, uses, bars):
    dialog.set_period(period)
    assert dialog.report.total_uses == uses
    assert dialog.chart.bars() == bars
    assert sum(column(dialog, 2)) == uses


def test_the_unused_list_names_phrases_idle_for_30_days(dialog):
    titles = [dialog.unused_list.item(i).text() for i in range(dialog.unused_list.count())]
    assert titles == ["从不用", "=旧话术"]  # never used first
    assert dialog.unused_box.title() == "30 天未使用：2 条"
    assert "从未使用" in dialog.unused_list.item(0).toolTip()


def test_time_saved_follows_the_typing_speed(dialog, lib):
    chars = 3 * 4
    assert dialog.report.time_saved_seconds == pytest.approx(chars * 60 / 80)
    assert dialog.summary.text().endswith(duration_text(chars * 60 / 80))
    dialog.speed.setValue(40)
    assert lib.setting("typing_speed") == "40"
    assert dialog.report.time_saved_seconds == pytest.approx(chars * 60 / 40)


def test_table_sorts_numerically(dialog):
    dialog.set_period("all")
    dialog.table.sortItems(2, Qt.SortOrder.AscendingOrder)
    assert column(dialog, 2) == [0, 1, 1, 3]


def test_export_writes_excel_ready_csv(dialog, tmp_path, ids):
    path = tmp_path / "统计.csv"
    assert dialog.export_csv(path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1][:4] == [ids["hello"], "问好", "售前", "3"]
    assert next(r for r in rows if r[0] == ids["old"])[1] == "'=旧话术"


def test_duration_text():
    assert duration_text(5) == "5 秒"
    assert duration_text(125) == "2 分 5 秒"
    assert duration_text(3725) == "1 小时 2 分钟"


def test_bar_chart_paints_with_and_without_data(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    assert not chart.grab().isNull()  # the empty message
    chart.set_bars([("<b>标题</b>", 5), ("很长很长很长很长很长很长很长很长的标题", 1)])
    assert not chart.grab().isNull()
