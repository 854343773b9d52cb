"""Organising the library: categories and phrases moved, renamed, deleted, tagged."""

from __future__ import annotations

import pytest

from desktop.core import Library, NotFoundError, ValidationError
from desktop.core.store import organize
from desktop.core.store.organize import CategoryNotEmpty


def paths(lib: Library) -> list[str]:
    return ["/".join(c.path) for c in lib.categories()]


def titles(lib: Library, path: str) -> list[str]:
    cat = lib.category(path)
    return [p.title for p in lib.phrases(path) if p.category_id == cat.id]


@pytest.fixture
def shop(lib: Library) -> Library:
    lib.add("问好", "亲，在的", "售前/迎接", code="hy")
    lib.add("尺码", "身高体重发我", "售前/尺码", code="cm")
    lib.add("退货", "七天无理由", "售后/退换货", code="th")
    lib.add("退款", "已退款", "售后/退款", code="tk")
    lib.add("换货", "可以换", "售后/退换货", code="hh")
    return lib


def test_rename_keeps_the_phrases_and_refuses_empty_or_taken_names(shop):
    售后 = shop.category("售后")
    assert organize.rename_category(shop, 售后.id, "  售后服务 ") == "售后"
    assert "售后服务/退换货" in paths(shop)
    assert titles(shop, "售后服务/退换货") == ["退货", "换货"]
    for bad in ("", "   ", "售前", "a/b", "x" * 41):
        with pytest.raises(ValidationError):
            organize.rename_category(shop, 售后.id, bad)
    assert shop.tree.by_id[售后.id].name == "售后服务"


def test_move_category_under_another_and_back(shop):
    退款 = shop.category("售后/退款")
    before = organize.move_category(shop, 退款.id, shop.category("售前").id, 0)
    assert paths(shop) == ["售前", "售前/退款", "售前/迎接", "售前/尺码", "售后", "售后/退换货"]
    assert titles(shop, "售前/退款") == ["退款"]
    organize.restore_placements(shop, before)
    assert paths(shop) == ["售前", "售前/迎接", "售前/尺码", "售后", "售后/退换货", "售后/退款"]


def test_reorder_among_siblings_and_to_top_level(shop):
    售后 = shop.category("售后")
    organize.move_category(shop, 售后.id, None, 0)
    assert paths(shop)[:3] == ["售后", "售后/退换货", "售后/退款"]
    organize.move_category(shop, shop.category("售后/退款").id, 售后.id, 0)
    assert paths(shop)[:3] == ["售后", "售后/退款", "售后/退换货"]
    organize.move_category(shop, shop.category("售后/退款").id, None, 99)
    assert paths(shop)[-1] == "退款"
    assert [c.position for c in shop.categories() if c.parent_id is None] == [0, 1, 2]


def test_a_category_cannot_move_into_its_own_subtree_or_next_to_a_namesake(shop):
    售后 = shop.category("售后")
    with pytest.raises(ValidationError, match="子分类"):
        organize.move_category(shop, 售后.id, shop.category("售后/退款").id, 0)
    with pytest.raises(ValidationError, match="子分类"):
        organize.move_category(shop, 售后.id, 售后.id, 0)
    shop.ensure_category("售前/退款")
    with pytest.raises(ValidationError, match="退款"):
        organize.move_category(shop, shop.category("售后/退款").id, shop.category("售前").id, 0)
    assert "售后/退款" in paths(shop)


def test_create_category_at_a_place_and_note(shop):
    cat = organize.create_category(shop, shop.category("售前").id, "议价", 1, note="砍价时")
    assert cat.path == ("售前", "议价") and cat.note == "砍价时"
    assert paths(shop)[:4] == ["售前", "售前/迎接", "售前/议价", "售前/尺码"]
    with pytest.raises(ValidationError):
        organize.create_category(shop, None, "售前")
    assert organize.set_category_note(shop, cat.id, "  买家砍价 ") == "砍价时"
    assert shop.category("售前/议价").note == "买家砍价"


def test_deleting_an_empty_category_needs_no_confirmation_and_undeletes(shop):
    cat = organize.create_category(shop, shop.category("售前").id, "空的", 0, note="说明")
    gone = organize.delete_category(shop, cat.id)
    assert "售前/空的" not in paths(shop)
    organize.undelete_category(shop, gone)
    assert paths(shop)[1] == "售前/空的" and shop.category("售前/空的").note == "说明"
    assert shop.category("售前/空的").id == cat.id


