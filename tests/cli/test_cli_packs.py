"""``quickreply import`` / ``export`` in every format, the dry-run report and ``backup``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.core import Library


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.ensure_category("售后", note="收货以后")
        lib.add("退货", "七天无理由退货", "售后", code="th", tags=["退货"])
        lib.add("发货", "48 小时内发货", "售前", code="fh")
    return path


def run(db, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def ok(db, *args):
    code, out, err = run(db, *args)
    assert code == 0, err
    return out


def write_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_export_each_format_then_import_elsewhere(db, tmp_path):
    for suffix in (".json", ".xlsx", ".csv"):
        target = tmp_path / f"out{suffix}"
        out = ok(db, "export", str(target))
        assert "2 条话术" in out and "不含店铺变量和使用记录" in out
        other = tmp_path / f"other{suffix}.db"
        data = json.loads(ok(other, "import", str(target), "--json"))
        assert data["added"] == 2
        shown = json.loads(ok(other, "show", "th", "--json"))
        assert shown["tags"] == ["退货"] and shown["category"] == ["售后"]


def test_export_a_chosen_category_with_json_output(db, tmp_path):
    data = json.loads(ok(db, "export", str(tmp_path / "a.xlsx"), "--category", "售后", "--json"))
    assert data["phrases"] == 1 and data["category_notes"] == 1
    code, _, err = run(db, "export", str(tmp_path / "a.txt"))
    assert code == 1 and "不支持的文件类型" in err


def test_dry_run_prints_a_table_per_category_and_the_conflicts(db, tmp_path):
    path = write_csv(tmp_path / "in.csv",
                     "分类,标题,内容,快捷编码\n售后,退货,七天无理由退货,th\n"
                     "售前,发货,24 小时内发货,fh\n售前,新的,新内容,xin\n")
    before = db.read_bytes()
    out = ok(db, "import", str(path), "--dry-run")
    lines = out.splitlines()
    assert lines[1].split() == ["分类", "新增", "修改", "相同", "冲突"]
    assert lines[2].split() == ["售后", "0", "0", "1", "0"]  # no 标签 column: tags kept
    assert lines[3].split() == ["售前", "1", "0", "0", "1"]
    assert "冲突（1）：" in out and "第 3 行 发货（售前）：快捷编码 fh 已被「发货」使用 → 跳过" in out
    assert "没有写入" in out
    assert db.read_bytes() == before
    data = json.loads(ok(db, "import", str(path), "--dry-run", "--json", "--on-conflict", "replace"))
    assert data["counts"] == {"new": 1, "changed": 0, "identical": 1, "conflict": 1}
    assert data["actions"]["replace"] == 1 and data["dry_run"] is True


def test_import_backs_up_first_and_backup_restore_undoes_it(db, tmp_path):
    path = write_csv(tmp_path / "in.csv", "内容,编码\n新的话术,xin\n")
    out = ok(db, "import", str(path))
    assert "导入 1 条" in out and "before-import.db" in out
    listed = json.loads(ok(db, "backup", "list", "--json"))
    assert [b["reason"] for b in listed] == ["before-import"]
    restored = json.loads(ok(db, "backup", "restore", listed[0]["name"], "--json"))
    assert restored["restored"] == listed[0]["name"]
    assert run(db, "show", "xin")[0] == 1
    ok(db, "backup", "restore", restored["saved"])
    assert json.loads(ok(db, "show", "xin", "--json"))["body"] == "新的话术"


def test_backup_now_and_list(db):
    assert "还没有备份" in ok(db, "backup", "list")
    made = json.loads(ok(db, "backup", "now", "--json"))
    out = ok(db, "backup", "list")
    assert made["name"] in out and "手动" in out
    code, _, err = run(db, "backup", "restore", "nope")
    assert code == 1 and "没有这个备份" in err


def test_bad_rows_need_skip_bad_rows(db, tmp_path):
    path = write_csv(tmp_path / "bad.csv", "标题,内容\n好,好的\n空,\n")
    before = db.read_bytes()
    code, _, err = run(db, "import", str(path))
    assert code == 1 and "第 3 行：内容为空" in err and "--skip-bad-rows" in err
    assert len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert "有问题的行（1）" in ok(db, "import", str(path), "--dry-run")
    out = ok(db, "import", str(path), "--skip-bad-rows")
    assert "导入 1 条" in out and "略过有问题的 1 行" in out


@pytest.mark.parametrize("policy, body, count", [("skip", "48 小时内发货", 2),
                                                 ("replace", "改过", 2), ("copy", "48 小时内发货", 3)])
def test_each_conflict_policy(db, tmp_path, policy, body, count):
    path = write_csv(tmp_path / "c.csv", "标题,内容,快捷编码\n发货,改过,fh\n")
    ok(db, "import", str(path), "--on-conflict", policy)
    assert json.loads(ok(db, "show", "fh", "--json"))["body"] == body
    with Library.open(db) as lib:
        assert lib.count() == count


def test_hostile_file_leaves_the_database_file_unchanged(db, tmp_path):
    bomb = tmp_path / "x.xlsx"
    bomb.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    before = db.read_bytes()
    code, _, err = run(db, "import", str(bomb))
    assert code == 1 and "不是有效的 xlsx" in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()
