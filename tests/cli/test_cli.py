"""The ``quickreply`` commands, run in-process as a user would type them (see tests/clirun.py)."""

import json

import pytest

from tests.clirun import invoke as run
from tests.clirun import ok


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib.db"


def test_search_fh_gives_the_shipping_answers_first_on_a_new_library(db):
    results = json.loads(ok(run(db, "search", "fh", "--json")))
    assert results, "the default library should answer fh"
    for item in results[:3]:
        assert item["category"][-1] == "发货时间" or item["title"].startswith("发货")
        assert {"id", "title", "body", "category", "code", "tags", "note"} <= set(item)


def test_add_show_edit_delete_restore_round_trip(db):
    added = json.loads(ok(run(db, "add", "--title", "测试退货", "--body", "-", "--category", "售后/测试",
                              "--code", "cstest", "--tag", "退货", "--note", "测试用", "--json",
                              stdin="第一行\n第二行")))
    pid = added["id"]
    shown = json.loads(ok(run(db, "show", "cstest", "--json")))
    assert shown["id"] == pid and shown["body"] == "第一行\n第二行" and shown["category"] == ["售后", "测试"]
    edited = json.loads(ok(run(db, "edit", pid, "--title", "改过的标题", "--json")))
    assert edited["title"] == "改过的标题" and edited["body"] == "第一行\n第二行"
    ok(run(db, "delete", pid))
    assert pid not in ok(run(db, "search", "cstest"))
    assert pid in ok(run(db, "trash"))
    ok(run(db, "restore", pid))
    assert json.loads(ok(run(db, "search", "cstest", "--json")))[0]["id"] == pid


def test_render_fills_vars_and_names_missing_fields(db):
    pid = json.loads(ok(run(db, "add", "--title", "查单", "--body", "{买家昵称|亲}，订单{订单号}已发出",
                             "--code", "cdtest", "--json")))["id"]
    missing = run(db, "render", pid)
    assert missing.returncode == 1
    assert "订单号" in missing.stderr and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    out = json.loads(ok(run(db, "render", "cdtest", "--var", "订单号=1234567890", "--json")))
    assert out == {"text": "亲，订单1234567890已发出"}
    assert ok(run(db, "render", pid, "--var", "订单号=1", "--var", "买家昵称=小王")).strip() == "小王，订单1已发出"


def test_rendered_text_and_buyer_values_are_not_stored(db):
    ok(run(db, "add", "--title", "查单", "--body", "订单{订单号}", "--code", "cd9"))
    ok(run(db, "render", "cd9", "--var", "订单号=SECRET998877"))
    raw = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith("lib.db"))
    assert b"SECRET998877" not in raw


def test_config_reads_and_sets_and_refuses_bad_values(db):
    assert ok(run(db, "config", "hotkey")).strip() == "ctrl+alt+k"
    assert ok(run(db, "config", "hotkey", "ctrl+alt+j")).strip() == "ctrl+alt+j"
    assert json.loads(ok(run(db, "config", "--json")))["hotkey"] == "ctrl+alt+j"
    bad = run(db, "config", "paste_mode", "yell")
    assert bad.returncode == 1 and "paste" in bad.stderr
    ok(run(db, "config", "店铺名", "小满家居"))
    assert json.loads(ok(run(db, "config", "--json")))["store.店铺名"] == "小满家居"


def test_lint_reports_findings_as_json(db):
    pid = json.loads(ok(run(db, "add", "--title", "引流", "--body", "加我微信聊", "--json")))["id"]
    result = run(db, "lint", pid, "--json")
    assert result.returncode == 1  # an error-level finding
    findings = json.loads(result.stdout)
    assert any(f["rule"] == "off-platform" and f["match"] == "微信" for f in findings)


def test_default_library_passes_lint(db):
    result = run(db, "lint", "--json")
    assert result.returncode == 0, result.stdout[:2000]
    assert [f for f in json.loads(result.stdout) if f["level"] != "info"] == []


def test_export_and_import_between_two_libraries(db, tmp_path):
    ok(run(db, "add", "--title", "独有话术", "--body", "只在这里", "--category", "团队/共享", "--code", "dyhs"))
    pack = tmp_path / "team.json"
    ok(run(db, "export", str(pack), "--category", "团队"))
    other = tmp_path / "other.db"
    report = json.loads(ok(run(other, "import", str(pack), "--json")))
    assert report["added"] == 1
    assert json.loads(ok(run(other, "search", "dyhs", "--json")))[0]["category"] == ["团队", "共享"]
    again = json.loads(ok(run(other, "import", str(pack), "--json")))
    assert again["added"] == 0 and len(again["skipped"]) == 1


def test_bad_pack_leaves_library_unchanged(db, tmp_path):
    ok(run(db, "search", "x"))
    before = ok(run(db, "search", "", "--limit", "1000", "--json"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "quickreply.pack", "version": 1, "phrases": [{"title": "x"}]}', encoding="utf-8")
    result = run(db, "import", str(bad))
    assert result.returncode == 1 and "phrases[0]" in result.stderr and "Traceback" not in result.stderr
    assert ok(run(db, "search", "", "--limit", "1000", "--json")) == before


@pytest.mark.parametrize("args", [["show", "nope"], ["delete", "nope"], ["render", "nope"],
                                  ["search", "x", "--category", "不存在"], ["restore", "nope"]])
def test_errors_are_one_line_and_exit_1(db, args):
    result = run(db, *args)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_usage_errors_exit_2(db):
    assert run(db, "search", "--limit", "zero").returncode == 2
    assert run(db, "frobnicate").returncode == 2


def test_version_and_env_var_database(tmp_path):
    assert ok(run(None, "--version")).startswith("quickreply ")
    envdb = tmp_path / "env.db"
    ok(run(None, "add", "--title", "环境变量", "--body", "x", "--code", "hjbl",
           env_extra={"QUICKREPLY_DB": str(envdb)}))
    assert envdb.exists()


def test_a_damaged_database_gives_a_message(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 500)
    result = run(bad, "search", "x")
    assert result.returncode == 1 and "损坏" in result.stderr
