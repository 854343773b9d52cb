"""Phrases, categories, trash, settings and usage through the public Library API."""


import pytest

from desktop.core import Library, NotFoundError, ValidationError


def test_added_phrase_can_be_read_back_with_every_field(lib):
    p = lib.add("发货时间", "亲，今天下单明天发", "售中/发货时间", code="FHSJ",
                tags=["发货", "时效", "发货"], note="买家问几时发货", pinned=True)
    got = lib.get(p.id)
    assert got.title == "发货时间"
    assert got.category == ("售中", "发货时间")
    assert got.code == "fhsj"  # codes are folded so typing them is case-free
    assert got.tags == ("发货", "时效")
    assert got.note == "买家问几时发货" and got.pinned
    assert got.created_at and got.updated_at and got.deleted_at is None


def test_categories_form_an_ordered_tree_with_notes(lib):
    lib.add("a", "x", "售后/退换货")
    lib.add("b", "x", "售前/尺码")
    lib.add("c", "x", "售后/退款")
    lib.ensure_category("售后", note="买家收到货以后的问题")
    paths = [c.path for c in lib.categories()]
    assert paths == [("售后",), ("售后", "退换货"), ("售后", "退款"), ("售前",), ("售前", "尺码")]
    assert lib.category("售后").note == "买家收到货以后的问题"


def test_duplicate_code_is_refused_and_changes_nothing(lib):
    lib.add("a", "x", code="hy")
    before = lib.count()
    with pytest.raises(ValidationError, match="hy"):
        lib.add("b", "y", "新分类", code="HY")
    assert lib.count() == before
    assert all(c.name != "新分类" for c in lib.categories())


def test_empty_title_or_body_is_refused(lib):
    with pytest.raises(ValidationError):
        lib.add("  ", "x")
    with pytest.raises(ValidationError):
        lib.add("t", "   ")


def test_update_changes_only_given_fields_and_can_move_category(lib):
    p = lib.add("退货", "七天无理由", "售后", code="th", tags=["退"])
    q = lib.update(p.id, body="支持七天无理由退货", category="售后/退换货")
    assert q.body == "支持七天无理由退货" and q.title == "退货" and q.code == "th"
    assert q.category == ("售后", "退换货")
    r = lib.update(p.id, code="")
    assert r.code is None


def test_delete_moves_to_trash_and_restore_brings_back(lib):
    p = lib.add("退款", "退款已处理", code="tk")
    lib.delete(p.id)
    assert lib.search("退款") == []
    assert [t.id for t in lib.trash()] == [p.id]
    lib.restore(p.id)
    assert [x.id for x in lib.search("退款")] == [p.id]
    assert lib.trash() == []


def test_restore_refuses_when_code_was_taken_meanwhile(lib):
    p = lib.add("退款", "退款已处理", code="tk")
    lib.delete(p.id)
    lib.add("退款2", "新写法", code="tk")
    with pytest.raises(ValidationError, match="tk"):
        lib.restore(p.id)
    assert lib.get(p.id).in_trash


def test_empty_trash_removes_for_good(lib):
    p = lib.add("a", "b")
    lib.record_use(p.id)
    lib.delete(p.id)
    assert lib.empty_trash() == 1
    with pytest.raises(NotFoundError):
        lib.get(p.id)
    assert lib.conn.execute("SELECT COUNT(*) FROM usage").fetchone()[0] == 0


def test_usage_records_only_id_and_time(lib):
    p = lib.add("催付", "{买家昵称|亲}，库存为您保留中")
    lib.record_use(p.id, when=1_800_000_000)
    columns = [r[1] for r in lib.conn.execute("PRAGMA table_info(usage)")]
    assert columns == ["id", "phrase_id", "used_at"]
    assert lib.conn.execute("SELECT phrase_id, used_at FROM usage").fetchall() == [(p.id, 1_800_000_000.0)]
    assert lib.use_count(p.id) == 1


