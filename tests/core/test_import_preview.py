"""The import preview: new / changed / identical / conflict per category, and each policy."""

from __future__ import annotations

import pytest

from desktop.core import Library, PackError
from desktop.core.exchange.formats import ReadResult
from desktop.core.exchange.importer import apply, free_code, import_now, preview
from desktop.core.exchange.packs import Pack, PackPhrase


def pack(*phrases, notes=None):
    return ReadResult(Pack(phrases=list(phrases), category_notes=notes or {}))


def item(title, body, category=("售后",), **kw):
    return PackPhrase(category=tuple(category), title=title, body=body, **kw)


@pytest.fixture
def mine(lib):
    a = lib.add("退货", "七天无理由", "售后", code="th", tags=["退货"], note="n")
    b = lib.add("发货", "48 小时内发货", "售前", code="fh")
    return lib, a, b


def statuses(plan):
    return [(i.phrase.title, i.status, i.action) for i in plan.items]


def test_each_status_and_the_counts_per_category(mine):
    lib, a, b = mine
    plan = preview(lib, pack(
        item("新的", "新内容", code="xx"),
        item("退货", "七天无理由", id=a.id, code="th", tags=("退货",), note="n"),
        item("退货", "七天无理由", ("售后", "退换货"), id=a.id, code="th", tags=("退货",), note="n"),
        item("发货", "24 小时内发货", ("售前",), code="fh"),
    ))
    assert statuses(plan) == [
        ("新的", "new", "add"), ("退货", "identical", "skip"), ("退货", "changed", "skip"),
        ("发货", "conflict", "skip"),
    ]
    assert plan.counts() == {"new": 1, "changed": 1, "identical": 1, "conflict": 1}
    assert plan.by_category() == {
        "售后": {"new": 1, "changed": 0, "identical": 1, "conflict": 0},
        "售后/退换货": {"new": 0, "changed": 1, "identical": 0, "conflict": 0},
        "售前": {"new": 0, "changed": 0, "identical": 0, "conflict": 1},
    }
    assert "快捷编码 fh 已被「发货」使用" in plan.conflicts()[0].reason
    data = plan.to_dict()
    assert data["counts"]["conflict"] == 1 and data["phrases"][3]["existing"] == b.id


def test_preview_writes_nothing(mine):
    lib, _, _ = mine
    before = list(lib.conn.iterdump())
    preview(lib, pack(item("新", "x", ("全新分类",)), notes={("全新分类",): "说明"}), "replace")
    assert list(lib.conn.iterdump()) == before


def test_id_wins_over_code(mine):
    lib, a, _ = mine
    plan = preview(lib, pack(item("退货", "改了", id=a.id, code="fh")))
    assert plan.items[0].target == a.id and plan.items[0].status == "conflict"
    assert "编号相同" in plan.items[0].reason


def test_columns_a_sheet_lacks_keep_the_librarys_values(mine):
    lib, a, _ = mine
    loaded = pack(item("退货", "七天无理由，运费险", ("未分类",), code="th"))
    loaded.fields = frozenset({"body", "code"})
    plan = preview(lib, loaded, "replace")
    assert statuses(plan) == [("退货", "conflict", "replace")]
    apply(lib, plan)
    got = lib.get(a.id)
    assert (got.body, got.category, got.tags, got.note) == ("七天无理由，运费险", ("售后",), ("退货",), "n")


def test_skip_is_the_default_and_changes_nothing(mine):
    lib, _, b = mine
    report = apply(lib, preview(lib, pack(item("发货", "改过的", code="fh"))))
    assert report.added == [] and lib.get(b.id).body == "48 小时内发货"


def test_replace_overwrites_the_matched_phrase(mine):
    lib, _, b = mine
    report = apply(lib, preview(lib, pack(item("发货", "改过的", ("售前", "发货"), code="fh")),
                                "replace"))
    assert report.replaced == [b.id]
    got = lib.get(b.id)
    assert (got.body, got.category, got.code) == ("改过的", ("售前", "发货"), "fh")
    assert lib.count() == 2


def test_replace_by_id_moves_the_code_off_a_taken_one(mine):
    lib, a, b = mine
    plan = preview(lib, pack(item("退货", "新写法", id=a.id, code="fh")), "replace")
    assert plan.items[0].code == "fh2" and "改用 fh2" in plan.items[0].reason
    apply(lib, plan)
    assert lib.get(a.id).code == "fh2" and lib.get(b.id).code == "fh"


