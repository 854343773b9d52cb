"""练习 windows: a round answered through the real picker, the typing drill's figures."""

from __future__ import annotations

import csv
import io

import pytest

from desktop.core import Library
from desktop.core.training.results import DrillResults
from desktop.core.training.typing_drill import han_count
from desktop.qt import Qt, QtGui, QtWidgets
from desktop.ui.drill.typing import TypingWindow
from desktop.ui.drill.window import DrillWindow
from desktop.ui.stats_dialog import StatsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def drill_lib(lib: Library) -> Library:
    lib.add("退货流程", "亲，退货请在订单页申请，订单号{订单号}", ("售后", "退换"), code="thlc",
            examples=["怎么退货"], accept=["退货地址"])  # fmt: skip
    lib.add("退货地址", "退货请寄回：杭州市西湖区xx路1号", ("售后", "退换"), code="thdz")
    lib.add("发货时间", "亲，下单后 48 小时内发货哦", ("售前",), code="fhsj", examples=["什么时候发货"])
    lib.add("欢迎", "您好，欢迎光临本店，有什么可以帮您", ("售前",), code="hy")
    lib.set_setting("drill_name", "小王")
    return lib


@pytest.fixture
def window(qtbot, drill_lib) -> DrillWindow:
    w = DrillWindow(drill_lib)
    qtbot.addWidget(w)
    w.prepare()
    w.show()
    qtbot.waitExposed(w)
    return w


def ime(widget, preedit="", commit=""):
    event = QtGui.QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QtWidgets.QApplication.sendEvent(widget, event)


def answer(qtbot, w: DrillWindow, text: str) -> None:
    search = w.picker.search_box
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def test_a_round_through_the_picker_records_right_and_wrong_with_times(qtbot, window, drill_lib):
    window.rounds_spin.setValue(2)
    assert window.start_round(seed=1)
    first = window.question
    assert window.bubble.text() == first.text and window.picker.isVisible()
    code = "thlc" if first.code == "thlc" else "fhsj"
    answer(qtbot, window, code)  # the right phrase by its code
    assert not window.answering and window.feedback.isVisible()
    assert window.feedback.text().startswith("✓ 正确")
    qtbot.keyClick(window.feedback, Qt.Key.Key_Return)
    second = window.question
    assert second is not first and window.picker.search_box.text() == ""
    answer(qtbot, window, "hy")  # 欢迎: wrong for either question
    assert "✗ 不对" in window.feedback.text() and second.expected in window.feedback.text()
    qtbot.keyClick(window.feedback, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 2
    rows = DrillResults(drill_lib).rows("小王")
    assert [r.correct for r in rows] == [True, False]
    assert [r.answered for r in rows][1] == "欢迎"
    assert all(0 <= r.seconds < 20 and r.time_limit == 20 for r in rows)
    assert "答对 1/2" in window.round_summary.text()
    assert window.missed_list.item(0).text() == second.expected
    assert len(window.chart.points) == 1 and window.chart.points[0][1] == 50


def test_an_accepted_alternative_is_right(qtbot, window, drill_lib):
    window.category_list.item(0).setCheckState(Qt.CheckState.Checked)  # 售后
    window.rounds_spin.setValue(1)
    assert window.start_round(seed=1) and window.question.text == "怎么退货"
    answer(qtbot, window, "thdz")
    assert window.feedback.text().startswith("✓ 正确")


def test_composition_never_answers(qtbot, window):
    window.rounds_spin.setValue(1)
    window.start_round(seed=1)
    search = window.picker.search_box
    qtbot.waitUntil(search.hasFocus)
    ime(search, preedit="tui")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(search, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.answering and not window.answers
    ime(search, commit="退")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert not window.answering and len(window.answers) == 1


def test_composing_a_trainee_name_does_not_start_the_round(qtbot, window):
    window.name_edit.setFocus()
    ime(window.name_edit, preedit="xiao")
    qtbot.keyClick(window.name_edit, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0
    ime(window.name_edit, commit="小")
    qtbot.keyClick(window.name_edit, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 1


def test_time_running_out_is_a_miss_with_the_expected_phrase(qtbot, window, drill_lib):
    drill_lib.set_setting("drill_seconds", "5")
    window.rounds_spin.setValue(1)
    window.start_round(seed=2)
    window._limit = 0.3  # the setting's floor is 5 s; the test need not wait that long
    qtbot.waitUntil(lambda: not window.answering, timeout=3000)
    assert window.feedback.text().startswith("时间到")
    assert window.question.expected in window.feedback.text()
    row = DrillResults(drill_lib).rows()[0]
    assert not row.correct and row.answered == ""


def test_search_only_level_shows_no_suggestions(qtbot, window):
    window.level_combo.setCurrentIndex(window.level_combo.findData("search"))
    window.rounds_spin.setValue(1)
    window.start_round(seed=1)
    assert not window.picker.suggestions
    model = window.picker.results_view.model()
    assert not any(model.is_suggested(r) for r in range(model.rowCount()))


def test_a_library_without_example_questions_says_so(qtbot):
    with Library.memory() as lib:
        lib.add("欢迎", "您好", ("售前",))
        w = DrillWindow(lib)
        qtbot.addWidget(w)
        w.prepare()
        assert not w.start_button.isEnabled()
        assert "还没有买家常问" in w.start_message.text() and not w.start_message.isHidden()
        assert not w.start_round()
        assert w.pages.currentIndex() == 0


def test_export_button_writes_the_trainees_results(qtbot, window, tmp_path, monkeypatch):
    window.rounds_spin.setValue(1)
    window.start_round(seed=1)
    answer(qtbot, window, "hy")
    window.end_round()
    target = tmp_path / "成绩.csv"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_button.click()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "学员" and rows[1][0] == "小王" and rows[1][6] == "欢迎"


def test_typing_drill_measures_committed_han_per_minute(qtbot, drill_lib):
    now = [100.0]
    w = TypingWindow(drill_lib, clock=lambda: now[0])
    qtbot.addWidget(w)
    assert w.start(seed=1)
    w.show()
    target = w.text
    ime(w.box, preedit="qin")  # the clock starts with the first composition, not on show
    now[0] += 30.0
    qtbot.keyClick(w.box, Qt.Key.Key_Return)  # Enter while composing belongs to the IME
    assert w.last is None
    typed = target[:-1] + "错"
    ime(w.box, commit=typed)
    qtbot.keyClick(w.box, Qt.Key.Key_Return)
    result = w.last
    assert result is not None and result.typed == typed and result.seconds == pytest.approx(30.0)
    assert result.chars == han_count(target) - (1 if han_count(target[-1]) else 0)
    assert result.per_minute == pytest.approx(result.chars * 2)
    assert result.errors == 1 and result.accuracy == pytest.approx(1 - 1 / len(target))
    assert f"{result.per_minute:.0f} 汉字/分钟" in w.result_label.text()
    assert w.text != target  # on to the next text
    speed = DrillResults(drill_lib).typing_speed("小王")
    assert speed == round(result.chars * 2)
    stats = StatsDialog(drill_lib)
    qtbot.addWidget(stats)
    assert stats.speed.value() == speed  # 统计's time saved uses the measured speed
    assert stats.report.typing_speed == speed