def test_settings_have_defaults_are_validated_and_persist(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        assert lib.setting("hotkey") == "ctrl+alt+k"
        assert lib.set_setting("hotkey", "Ctrl + Alt + J") == "ctrl+alt+j"
        lib.set_setting("店铺名", "小满家居")
        with pytest.raises(ValidationError):
            lib.set_setting("paste_mode", "shout")
        with pytest.raises(ValidationError):
            lib.set_setting("hotkey", "ctrl+space")
        with pytest.raises(ValidationError):
            lib.set_setting("nonsense", "1")
    with Library.open(path) as lib:
        assert lib.setting("hotkey") == "ctrl+alt+j"
        assert lib.store_values() == {"店铺名": "小满家居", "发货截止时间": "16:00"}
        assert lib.setting("paste_mode") == "paste"


def test_render_merges_explicit_values_over_store_variables(lib):
    lib.set_setting("店铺名", "小满家居")
    p = lib.add("欢迎", "欢迎光临{店铺名}，{买家昵称|亲}！")
    assert lib.render(p.id).text == "欢迎光临小满家居，亲！"
    assert lib.render(p.id, {"店铺名": "别家", "买家昵称": "小王"}).text == "欢迎光临别家，小王！"


def test_file_survives_reopen_and_uses_wal(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        p = lib.add("a", "b", code="ab")
        lib.record_use(p.id)
    with Library.open(path) as lib:
        assert lib.get(p.id).title == "a"
        assert lib.use_count(p.id) == 1
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    bad = tmp_path / "lib.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    from desktop.core import DatabaseError

    with pytest.raises(DatabaseError, match="损坏"):
        Library.open(bad)
    assert bad.read_bytes() == b"this is not sqlite at all" * 100


def test_unknown_id_is_not_found(lib):
    with pytest.raises(NotFoundError):
        lib.get("nope")
    with pytest.raises(NotFoundError):
        lib.delete("nope")


def test_failed_write_leaves_no_partial_rows(tmp_path):
    lib = Library.open(tmp_path / "lib.db")
    lib.add("a", "x", code="dup")
    with pytest.raises(ValidationError), lib.atomic():
        lib.insert(title="first", body="ok", category="临时")
        lib.insert(title="second", body="ok", category="临时", code="dup")
    assert lib.count() == 1
    assert [c.path for c in lib.categories()] == [("未分类",)]
    # The failed transaction is over: the next write is committed for other readers too.
    lib.add("after", "y", "临时", code="after")
    with Library.open(tmp_path / "lib.db") as other:
        assert [p.title for p in other.phrases()] == ["a", "after"]
    lib.close()


def test_changes_made_by_another_process_are_picked_up(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as app_side, Library.open(path) as cli_side:
        assert app_side.search("物流") == []
        assert app_side.refresh_if_changed() is False
        p = cli_side.add("物流查询", "帮您查一下物流", code="wlcx")
        cli_side.set_setting("hotkey", "ctrl+alt+j")
        cli_side.record_use(p.id)
        assert app_side.refresh_if_changed() is True
        assert [x.id for x in app_side.search("物流")] == [p.id]
        assert app_side.setting("hotkey") == "ctrl+alt+j"
        assert app_side.use_count(p.id) == 1
        assert app_side.refresh_if_changed() is False


def test_read_only_categories_refuse_edits(lib):
    p = lib.add("团队话术", "组长写的", "团队/发货")
    cat = lib.category("团队/发货")
    lib.conn.execute("UPDATE categories SET read_only = 1 WHERE id = ?", (cat.id,))
    lib.tree.reload()
    for attempt in (
        lambda: lib.add("我的", "x", "团队/发货"),
        lambda: lib.update(p.id, body="改"),
        lambda: lib.delete(p.id),
        lambda: lib.update(lib.add("别处", "x", "我的").id, category="团队/发货"),
    ):
        with pytest.raises(ValidationError, match="订阅"):
            attempt()
    assert lib.get(p.id).body == "组长写的" and not lib.get(p.id).in_trash


def test_set_settings_writes_all_or_nothing(lib):
    with pytest.raises(ValidationError):
        lib.set_settings({"hotkey": "ctrl+alt+j", "paste_mode": "yell"})
    assert lib.setting("hotkey") == "ctrl+alt+k"
    lib.set_settings({"hotkey": "ctrl+alt+j", "paste_mode": "copy"})
    assert (lib.setting("hotkey"), lib.setting("paste_mode")) == ("ctrl+alt+j", "copy")


def test_phrase_counts_and_use_summary(lib):
    a = lib.add("a", "x", "售后")
    lib.add("b", "y", "售后")
    gone = lib.add("c", "z", "售前")
    lib.delete(gone.id)
    after = lib.category("售后").id
    assert lib.phrase_counts() == {after: 2}  # the trash is not counted
    lib.record_use(a.id, when=100.0)
    lib.record_use(a.id, when=200.0)
    assert lib.use_summary() == {a.id: (2, 200.0)}
    assert lib.use_summary(since=150.0) == {a.id: (1, 200.0)}
    assert lib.use_summary(until=150.0) == {a.id: (1, 100.0)}