def test_copy_keeps_both_with_a_new_code(mine):
    lib, _, b = mine
    report = apply(lib, preview(lib, pack(item("发货", "另一种", code="fh")), "copy"))
    copy = lib.get(report.added[0])
    assert copy.code == "fh2" and copy.id != b.id and lib.get(b.id).body == "48 小时内发货"


def test_duplicates_inside_the_file_are_seen(lib):
    plan = preview(lib, pack(item("一", "内容", code="dup"), item("二", "别的", code="dup"),
                             item("一", "内容", code="dup")), "replace")
    assert statuses(plan) == [("一", "new", "add"), ("二", "conflict", "skip"),
                              ("一", "identical", "skip")]
    assert "第" not in plan.items[1].reason and "phrases[0]" in plan.items[1].reason
    report = apply(lib, preview(lib, plan.loaded, "copy"))
    assert sorted(lib.get(i).code for i in report.added) == ["dup", "dup2"]


def test_an_id_only_in_the_trash_gets_a_new_one(lib):
    gone = lib.add("旧", "旧内容")
    lib.delete(gone.id)
    plan = preview(lib, pack(item("旧", "新内容", id=gone.id)))
    assert statuses(plan) == [("旧", "new", "add")] and plan.items[0].new_id is None
    added = apply(lib, plan).added[0]
    assert added != gone.id and lib.get(gone.id).in_trash


def test_read_only_categories_are_skipped_not_failed(lib):
    cat = lib.ensure_category("订阅")
    lib.conn.execute("UPDATE categories SET read_only = 1 WHERE id = ?", (cat.id,))
    lib.tree.reload()  # as after any write through the library
    plan = preview(lib, pack(item("新", "内容", ("订阅",)), item("别处", "内容", ("自己",))))
    assert [i.action for i in plan.items] == ["skip", "add"]
    assert "只读" in plan.items[0].reason
    assert len(apply(lib, plan).added) == 1


def test_category_notes_fill_only_empty_ones(lib):
    lib.ensure_category("售后", note="我写的")
    plan = preview(lib, pack(notes={("售后",): "包里的", ("新分类",): "新的说明"}))
    assert plan.notes == {("新分类",): "新的说明"} and plan.writes()
    apply(lib, plan)
    assert lib.category("售后").note == "我写的" and lib.category("新分类").note == "新的说明"


def test_a_stale_plan_is_refused(mine):
    lib, _, _ = mine
    plan = preview(lib, pack(item("新", "内容", code="zz")))
    lib.add("别人刚加的", "内容", code="zz")
    before = list(lib.conn.iterdump())
    with pytest.raises(PackError, match="重新预览"):
        apply(lib, plan)
    assert list(lib.conn.iterdump()) == before


def test_unknown_policy_is_refused(lib):
    with pytest.raises(PackError, match="冲突处理方式"):
        preview(lib, pack(), "merge")


def test_a_bare_pack_with_a_bad_phrase_is_refused_naming_it(lib):
    with pytest.raises(PackError, match=r"phrases\[1\]"):
        import_now(lib, Pack(phrases=[item("好", "好"), item("坏", "x", code="a b")]))
    assert lib.count() == 0


def test_nothing_to_do_means_no_backup(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        p = lib.add("一", "内容", code="one")
        plan = preview(lib, pack(item("一", "内容", ("未分类",), id=p.id, code="one")))
        assert not plan.writes()
        assert apply(lib, plan).backup == ""
        assert apply(lib, preview(lib, pack(item("二", "新的")))).backup.endswith(
            "before-import.db")


def test_free_code_stays_within_the_length_limit():
    assert free_code("th", {"th": 1, "th2": 1}) == "th3"
    long = "x" * 20
    assert free_code(long, {long: 1}) == "x" * 19 + "2"


def test_the_same_sheet_imported_twice_is_identical_the_second_time(tmp_path):
    from desktop.core import Library
    from desktop.core.exchange.formats import read_any
    from desktop.core.exchange.importer import import_now, preview

    sheet = tmp_path / "old.csv"
    sheet.write_text("分类,标题,内容\n售后,退货说明,支持七天无理由退货\n售前,欢迎,亲 欢迎光临\n",
                     encoding="utf-8")
    with Library.memory() as lib:
        import_now(lib, read_any(sheet))
        plan = preview(lib, read_any(sheet))
        assert [i.status for i in plan.items] == ["identical", "identical"]
        import_now(lib, read_any(sheet))
        assert lib.count() == 2
