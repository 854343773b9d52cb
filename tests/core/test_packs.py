"""JSON packs: checked before anything is written, imported in one transaction."""

import json

import pytest

from desktop.core import PackError
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import build_pack, export_pack, parse_pack, read_pack


def pack(*phrases, **extra):
    doc = {"format": "quickreply.pack", "version": 1, "name": "测试包", "phrases": list(phrases)}
    doc.update(extra)
    return json.dumps(doc, ensure_ascii=False)


def phrase(title="退货说明", body="支持七天无理由退货", **kw):
    return {"category": ["售后", "退换货"], "title": title, "body": body, **kw}


def snapshot(lib):
    return (
        lib.conn.execute("SELECT * FROM phrases ORDER BY id").fetchall(),
        lib.conn.execute("SELECT * FROM categories ORDER BY id").fetchall(),
    )


def test_import_creates_categories_and_phrases(lib):
    p = parse_pack(pack(phrase(code="thsm", tags=["退货"], note="买家要退货时"),
                        categories=[{"path": ["售后"], "note": "收货以后的问题"}]))
    report = import_now(lib, p)
    assert len(report.added) == 1
    got = lib.search("thsm")[0]
    assert got.category == ("售后", "退换货") and got.tags == ("退货",) and got.note == "买家要退货时"
    assert lib.category("售后").note == "收货以后的问题"


@pytest.mark.parametrize(
    "text, where",
    [
        ("{not json", "JSON"),
        (json.dumps({"format": "other", "version": 1, "phrases": []}), "format"),
        (json.dumps({"format": "quickreply.pack", "version": 2, "phrases": []}), "版本"),
        (pack({"category": ["售后"], "body": "x"}), "phrases[0].title"),
        (pack(phrase(), phrase(body=7)), "phrases[1].body"),
        (pack(phrase(tags="退货")), "phrases[0].tags"),
        (pack(phrase(category=[])), "phrases[0].category"),
        ("[1, 2]", "对象"),
    ],
)
def test_malformed_packs_are_refused_naming_the_problem(lib, text, where):
    before = snapshot(lib)
    with pytest.raises(PackError) as err:
        import_now(lib, parse_pack(text))
    assert where in str(err.value)
    assert snapshot(lib) == before


def test_a_bad_phrase_late_in_the_pack_rolls_back_the_whole_import(lib):
    lib.add("已有", "原文", code="yy")
    before = snapshot(lib)
    good = [phrase(title=f"好{n}", code=f"h{n}") for n in range(5)]
    bad = phrase(title="坏", code="has space")
    with pytest.raises(PackError, match="phrases\\[5\\]"):
        import_now(lib, parse_pack(pack(*good, bad)))
    assert snapshot(lib) == before


def test_existing_id_or_code_is_skipped_by_default(lib):
    mine = lib.add("我的退货", "我自己的写法", "售后", code="th")
    report = import_now(lib, parse_pack(pack(phrase(code="th"), phrase(title="新", id=mine.id))))
    assert report.added == [] and len(report.skipped) == 2
    assert lib.get(mine.id).body == "我自己的写法"


def test_replace_and_copy_policies(lib):
    mine = lib.add("我的退货", "旧写法", "售后", code="th")
    import_now(lib, parse_pack(pack(phrase(body="新写法", code="th"))), "replace")
    assert lib.get(mine.id).body == "新写法"
    report = import_now(lib, parse_pack(pack(phrase(body="第三种", code="th"))), "copy")
    copy = lib.get(report.added[0])
    assert copy.code == "th2" and lib.get(mine.id).body == "新写法"


def test_pack_ids_are_kept_so_a_second_import_is_recognised(lib):
    text = pack(phrase(id="team-001", code="t1"))
    assert len(import_now(lib, parse_pack(text)).added) == 1
    assert lib.get("team-001").title == "退货说明"
    assert len(import_now(lib, parse_pack(text)).skipped) == 1


def test_export_then_import_keeps_every_field(lib, tmp_path):
    lib.ensure_category("售后", note="收货以后")
    lib.add("退货说明", "第一行\n第二行 {买家昵称|亲}", "售后/退换货", code="thsm",
            tags=["退货", "流程"], note="买家要退货时")
    lib.set_setting("店铺名", "不该被导出的店")
    target = tmp_path / "out.json"
    assert export_pack(lib, target, categories=["售后"]) == 1
    text = target.read_text(encoding="utf-8")
    assert "不该被导出的店" not in text
    from desktop.core import Library

    with Library.memory() as other:
        import_now(other, read_pack(target))
        got = other.search("thsm")[0]
        assert (got.title, got.body, got.category, got.code, got.tags, got.note) == (
            "退货说明", "第一行\n第二行 {买家昵称|亲}", ("售后", "退换货"), "thsm", ("退货", "流程"), "买家要退货时")
        assert other.category("售后").note == "收货以后"


def test_build_pack_is_shop_neutral(lib):
    p = lib.add("a", "b", code="ab")
    lib.record_use(p.id)
    doc = build_pack(lib)
    assert set(doc) == {"format", "version", "name", "description", "author", "created", "categories", "phrases"}
    assert "uses" not in doc["phrases"][0]


def test_read_pack_reports_missing_files_and_encoding(tmp_path):
    with pytest.raises(PackError, match="找不到"):
        read_pack(tmp_path / "none.json")
    bad = tmp_path / "gbk.json"
    bad.write_bytes(pack(phrase()).encode("gbk"))
    with pytest.raises(PackError, match="UTF-8"):
        read_pack(bad)
    bom = tmp_path / "bom.json"
    bom.write_bytes(pack(phrase()).encode("utf-8-sig"))
    assert len(read_pack(bom).phrases) == 1
