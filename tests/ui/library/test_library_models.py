"""The tree and phrase list models, checked with Qt's model tester and by dropping."""

from __future__ import annotations

import pytest
from library_helpers import open_category, row_titles

from desktop.core.store import organize
from desktop.qt import Qt, QtCore
from desktop.ui.library.phrase_model import (
    CODE,
    TAGS,
    TITLE,
    USES,
    PhraseSortProxy,
    PhraseTableModel,
    when,
)
from desktop.ui.library.tree_model import MIME_PHRASES, CategoryTreeModel

pytestmark = pytest.mark.gui
MOVE = Qt.DropAction.MoveAction


def names(model: CategoryTreeModel, parent: QtCore.QModelIndex | None = None) -> list[str]:
    parent = QtCore.QModelIndex() if parent is None else parent
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(index.data(Qt.ItemDataRole.EditRole))
        out += ["  " + n for n in names(model, index)]
    return out


def test_tree_model_passes_the_model_tester_through_reloads(qtmodeltester, seeded):
    model = CategoryTreeModel(seeded)
    qtmodeltester.check(model)
    organize.move_category(seeded, seeded.category("售后").id, None, 0)
    organize.rename_category(seeded, seeded.category("售后/退款").id, "退钱")
    model.reload()
    qtmodeltester.check(model)
    assert names(model)[:3] == ["售后", "  退换货", "  退钱"]


def test_tree_shows_counts_notes_in_browse_mode_and_read_only_flags(shop):
    model = CategoryTreeModel(shop)
    after = model.index_of(shop.category("售后").id)
    assert after.data() == "售后（3）" and after.data(Qt.ItemDataRole.EditRole) == "售后"
    assert "收货以后的问题" in after.data(Qt.ItemDataRole.ToolTipRole)
    assert model.flags(after) & Qt.ItemFlag.ItemIsEditable
    model.set_browse(True)
    after = model.index_of(shop.category("售后").id)
    assert after.data() == "售后（3）\n收货以后的问题"
    assert not model.flags(after) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
    model.set_browse(False)
    shop.conn.execute(
        "UPDATE categories SET read_only = 1 WHERE id = ?", (shop.category("售后").id,)
    )
    model.reload()
    after = model.index_of(shop.category("售后").id)
    assert not model.flags(after) & Qt.ItemFlag.ItemIsEditable
    assert "只读" in after.data(Qt.ItemDataRole.ToolTipRole)


def test_rename_in_place_is_a_request_not_a_write(qtbot, shop):
    model = CategoryTreeModel(shop)
    index = model.index_of(shop.category("售后").id)
    with qtbot.waitSignal(model.rename_requested) as blocker:
        model.setData(index, " 售后服务 ")
    assert blocker.args == [shop.category("售后").id, "售后服务"]
    assert shop.category("售后").name == "售后"  # only the window's command writes


def test_dropping_a_category_asks_for_the_index_counted_without_itself(qtbot, shop):
    model = CategoryTreeModel(shop)
    pre = model.index_of(shop.category("售前").id)
    data = model.mimeData([pre])
    with qtbot.waitSignal(model.move_requested) as blocker:  # below 售后 at the top level
        assert model.dropMimeData(data, MOVE, 2, 0, QtCore.QModelIndex()) is False
    assert blocker.args == [shop.category("售前").id, None, 1]
    after = model.index_of(shop.category("售后").id)
    with qtbot.waitSignal(model.move_requested) as blocker:  # onto 售后: last child
        model.dropMimeData(data, MOVE, -1, 0, after)
    assert blocker.args == [shop.category("售前").id, shop.category("售后").id, 2]


def test_a_category_cannot_be_dropped_into_its_own_subtree(shop):
    model = CategoryTreeModel(shop)
    after = model.index_of(shop.category("售后").id)
    child = model.index_of(shop.category("售后/退款").id)
    assert not model.canDropMimeData(model.mimeData([after]), MOVE, -1, 0, child)
    assert not model.canDropMimeData(model.mimeData([after]), MOVE, -1, 0, after)
    assert model.canDropMimeData(model.mimeData([child]), MOVE, 0, 0, QtCore.QModelIndex())


def test_phrase_model_and_proxy_pass_the_model_tester(qtmodeltester, seeded):
    model = PhraseTableModel()
    proxy = PhraseSortProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    phrases = seeded.phrases()
    seeded.record_use(phrases[3].id)
    model.set_rows(phrases, seeded.frecency.count, seeded.frecency.last)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.sort(USES, Qt.SortOrder.DescendingOrder)
    role = PhraseTableModel.PhraseRole
    assert proxy.index(0, TITLE).data(role) == phrases[3]
    assert proxy.index(0, USES).data() == "1"
    proxy.sort(-1)
    assert proxy.index(0, TITLE).data(role) == phrases[0]  # library order again
    assert proxy.index(0, TITLE).data() == "★ " + phrases[0].title  # pinned


def test_phrase_rows_show_plain_text_and_drag_their_ids(shop):
    model = PhraseTableModel()
    model.set_rows(shop.phrases(), {}, {})
    row = model.row_of(shop.find_by_code("html").id)
    assert model.index(row, TITLE).data() == "粗体测试"
    tip = model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;粗体&lt;/b&gt;&lt;img src=x&gt;" in tip and "<b>" not in tip
    th = model.row_of(shop.find_by_code("th").id)
    assert model.index(th, CODE).data() == "th" and model.index(th, TAGS).data() == ""
    data = model.mimeData([model.index(row, 0), model.index(row, 2), model.index(th, 0)])
    ids = bytes(data.data(MIME_PHRASES).data()).decode().split("\n")
    assert ids == [shop.find_by_code("th").id, shop.find_by_code("html").id]


def test_last_used_reads_as_a_time_today_else_a_date():
    noon = 1_767_000_000.0
    assert when(None) == ""
    assert ":" in when(noon, now=noon + 60)
    assert when(noon, now=noon + 5 * 86_400).count("-") == 2


def test_dragging_phrases_onto_a_category_moves_them_with_undo(window):
    open_category(window, "售后/退换货")
    window.phrase_view.selectAll()
    data = window.proxy.mimeData(window.phrase_view.selectionModel().selectedRows())
    target = window.tree_model.index_of(window.lib.category("售前/迎接").id)
    assert window.tree_model.canDropMimeData(data, MOVE, -1, 0, target)
    window.tree_model.dropMimeData(data, MOVE, -1, 0, target)
    assert row_titles(window) == []
    open_category(window, "售前/迎接")
    assert row_titles(window) == ["问好", "退货说明", "换货说明"]
    window.undo()
    assert row_titles(window) == ["问好"]


def test_dragging_a_category_moves_it_and_undo_puts_it_back(window):
    lib = window.lib
    model = window.tree_model
    data = model.mimeData([model.index_of(lib.category("售后/退款").id)])
    window.tree.setExpanded(model.index_of(lib.category("售后/退换货").id), False)
    assert window.tree.isExpanded(model.index_of(lib.category("售后").id))
    model.dropMimeData(data, MOVE, 0, 0, model.index_of(lib.category("售前").id))
    assert window.tree.isExpanded(model.index_of(lib.category("售后").id))  # same branches open
    assert window.tree.isExpanded(model.index_of(lib.category("售前").id))
    assert lib.category("售前/退款").id == window.current_category().id
    assert names(model)[:2] == ["售前", "  退款"]
    window.undo()
    assert "售后/退款" in ["/".join(c.path) for c in lib.categories()]
    window.redo()
    assert names(model)[1] == "  退款"
