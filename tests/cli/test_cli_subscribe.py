"""``keys``, ``subscribe``, ``subscriptions``, ``update``, ``unsubscribe`` and ``copy``,
run as a team lead and an agent would run them."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.clirun import failed, ok
from tests.clirun import invoke as run

LONG_AGO = time.time() - 7200


def write_pack(path, *titles, step=0):
    doc = {
        "format": "quickreply.pack",
        "version": 1,
        "name": "团队话术",
        "phrases": [
            {"id": f"p{n}", "category": ["售后"], "title": t, "body": f"亲，{t}", "code": f"tk{n}"}
            for n, t in enumerate(titles)
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    os.utime(path, (LONG_AGO + step, LONG_AGO + step))
    return path


@pytest.fixture
def db(tmp_path):
    return tmp_path / "agent.db"


@pytest.fixture
def lead(tmp_path):
    """A key pair made with ``keys new`` and a signed pack on a 'shared folder'."""
    keys = tmp_path / "keys"
    out = ok(run(None, "keys", "new", "--out", keys))
    share = tmp_path / "share"
    share.mkdir()
    pack = write_pack(share / "team.json", "退货", "换货")
    ok(run(None, "keys", "sign", pack, "--key", keys / "publisher.key"))
    os.utime(pack, (LONG_AGO, LONG_AGO))
    return keys, pack, out


def test_keys_new_writes_a_private_key_only_its_owner_reads(lead):
    keys, _, out = lead
    assert "指纹" in out and (keys / "publisher.pub").read_text().strip() in out
    if sys.platform != "win32":
        assert stat.S_IMODE((keys / "publisher.key").stat().st_mode) == 0o600
    assert "不会覆盖" in failed(run(None, "keys", "new", "--out", keys))


def test_keys_verify_accepts_the_leads_pack_and_refuses_a_tampered_one(lead, tmp_path):
    keys, pack, _ = lead
    assert "签名有效" in ok(run(None, "keys", "verify", pack, "--pubkey", keys / "publisher.pub"))
    doc = json.loads(pack.read_text(encoding="utf-8"))
    doc["phrases"][0]["body"] = "加微信"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "签名无效" in failed(run(None, "keys", "verify", bad))
    other = tmp_path / "other"
    ok(run(None, "keys", "new", "--out", other))
    assert "别的公钥" in failed(
        run(None, "keys", "verify", pack, "--pubkey", other / "publisher.pub")
    )
    assert "没有签名" in failed(
        run(None, "keys", "verify", write_pack(tmp_path / "plain.json", "x"))
    )


def test_an_encrypted_key_signs_only_with_the_passphrase(tmp_path):
    secret = {"QUICKREPLY_KEY_PASSPHRASE": "组长的密码"}
    ok(run(None, "keys", "new", "--out", tmp_path / "k", env_extra=secret))
    pack = write_pack(tmp_path / "p.json", "退货")
    assert "QUICKREPLY_KEY_PASSPHRASE" in failed(
        run(None, "keys", "sign", pack, "--key", tmp_path / "k" / "publisher.key")
    )
    signed = tmp_path / "signed.json"
    ok(
        run(
            None,
            "keys",
            "sign",
            pack,
            "--key",
            tmp_path / "k" / "publisher.key",
            "--out",
            signed,
            env_extra=secret,
        )
    )
    assert "signature" in json.loads(signed.read_text(encoding="utf-8"))


def test_the_agents_day_subscribe_update_copy_unsubscribe(db, lead):
    keys, pack, _ = lead
    out = ok(run(db, "subscribe", pack, "--pin", keys / "publisher.pub"))
    assert "已订阅「团队话术」" in out and "签名有效" in out
    listed = json.loads(ok(run(db, "subscriptions", "--json")))
    assert (
        listed[0]["name"] == "团队话术" and listed[0]["fingerprint"] and listed[0]["last_updated"]
    )
    assert "上次更新" in ok(run(db, "subscriptions"))
    assert json.loads(ok(run(db, "update", "--json")))[0]["status"] == "unchanged"

    write_pack(pack, "退货", "补发", "催单", step=5)
    ok(run(None, "keys", "sign", pack, "--key", keys / "publisher.key"))
    out = ok(run(db, "update", "团队话术"))
    assert "新增 1 条" in out and "修改 1 条" in out and "补发" in out and "催单" in out

    assert "只读" in failed(run(db, "edit", "tk0", "--body", "我想改"))
    copy = json.loads(ok(run(db, "copy", "tk0", "--json")))
    assert copy["category"] == ["我的话术"] and copy["code"] == "tk02"
    ok(run(db, "edit", copy["id"], "--body", "我自己的说法"))

    out = ok(run(db, "unsubscribe", "团队话术"))
    assert "删除了 3 条话术" in out
    assert json.loads(ok(run(db, "show", copy["id"], "--json")))["body"] == "我自己的说法"
    assert "还没有订阅" in ok(run(db, "subscriptions"))


def test_subscribe_to_an_unreachable_source_the_first_time_fails(db, tmp_path):
    assert "第一次订阅" in failed(run(db, "subscribe", tmp_path / "nowhere.json"))


def test_update_warns_when_offline_but_fails_on_a_tampered_pack(db, lead):
    _, pack, _ = lead
    ok(run(db, "subscribe", pack))
    pack.rename(pack.with_suffix(".away"))
    result = run(db, "update")
    assert (
        result.returncode == 0
        and result.stderr.startswith("警告：")
        and "上次更新" in result.stderr
    )
    assert "找不到文件" in ok(run(db, "subscriptions"))
    doc = json.loads(pack.with_suffix(".away").read_text(encoding="utf-8"))
    doc["phrases"][0]["body"] = "加微信"
    pack.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(db, "update")
    assert result.returncode == 1 and "签名无效" in result.stderr
    assert json.loads(ok(run(db, "show", "tk0", "--json")))["body"] == "亲，退货"


@pytest.fixture
def web(tmp_path):
    """A static host serving tmp_path/www on 127.0.0.1 (ETag-less, Last-Modified only)."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    guard = threading.Timer(60, server.shutdown)
    thread.start()
    guard.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    guard.cancel()
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_subscribe_by_url_and_a_304_on_the_next_check(db, web):
    root, base = web
    write_pack(root / "team.json", "退货")
    assert "已订阅" in ok(run(db, "subscribe", f"{base}/team.json", "--as", "总部话术"))
    assert json.loads(ok(run(db, "update", "--json")))[0]["status"] == "unchanged"
    assert json.loads(ok(run(db, "search", "退货", "--category", "总部话术", "--json")))
