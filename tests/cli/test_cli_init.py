"""``init`` creates a library on purpose; ``import --dry-run`` never creates or changes one."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import main


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_init_with_and_without_the_default_phrases(tmp_path):
    full = run(tmp_path / "full.db", "init", "--json")
    assert full.exit_code == 0 and json.loads(full.output)["phrases"] > 200
    empty = run(tmp_path / "empty.db", "init", "--empty")
    assert empty.exit_code == 0 and "0 条话术" in empty.output
    assert run(tmp_path / "empty.db", "search", "发货", "--json").output.strip() == "[]"


def test_init_refuses_an_existing_file(tmp_path):
    db = tmp_path / "lib.db"
    run(db, "init", "--empty")
    before = db.read_bytes()
    again = run(db, "init")
    assert again.exit_code == 1 and "已存在" in again.output
    assert db.read_bytes() == before


def pack(tmp_path):
    path = tmp_path / "pack.json"
    path.write_text(json.dumps({"format": "quickreply.pack", "version": 1, "phrases": [
        {"category": ["售后"], "title": "新话术", "body": "一条新的话术"}]}, ensure_ascii=False),
        encoding="utf-8")
    return path


def test_dry_run_on_a_missing_library_creates_nothing(tmp_path):
    db = tmp_path / "sub" / "new.db"
    result = run(db, "import", str(pack(tmp_path)), "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["dry_run"] is True
    assert not db.exists() and not db.parent.exists()


def test_dry_run_leaves_an_existing_library_byte_for_byte(tmp_path):
    db = tmp_path / "lib.db"
    run(db, "init", "--empty")
    source = pack(tmp_path)
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    result = run(db, "import", str(source), "--dry-run")
    assert result.exit_code == 0 and "新增" in result.output
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == files


def test_dry_run_shows_the_category_levels(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("分类,标题,内容\n淘宝/天猫,双平台,同一家店\n店铺/京东\\/拼多多,另两家,也是一家\n",
                     encoding="utf-8")
    out = run(tmp_path / "lib.db", "import", str(sheet), "--dry-run").output
    assert "淘宝 › 天猫" in out and "店铺 › 京东/拼多多" in out


def test_import_can_convert_bracket_placeholders(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("分类,标题,内容\n售中,发货,【客户昵称】您好，[商品名称]已发出\n", encoding="utf-8")
    db = tmp_path / "lib.db"
    run(db, "init", "--empty")
    assert run(db, "import", str(sheet), "--convert-brackets").exit_code == 0
    out = json.loads(run(db, "search", "发货", "--json").output)
    assert out[0]["body"] == "{买家昵称}您好，{商品}已发出"
