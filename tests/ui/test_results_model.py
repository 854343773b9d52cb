"""The result list model and its painted delegate."""

from __future__ import annotations

import pytest

from desktop.core.store.models import Phrase
from desktop.qt import Qt, QtWidgets
from desktop.ui.result_delegate import ResultDelegate
from desktop.ui.results_model import PREVIEW_CHARS, ResultsModel, one_line

pytestmark = pytest.mark.gui


def _phrase(n: int, body: str = "正文", code: str | None = None) -> Phrase:
    return Phrase(
        id=f"id{n}",
        category_id=1,
        category=("售后", "退换货"),
        title=f"标题{n}",
        body=body,
        code=code,
    )


def test_model_passes_qt_model_tester_through_resets(qtmodeltester):
    model = ResultsModel()
    qtmodeltester.check(model)
    model.set_phrases([_phrase(1), _phrase(2, code="th"), _phrase(3)])
    qtmodeltester.check(model)
    model.set_phrases([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_roles_give_title_category_code_preview_id_and_phrase():
    model = ResultsModel()
    p = _phrase(1, body="  第一行\n\n  第二行\t结尾 ", code="th")
    model.set_phrases([p])
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "标题1"
    assert model.data(index, ResultsModel.CategoryRole) == "售后 › 退换货"
    assert model.data(index, ResultsModel.CodeRole) == "th"
    assert model.data(index, ResultsModel.PreviewRole) == "第一行 第二行 结尾"
    assert model.data(index, ResultsModel.IdRole) == "id1"
    assert model.data(index, ResultsModel.PhraseRole) is p
    assert model.phrase(0) is p and model.phrase(1) is None
    assert model.row_of("id1") == 0 and model.row_of("nope") == -1


def test_missing_code_is_an_empty_string_and_invalid_index_gives_nothing():
    model = ResultsModel()
    model.set_phrases([_phrase(1)])
    assert model.data(model.index(0, 0), ResultsModel.CodeRole) == ""
    assert model.data(model.index(5, 0), Qt.ItemDataRole.DisplayRole) is None


def test_one_line_collapses_whitespace_and_cuts_long_text():
    assert one_line("a\n b\t\tc") == "a b c"
    long = "很" * 100
    cut = one_line(long)
    assert len(cut) == PREVIEW_CHARS and cut.endswith("…")
    assert one_line("短") == "短"


def test_delegate_paints_rows_with_markup_as_plain_text(qtbot):
    model = ResultsModel()
    model.set_phrases([_phrase(n, body="<b>粗体</b><img src=x>", code="c") for n in range(12)])
    view = QtWidgets.QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ResultDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert not image.isNull()
    option = QtWidgets.QStyleOptionViewItem()
    option.initFrom(view)
    hint = delegate.sizeHint(option, model.index(0, 0))
    assert hint.height() >= 2 * view.fontMetrics().height()
