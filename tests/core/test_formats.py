"""JSON, Excel and CSV: round trips, header spellings, encodings and formula escaping."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from desktop.core import Library, PackError
from desktop.core.exchange.formats import read_any, write_any
from desktop.core.exchange.formats.table import escape_cell, title_from_body, unescape_cell
from desktop.core.exchange.importer import import_now

FIELDS = ("id", "category", "title", "body", "code", "tags", "note")


def fields(lib):
    return sorted(
        (p.id, p.category, p.title, p.body, p.code, p.tags, p.note, p.examples)
        for p in lib.phrases()
    )


def notes(lib):
    return {c.path: c.note for c in lib.categories() if c.note}


@pytest.fixture
def awkward(lib):
    lib.ensure_category("售后", note="收货以后的问题")
    lib.ensure_category("=危险/分类", note="-注意")
    lib.add("退货说明", "支持七天无理由退货\n第二行, \"引号\" 和\t制表符 😀", "售后/退换货",
            code="thsm", tags=["退货", "流程"], note="买家要退货时",
            examples=["能退吗", "=不想要了怎么退", "退货麻烦吗？"])
    lib.add("=SUM(A1)", "=HYPERLINK(\"http://x\")", "=危险/分类", code="=x", tags=["+86", "@x"],
            note="-")
    lib.add("'=已经有引号", "'+86 138", "售后", code="q1", tags=["'@x"], note="''")
    lib.add("  空格  ", "  前后有空格  ", "售前", code="-1")
    return lib


def test_json_to_xlsx_to_csv_to_json_keeps_every_field(awkward, tmp_path):
    chain = ["a.json", "b.xlsx", "c.csv", "d.json"]
    source = awkward
    for name in chain:
        write_any(tmp_path / name, source)
        target = Library.memory()
        loaded = read_any(tmp_path / name)
        assert loaded.errors == []
        import_now(target, loaded)
        assert fields(target) == fields(awkward), name
        assert notes(target) == notes(awkward), name
        source = target
    doc = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert doc["format"] == "quickreply.pack" and "不含店铺变量和使用记录" in doc["description"]


def test_export_of_chosen_categories_and_phrases(awkward, tmp_path):
    summary = write_any(tmp_path / "after.csv", awkward, categories=["售后"])
    assert summary.phrases == 2 and "售后" in summary.text()
    one = awkward.find_by_code("thsm")
    assert write_any(tmp_path / "one.xlsx", awkward, phrase_ids=[one.id]).phrases == 1
    assert [p.title for p in read_any(tmp_path / "one.xlsx").pack.phrases] == ["退货说明"]


def test_export_leaves_out_store_variables_and_says_so(awkward, tmp_path):
    awkward.set_setting("店铺名", "不该出现的店")
    p = awkward.find_by_code("thsm")
    awkward.record_use(p.id)
    for name in ("x.json", "x.csv", "x.xlsx"):
        write_any(tmp_path / name, awkward)
    assert "不该出现的店" not in (tmp_path / "x.json").read_text(encoding="utf-8")
    assert "不该出现的店" not in (tmp_path / "x.csv").read_text(encoding="utf-8-sig")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book.sheetnames == ["话术", "说明"]
    about = " ".join(str(c.value) for row in book["说明"].iter_rows() for c in row)
    assert "不含店铺变量和使用记录" in about and "4 条话术" in about
    book.close()


def test_xlsx_cells_are_strings_and_formula_like_text_is_prefixed(awkward, tmp_path):
    write_any(tmp_path / "x.xlsx", awkward)
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    cells = [c for row in book["话术"].iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    assert all(not str(c.value).startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=SUM(A1)" in {c.value for c in cells}
    book.close()


def test_csv_is_utf8_with_bom_and_formula_like_text_is_prefixed(awkward, tmp_path):
    write_any(tmp_path / "x.csv", awkward)
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["分类", "标题", "内容", "快捷编码", "标签", "备注", "编号", "买家常问", "也算对"]
    cells = [c for row in rows for c in row]
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=x" in cells and "''+86 138" in cells


@pytest.mark.parametrize(
    "value, written",
    [("=SUM(A1)", "'=SUM(A1)"), ("+86", "'+86"), ("-", "'-"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("'=x", "''=x"), ("'abc", "'abc"), ("普通", "普通"), ("", ""), ("a=b", "a=b")],
)
def test_formula_escaping_round_trips(value, written):
    assert escape_cell(value) == written
    assert unescape_cell(written) == value


@pytest.mark.parametrize(
    "body, title",
    [("亲，您好！请问有什么可以帮您？", "亲，您好！"), ("  多个   空格\n第二行", "多个 空格"),
     ("一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六…"), ("好！后面", "好！后面")],
)
def test_title_from_first_words(body, title):
    assert title_from_body(body) == title


def write_csv(path, rows, encoding="utf-8"):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def test_qianniu_style_headers_in_any_order_and_untitled_bodies(tmp_path):
    path = tmp_path / "qianniu.csv"
    write_csv(path, [
        ["快捷短语", "编码", "分组名称", "无关列"],
        ["亲，您好！欢迎光临小店", "hy", "售前/问候", "x"],
        ["=1+1 是文字", "'=js", "", ""],
    ], encoding="gb18030")
    loaded = read_any(path)
    assert loaded.errors == [] and "无关列" in loaded.warnings[0]
    first, second = loaded.pack.phrases
    assert (first.title, first.body, first.code, first.category) == (
        "亲，您好！", "亲，您好！欢迎光临小店", "hy", ("售前", "问候"))
    assert (second.title, second.code, second.category) == ("=1+1 是文字", "=js", ("未分类",))


@pytest.mark.parametrize(
    "header",
    [["Category", "Title", "Content", "Code", "Tags", "Note", "ID"],
     ["分组", "标题", "短语内容", "快捷编码", "标签", "备注", "编号"],
     ["note", "tags", "code", "body", "title", "category", "id"],
     [" 内容* ", "标题（选填）", "分类"]],
)
def test_header_aliases(tmp_path, header):
    values = {"category": "售后/退款", "title": "退款", "body": "已退款", "code": "tk",
              "tags": "退款,钱", "note": "n", "id": "t-1"}
    keys = {"category": "category", "分组": "category", "分类": "category", "title": "title",
            "标题": "title", "content": "body", "body": "body", "短语内容": "body", "内容": "body",
            "code": "code", "快捷编码": "code", "tags": "tags", "标签": "tags", "note": "note",
            "备注": "note", "id": "id", "编号": "id"}
    names = [keys[h.strip().lower().strip("*").split("（")[0].strip()] for h in header]
    write_csv(tmp_path / "h.csv", [header, [values[n] for n in names]])
    got = read_any(tmp_path / "h.csv").pack.phrases[0]
    assert got.body == "已退款" and got.category == ("售后", "退款") and got.title == "退款"
    if "tags" in names:
        assert (got.tags, got.code, got.note, got.id) == (("退款", "钱"), "tk", "n", "t-1")


def test_xlsx_header_aliases_and_typed_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编码", "短语", "分组"])
    sheet.append([123, "数字编码", "售前"])
    sheet.append([None, None, None])
    sheet.append(["ok", "好的", "售前"])
    book.save(tmp_path / "t.xlsx")
    loaded = read_any(tmp_path / "t.xlsx")
    assert [(p.code, p.body) for p in loaded.pack.phrases] == [("123", "数字编码"), ("ok", "好的")]
    assert loaded.rows == [2, 4]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_are_detected(tmp_path, encoding):
    write_csv(tmp_path / "e.csv", [["分类", "标题", "内容"], ["售后", "退货", "七天无理由退货，运费险"]],
              encoding=encoding)
    phrase = read_any(tmp_path / "e.csv").pack.phrases[0]
    assert (phrase.title, phrase.body) == ("退货", "七天无理由退货，运费险")


def test_tab_separated_text_is_read_too(tmp_path):
    (tmp_path / "t.csv").write_text("标题\t内容\n问好\t您好，在的\n", encoding="utf-8")
    assert read_any(tmp_path / "t.csv").pack.phrases[0].body == "您好，在的"


def test_category_note_rows(tmp_path):
    write_csv(tmp_path / "n.csv", [["分类", "内容", "备注"], ["售后", "", "收货以后"],
                                   ["售后", "好的", ""]])
    loaded = read_any(tmp_path / "n.csv")
    assert loaded.pack.category_notes == {("售后",): "收货以后"} and len(loaded.pack.phrases) == 1


def test_unsupported_extension_is_refused(tmp_path, lib):
    (tmp_path / "x.txt").write_text("内容\n好", encoding="utf-8")
    with pytest.raises(PackError, match=r"不支持的文件类型 \.txt"):
        read_any(tmp_path / "x.txt")
    with pytest.raises(PackError, match="不支持的文件类型"):
        write_any(tmp_path / "x.doc", lib)


def test_buyer_questions_column_splits_on_bars_and_new_lines(tmp_path, lib):
    write_csv(tmp_path / "q.csv", [["分类", "标题", "内容", "买家常问"],
                                    ["售后", "退货说明", "支持七天无理由", "能退吗|退货麻烦吗\n不想要了"]])
    import_now(lib, read_any(tmp_path / "q.csv"))
    assert lib.phrases()[0].examples == ("能退吗", "退货麻烦吗", "不想要了")


def test_reimporting_a_sheet_without_the_column_keeps_the_questions(tmp_path, lib):
    p = lib.add("退货说明", "支持七天无理由", "售后", code="th", examples=["能退吗"])
    write_csv(tmp_path / "q.csv", [["分类", "标题", "内容", "快捷编码"], ["售后", "退货说明", "新内容", "th"]])
    import_now(lib, read_any(tmp_path / "q.csv"), policy="replace")
    assert lib.get(p.id).body == "新内容" and lib.get(p.id).examples == ("能退吗",)


def test_a_slash_inside_a_category_name_is_escaped(tmp_path, lib):
    write_csv(tmp_path / "c.csv", [["分类", "标题", "内容"],
                                    ["店铺/淘宝\\/天猫", "平台说明", "两个平台同一家店"]])
    import_now(lib, read_any(tmp_path / "c.csv"))
    assert lib.phrases()[0].category == ("店铺", "淘宝/天猫")
    write_any(tmp_path / "out.csv", lib)
    assert "店铺/淘宝\\/天猫" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    again = Library.memory()
    import_now(again, read_any(tmp_path / "out.csv"))
    assert again.phrases()[0].category == ("店铺", "淘宝/天猫")
