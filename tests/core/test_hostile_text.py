"""Issue 14, findings 6 and 7: hostile text in packs, sheets and the command line is refused
at the reader, naming the place, before anything (a backup included) is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from desktop.core import Library, QuickReplyError
from desktop.core.exchange.packs import parse_pack
from desktop.core.store import backup as backups
from desktop.core.team import subscriptions as subs
from desktop.core.team.signing import new_key, sign_document


def pack_doc(**phrase) -> dict:
    item = {"category": ["售后"], "title": "退货", "body": "七天无理由退货"} | phrase
    return {"format": "quickreply.pack", "version": 1, "name": "团队", "phrases": [item]}


def cli(db, *args):
    env = {k: v for k, v in os.environ.items() if k != "QUICKREPLY_DB"}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args],
                          capture_output=True, env=env, timeout=60, check=False)  # fmt: skip


# ----- finding 6: lone surrogates ---------------------------------------------------------
def test_a_lone_surrogate_in_a_pack_is_refused_naming_the_place_and_no_backup_is_taken(tmp_path):
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        count = lib.count()
    pack = tmp_path / "bad.json"
    pack.write_text(json.dumps(pack_doc(title="退\ud800货")), encoding="ascii")  # "\ud800" escape
    result = cli(db, "import", str(pack))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1, err
    assert "phrases[0].title" in err and "内部错误" not in err
    with Library.open(db) as lib:
        assert backups.list_backups(lib) == []
        assert lib.count() == count


@pytest.mark.parametrize("field", ["body", "note", "code", "id"])
def test_every_text_field_of_a_pack_is_checked(field):
    with pytest.raises(QuickReplyError, match=rf"phrases\[0\]\.{field}"):
        parse_pack(json.dumps(pack_doc(**{field: "a\udfffb"})))


def test_a_lone_surrogate_in_tags_categories_or_pack_fields_is_refused():
    with pytest.raises(QuickReplyError, match=r"phrases\[0\]\.tags"):
        parse_pack(json.dumps(pack_doc(tags=["好\ud800"])))
    with pytest.raises(QuickReplyError, match=r"phrases\[0\]\.category"):
        parse_pack(json.dumps(pack_doc(category=["售\ud800后"])))
    doc = pack_doc() | {"name": "团\udc00队"}
    with pytest.raises(QuickReplyError, match=r"name"):
        parse_pack(json.dumps(doc))


def test_a_command_line_argument_that_is_not_utf8_is_a_message_not_a_crash(tmp_path):
    db = tmp_path / "library.db"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "add", "--title", b"\xff\xfe".decode("utf-8", "surrogateescape"), "--body", "内容"],
        capture_output=True, timeout=60, check=False,
        env={k: v for k, v in os.environ.items() if k != "QUICKREPLY_DB"},
    )  # fmt: skip
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "内部错误" not in err and "标题" in err


def test_a_signed_pack_with_a_lone_surrogate_is_refused_and_other_subscriptions_still_update(
    tmp_path,
):
    key = new_key()
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    old = time.time() - 3600
    for path, doc in ((good, pack_doc()), (bad, pack_doc(body="坏\ud800了"))):
        path.write_text(json.dumps(sign_document(pack_doc(), key)), encoding="utf-8")
        os.utime(path, (old, old))
    with Library.open(tmp_path / "agent.db") as lib:
        subs.subscribe(lib, str(bad), name="坏的")
        subs.subscribe(lib, str(good), name="好的")
        bad.write_text(
            json.dumps(sign_document(pack_doc(body="坏\ud800了"), key)), encoding="ascii"
        )
        good.write_text(json.dumps(sign_document(pack_doc(body="新内容"), key)), encoding="utf-8")
        os.utime(bad, (old + 10, old + 10))
        os.utime(good, (old + 10, old + 10))
        results = {r.subscription.name: r for r in subs.update_all(lib)}
        assert results["坏的"].status == subs.REFUSED
        assert "phrases[0].body" in results["坏的"].message
        assert subs.find(lib, "坏的").last_error
        assert results["好的"].status == subs.UPDATED
        assert any(p.body == "新内容" for p in lib.phrases("好的"))


# ----- finding 7: huge numbers, control characters, unbounded notes, invisible characters ----
def test_a_number_of_5000_digits_is_a_message_not_an_internal_error(tmp_path):
    text = json.dumps(pack_doc()).replace('"version": 1', '"version": ' + "9" * 5000)
    with pytest.raises(QuickReplyError, match="数字"):
        parse_pack(text)
    db, path = tmp_path / "library.db", tmp_path / "big-number.json"
    path.write_text(text, encoding="utf-8")
    err = cli(db, "import", str(path)).stderr.decode("utf-8")
    assert "内部错误" not in err and "数字" in err


def test_control_characters_never_reach_category_names_notes_or_ids(tmp_path):
    db = tmp_path / "library.db"
    doc = pack_doc(id="id\x00\x1b1", category=["售\x1b[31m后", "退\x07换"])
    doc["categories"] = [{"path": ["售\x1b[31m后"], "note": "说明\x1b]0;title\x07\x9b2J"}]
    path = tmp_path / "esc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli(db, "import", str(path))
    assert result.returncode == 0, result.stderr.decode("utf-8")
    shown = cli(db, "categories").stdout.decode("utf-8")
    assert "售[31m后" in shown and "退换" in shown
    assert not any(ch in shown for ch in "\x00\x07\x1b\x9b")
    with Library.open(db) as lib:
        (phrase,) = lib.phrases("售[31m后")
        assert phrase.id == "id1"
        assert lib.category("售[31m后").note == "说明]0;title2J"


def test_a_json_category_note_is_capped_like_a_csv_one():
    doc = pack_doc()
    doc["categories"] = [{"path": ["售后"], "note": "很长" * 501}]
    with pytest.raises(QuickReplyError, match=r"categories\[0\]\.note"):
        parse_pack(json.dumps(doc))


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u2060"])
def test_lint_flags_bidi_and_zero_width_characters(char):
    from desktop.core.text.lint import lint

    findings = lint(f"亲，您好{char}，订单已发出", "发货通知")
    assert any(f.rule == "invisible-char" and f.match == char for f in findings)
    assert not any(f.rule == "invisible-char" for f in lint("亲，您好，订单已发出", "发货通知"))
