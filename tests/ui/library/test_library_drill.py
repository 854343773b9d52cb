"""The library window's side of 练习: 也算对 in the editor, 练习这个分类 (browse mode too)."""

from __future__ import annotations

import pytest
from library_helpers import open_category, select_title

from desktop.core.training import drill

pytestmark = pytest.mark.gui


def test_accepted_alternatives_are_edited_saved_and_undone(qtbot, window):
    open_category(window, "售后/退换货")
    select_title(window, "退货说明")
    window.editor.examples.setText("能退吗")
    window.editor.accept_line.setText("hh ｜ 退款进度")
    select_title(window, "换货说明")
    saved = window.lib.find_by_code("th")
    assert saved.accept == ("hh", "退款进度")
    q = drill.library_questions(window.lib, ["售后"])[0]
    assert q.accepted == {saved.id, window.lib.find_by_code("hh").id, window.lib.find_by_code("tk").id}
    select_title(window, "退货说明")
    assert window.editor.accept_line.text() == "hh | 退款进度" and not window.editor.is_dirty()
    window.phrase_view.setFocus()
    window.undo()
    assert window.lib.find_by_code("th").accept == ()


@pytest.mark.parametrize("browse", [False, True])
def test_drill_this_category_asks_for_the_current_category(qtbot, window, browse):
    window.actions_by_name["browse"].setChecked(browse)
    open_category(window, "售后/退换货")
    action = window.actions_by_name["drill"]
    assert action.isEnabled()
    with qtbot.waitSignal(window.drill_requested) as got:
        action.trigger()
    assert got.args == [["售后", "退换货"]]
