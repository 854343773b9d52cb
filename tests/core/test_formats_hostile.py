"""Hostile and broken files are refused with a clear message and leave the library file
byte-for-byte as it was; files with some bad rows name them and import only on request."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import openpyxl
import pytest

from desktop.core import Library, PackError
from desktop.core.exchange import packs
from desktop.core.exchange.formats import base, read_any, write_any, xlsx_io
from desktop.core.exchange.importer import apply, preview
from desktop.core.store.phrase_batch import PhraseBatch
from desktop.core.store.storage_errors import StorageError
from tests.store_access import raw_connection


@pytest.fixture
def disk(tmp_path):
    library = Library.open(tmp_path / "lib" / "library.db")
    library.add("已有", "原来的内容", "售后", code="yy")
    yield library
    library.close()


def fingerprint(lib):
    """The database file's bytes (after moving the WAL into it) and a dump of every table."""
    raw_connection(lib).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return lib.path.read_bytes(), list(raw_connection(lib).iterdump())


def try_import(lib, path, **kwargs):
    apply(lib, preview(lib, read_any(path)), **kwargs)


def good_xlsx(tmp_path, rows=None):
    book = openpyxl.Workbook()
    for row in rows or [["标题", "内容"], ["问好", "您好"]]:
        book.active.append(row)
    path = tmp_path / "good.xlsx"
    book.save(path)
    return path