def test_deleting_a_non_empty_category_is_refused_until_confirmed(shop):
    售后 = shop.category("售后")
    with pytest.raises(CategoryNotEmpty) as refused:
        organize.delete_category(shop, 售后.id)
    assert refused.value.count == 3 and "回收站" in str(refused.value)
    assert "售后/退款" in paths(shop) and shop.count() == 5


def test_confirmed_delete_trashes_the_phrases_and_undo_brings_everything_back(shop):
    before_paths = paths(shop)
    old = shop.search("退")
    shop.delete(shop.find_by_code("hh").id)  # already in the trash before the delete
    售后 = shop.category("售后")
    gone = organize.delete_category(shop, 售后.id, trash_phrases=True)
    assert paths(shop) == ["售前", "售前/迎接", "售前/尺码", "未分类"]
    assert shop.count() == 2 and len(shop.trash()) == 3
    for phrase in shop.trash():  # restorable on its own, into a category that exists
        assert phrase.category == ("未分类",)
    organize.undelete_category(shop, gone)
    assert paths(shop) == before_paths  # the 未分类 made for the trash is gone again
    assert shop.count() == 4 and [p.title for p in shop.trash()] == ["换货"]
    assert shop.get(shop.find_by_code("th").id).category == ("售后", "退换货")
    assert [p.id for p in shop.search("退")] == [p.id for p in old if p.title != "换货"]


def test_deleting_the_未分类_that_holds_the_trash_can_be_undone_step_by_step(shop):
    """Found by the stateful undo test: the second delete makes a new 未分类 for the
    trash, and undoing it was refused because that namesake was in the way."""
    before = [(c.id, c.path, c.position) for c in shop.categories()]
    first = organize.delete_category(shop, shop.category("售后").id, trash_phrases=True)
    fallback = shop.category("未分类")
    second = organize.delete_category(shop, fallback.id, trash_phrases=True)
    assert shop.category("未分类").id != fallback.id  # a new one, for the same trash
    organize.undelete_category(shop, second)
    assert [c.id for c in shop.categories() if c.path == ("未分类",)] == [fallback.id]
    organize.undelete_category(shop, first)
    assert [(c.id, c.path, c.position) for c in shop.categories()] == before
    assert shop.count() == 5 and shop.trash() == []


def test_restoring_a_phrase_of_a_deleted_subcategory_lands_in_its_parent(shop):
    退款 = shop.category("售后/退款")
    organize.delete_category(shop, 退款.id, trash_phrases=True)
    shop.restore(shop.trash()[0].id)
    assert titles(shop, "售后") == ["退款"]


def test_move_phrases_keeps_their_order_at_the_given_place(shop):
    ids = [shop.find_by_code(c).id for c in ("tk", "hy")]
    target = shop.category("售后/退换货")
    before = organize.move_phrases(shop, ids, target.id, 1)
    assert titles(shop, "售后/退换货") == ["退货", "退款", "问好", "换货"]
    assert titles(shop, "售前/迎接") == []
    organize.restore_placements(shop, before)
    assert titles(shop, "售后/退换货") == ["退货", "换货"]
    assert titles(shop, "售前/迎接") == ["问好"]


def test_reorder_phrase_within_its_category(shop):
    organize.reorder_phrase(shop, shop.find_by_code("hh").id, 0)
    assert titles(shop, "售后/退换货") == ["换货", "退货"]


def test_bulk_pin_and_tag_with_their_inverses(shop):
    ids = [shop.find_by_code(c).id for c in ("th", "tk")]
    shop.update(ids[0], pinned=True, tags=["退"])
    pinned = organize.set_pinned(shop, ids, True)
    assert pinned == {ids[0]: True, ids[1]: False}
    assert all(shop.get(i).pinned for i in ids)
    assert shop.search("")[0].id in ids  # the search index saw the change
    organize.restore_pinned(shop, pinned)
    assert not shop.get(ids[1]).pinned and shop.get(ids[0]).pinned
    tagged = organize.add_tag(shop, ids, "售后")
    assert [shop.get(i).tags for i in ids] == [("退", "售后"), ("售后",)]
    assert [p.id for p in shop.search("售后 tk")] == [ids[1]]
    removed = organize.remove_tag(shop, ids, "退")
    assert removed == {ids[0]: ("退", "售后")}
    organize.restore_tags(shop, removed)
    organize.restore_tags(shop, tagged)
    assert [shop.get(i).tags for i in ids] == [("退",), ()]
    with pytest.raises(ValidationError):
        organize.add_tag(shop, ids, " , ")