def zip_bomb(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    return path


def hostile_files(tmp_path):
    """(file, words the refusal must contain)"""
    pack = {"format": "quickreply.pack", "version": 1, "phrases": []}
    made = []

    def put(name, data, words):
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        made.append((path, words))

    good = good_xlsx(tmp_path).read_bytes()
    put("truncated.xlsx", good[: len(good) // 2], "不是有效的 xlsx")
    put("text.xlsx", "标题,内容\n", "不是有效的 xlsx")
    put("truncated.json", json.dumps(pack)[:-5], "不是有效的 JSON")
    put("v2.json", json.dumps({**pack, "version": 2}), "不支持的话术包版本")
    put("other.json", json.dumps({**pack, "format": "other"}), "不是快回话术包")
    put("deep.json", '{"format": "quickreply.pack", "version": 1, "phrases": ' + "[" * 100_000,
        "嵌套太深")
    put("undecodable.csv", b"\xff\xfe\xfa\x80\x81,\xff\n", "无法识别文件编码")
    put("big5.csv", "內容,標題\n你好,問候\n".encode("big5"), "无法识别文件编码")
    put("latin1.csv", "caf\xe9,na\xefve\n".encode("latin-1"), "无法识别文件编码")
    put("utf16.csv", "内容\n好\n".encode("utf-16"), "无法识别文件编码")
    put("noheader.csv", "foo,bar\n1,2\n", "找不到内容列")
    put("empty.csv", "", "是空的")
    made.append((zip_bomb(tmp_path), "压缩炸弹"))
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:
        fh.truncate(packs.MAX_FILE_BYTES + 1)
    made.append((huge, "文件太大"))
    made.append((tmp_path / "missing.json", "找不到文件"))
    return made


def test_hostile_files_are_refused_and_the_library_file_is_unchanged(disk, tmp_path):
    before = fingerprint(disk)
    for path, words in hostile_files(tmp_path):
        with pytest.raises(PackError) as err:
            try_import(disk, path, skip_bad_rows=True)
        assert words in str(err.value), path.name
        assert "\n" not in str(err.value)
        assert fingerprint(disk) == before, path.name
    assert not (disk.path.parent / "backups").exists()


def test_archive_limits_are_checked_before_openpyxl(tmp_path, monkeypatch):
    path = good_xlsx(tmp_path)
    monkeypatch.setattr(xlsx_io, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(PackError, match="解压后太大"):
        read_any(path)
    monkeypatch.setattr(xlsx_io, "MAX_MEMBERS", 3)
    with pytest.raises(PackError, match="文件太多"):
        read_any(path)


def test_too_many_phrases_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_PHRASES", 3)
    (tmp_path / "many.csv").write_text("内容\n" + "好\n" * 4, encoding="utf-8")
    with pytest.raises(PackError, match="话术太多"):
        read_any(tmp_path / "many.csv")


def bad_rows_csv(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "分类,标题,内容,快捷编码\n"
        "售后,好的一行,内容一,h1\n"
        "售后,没有内容,,h2\n"
        "售后,编码有空格,内容三,has space\n"
        f"售后,太长,{'长' * 10_001},h4\n"
        "售后,又一行好的,内容五,h5\n",
        encoding="utf-8",
    )
    return path


def test_bad_rows_are_reported_with_row_numbers(tmp_path):
    loaded = read_any(bad_rows_csv(tmp_path))
    assert [p.title for p in loaded.pack.phrases] == ["好的一行", "又一行好的"]
    assert [e.row for e in loaded.errors] == [3, 4, 5]
    text = [e.message for e in loaded.errors]
    assert text[0] == "第 3 行：内容为空"
    assert "快捷编码" in text[1] and "内容太长" in text[2]


def test_bad_rows_need_consent_then_the_rest_is_imported(disk, tmp_path):
    before = fingerprint(disk)
    plan = preview(disk, read_any(bad_rows_csv(tmp_path)))
    with pytest.raises(PackError, match="有 3 行无法导入.*第 3 行：内容为空"):
        apply(disk, plan)
    assert fingerprint(disk) == before
    report = apply(disk, plan, skip_bad_rows=True)
    assert len(report.added) == 2 and disk.find_by_code("h5").title == "又一行好的"


def test_bad_phrases_in_a_json_pack_are_rows_too(tmp_path):
    doc = {"format": "quickreply.pack", "version": 1, "phrases": [
        {"title": "好", "body": "好的"}, {"title": "缺内容"}, "不是对象",
        {"title": "编码坏", "body": "x", "code": "a b"}, {"title": "也好", "body": "也好的"},
    ]}
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    loaded = read_any(tmp_path / "p.json")
    assert [p.title for p in loaded.pack.phrases] == ["好", "也好"]
    assert [e.row for e in loaded.errors] == [2, 3, 4]
    assert loaded.errors[0].message == "phrases[1].body 缺失"
    assert loaded.errors[2].message.startswith("phrases[3]：快捷编码")


def test_formula_cells_in_a_sheet_are_bad_rows(tmp_path):
    path = good_xlsx(tmp_path, [["标题", "内容", "其他"], ["算", "=1+1", ""], ["好", "好的", "=2"]])
    loaded = read_any(path)
    assert [e.message for e in loaded.errors] == ["第 2 行：内容 是公式，请改成文字"]
    assert [p.body for p in loaded.pack.phrases] == ["好的"]


def test_a_failure_while_writing_rolls_back_everything(disk, tmp_path, monkeypatch):
    other = Library.memory()
    for n in range(5):
        other.add(f"新{n}", f"内容{n}", "导入", code=f"n{n}")
    write_any(tmp_path / "five.xlsx", other)
    plan = preview(disk, read_any(tmp_path / "five.xlsx"))
    before = fingerprint(disk)
    real = PhraseBatch.add
    calls = []

    def flaky(self, **kw):
        calls.append(1)
        if len(calls) == 4:
            raise PackError("磁盘满了")
        return real(self, **kw)

    monkeypatch.setattr(PhraseBatch, "add", flaky)
    with pytest.raises(PackError, match="第 5 行.*磁盘满了"):
        apply(disk, plan)
    assert fingerprint(disk) == before
    other.close()


def test_a_failure_while_the_batch_is_written_rolls_back_everything(disk, tmp_path, monkeypatch):
    """The new phrases reach the file together at the end: a full disk there changes nothing."""
    other = Library.memory()
    for n in range(5):
        other.add(f"新{n}", f"内容{n}", "导入", code=f"n{n}")
    write_any(tmp_path / "five.xlsx", other)
    plan = preview(disk, read_any(tmp_path / "five.xlsx"))
    before = fingerprint(disk)
    real = PhraseBatch.write

    def full_disk(self):
        if len(self) > 1:
            raise sqlite3.OperationalError("database or disk is full")
        real(self)

    monkeypatch.setattr(PhraseBatch, "write", full_disk)
    with pytest.raises(StorageError):
        apply(disk, plan)
    assert fingerprint(disk) == before
    other.close()


def test_reading_streams_the_sheet_read_only(tmp_path, monkeypatch):
    seen = {}
    real = openpyxl.load_workbook

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    read_any(good_xlsx(tmp_path))
    assert seen["read_only"] is True


def test_zip_guard_alone(tmp_path):
    with pytest.raises(PackError, match="压缩炸弹"):
        xlsx_io.check_zip(zip_bomb(tmp_path).read_bytes(), "bomb.xlsx")
    xlsx_io.check_zip(good_xlsx(tmp_path).read_bytes(), "good.xlsx")
    with pytest.raises(PackError, match="不是有效的 xlsx"):
        xlsx_io.check_zip(io.BytesIO(b"PK\x03\x04junk").getvalue(), "junk.xlsx")