def test_bulk_operations_are_all_or_nothing(shop):
    ids = [shop.find_by_code("th").id, "no-such-id"]
    for attempt in (
        lambda: organize.set_pinned(shop, ids, True),
        lambda: organize.trash_phrases(shop, ids),
        lambda: organize.move_phrases(shop, ids, shop.category("售前").id),
    ):
        with pytest.raises(NotFoundError):
            attempt()
    p = shop.get(ids[0])
    assert not p.pinned and not p.in_trash and p.category == ("售后", "退换货")


def test_trash_and_restore_many(shop):
    ids = [shop.find_by_code(c).id for c in ("th", "tk", "hy")]
    assert organize.trash_phrases(shop, ids) == ids
    assert shop.count() == 2
    organize.restore_phrases(shop, ids)
    assert shop.count() == 5


def test_read_only_subscribed_categories_refuse_every_operation(shop):
    sub = shop.category("售后/退款")
    shop.conn.execute("UPDATE categories SET read_only = 1 WHERE id = ?", (sub.id,))
    mine = shop.category("售后/退换货")
    tk = shop.find_by_code("tk").id
    th = shop.find_by_code("th").id
    for attempt in (
        lambda: organize.rename_category(shop, sub.id, "退钱"),
        lambda: organize.set_category_note(shop, sub.id, "改"),
        lambda: organize.move_category(shop, sub.id, None, 0),
        lambda: organize.move_category(shop, shop.category("售前").id, sub.id, 0),
        lambda: organize.move_category(shop, shop.category("售后").id, None, 0),  # holds it
        lambda: organize.delete_category(shop, sub.id, trash_phrases=True),
        lambda: organize.delete_category(shop, shop.category("售后").id, trash_phrases=True),
        lambda: organize.create_category(shop, sub.id, "新"),
        lambda: organize.move_phrases(shop, [tk], mine.id),
        lambda: organize.move_phrases(shop, [th], sub.id),
        lambda: organize.reorder_phrase(shop, tk, 0),
        lambda: organize.trash_phrases(shop, [th, tk]),
        lambda: organize.set_pinned(shop, [tk], True),
        lambda: organize.add_tag(shop, [th, tk], "x"),
        lambda: organize.remove_tag(shop, [tk], "x"),
    ):
        with pytest.raises(ValidationError, match="只读"):
            attempt()
    assert paths(shop) == ["售前", "售前/迎接", "售前/尺码", "售后", "售后/退换货", "售后/退款"]
    assert shop.get(th).tags == () and not shop.get(tk).pinned and shop.count() == 5


def test_undelete_refuses_when_a_namesake_appeared_meanwhile(shop):
    gone = organize.delete_category(shop, shop.category("售后/退款").id, trash_phrases=True)
    shop.ensure_category("售后/退款")
    with pytest.raises(ValidationError, match="退款"):
        organize.undelete_category(shop, gone)
    assert len(shop.trash()) == 1


def test_undelete_refuses_when_the_id_was_reused_by_another_category(shop):
    退款 = shop.category("售后/退款")
    gone = organize.delete_category(shop, 退款.id, trash_phrases=True)
    other = shop.ensure_category("其他")  # SQLite hands out the freed largest id again
    assert other.id == 退款.id
    with pytest.raises(ValidationError, match="编号"):
        organize.undelete_category(shop, gone)
    assert "其他" in paths(shop) and "售后/退款" not in paths(shop)


def test_sibling_index_and_depth_limit(shop):
    assert organize.sibling_index(shop, shop.category("售后/退款").id) == 1
    parent: int | None = None
    for depth in range(8):
        parent = organize.create_category(shop, parent, f"层{depth}").id
    with pytest.raises(ValidationError, match="层级"):
        organize.create_category(shop, parent, "太深")
    with pytest.raises(ValidationError, match="层级"):
        organize.move_category(shop, shop.category("售后").id, parent, 0)
