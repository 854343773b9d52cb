"""URL subscriptions against a static host on 127.0.0.1 (no other network)."""

import hashlib
import json
import threading
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core import Library
from desktop.core.team import fetch as fetching
from desktop.core.team import subscriptions as subs
from desktop.core.team.fetch import SourceError, SourceUnreachable
from desktop.core.team.signing import new_key, public_key_text, sign_document

GUARD_S = 60  # the server shuts itself down even if a test forgets to


def pack_bytes(*titles, key=None, name="团队话术"):
    doc = {
        "format": "quickreply.pack",
        "version": 1,
        "name": name,
        "phrases": [
            {"id": f"id{n}", "category": ["售后"], "title": t, "body": f"亲，{t}"}
            for n, t in enumerate(titles)
        ],
    }
    if key is not None:
        doc = sign_document(doc, key)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


class PackHost:
    """One pack at /team.json, with ETag and Last-Modified support switchable per test."""

    def __init__(self) -> None:
        self.body = b""
        self.modified = 1_700_000_000.0
        self.use_etag = self.use_last_modified = self.send_length = True
        self.status: int | None = None
        self.delay = 0.0
        self.release = threading.Event()
        self.requests: list[dict[str, str]] = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host.requests.append(dict(self.headers))
                if host.delay:
                    host.release.wait(host.delay)
                if host.status:
                    self.send_error(host.status)
                    return
                etag = '"' + hashlib.sha256(host.body).hexdigest()[:16] + '"'
                modified = formatdate(host.modified, usegmt=True)
                since = self.headers.get("If-Modified-Since")
                if (host.use_etag and self.headers.get("If-None-Match") == etag) or (
                    host.use_last_modified
                    and since
                    and parsedate_to_datetime(since).timestamp() >= int(host.modified)
                ):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if host.send_length:
                    self.send_header("Content-Length", str(len(host.body)))
                if host.use_etag:
                    self.send_header("ETag", etag)
                if host.use_last_modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                self.wfile.write(host.body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self.guard = threading.Timer(GUARD_S, self.server.shutdown)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/team.json"

    def publish(self, body: bytes) -> None:
        self.body = body
        self.modified += 10

    def start(self) -> "PackHost":
        self.thread.start()
        self.guard.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.guard.cancel()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def host(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = PackHost().start()
    server.publish(pack_bytes("退货", "换货"))
    yield server
    server.stop()


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "agent.db")
    yield lib
    lib.close()


def only(lib):
    return subs.all_subscriptions(lib)[0]


def titles(lib):
    return sorted(p.title for p in lib.phrases("团队话术"))


def test_etag_gives_304_and_a_change_gives_an_update(library, host):
    host.use_last_modified = False
    subs.subscribe(library, host.url)
    assert "If-None-Match" not in host.requests[0]
    first = only(library)
    result = subs.update(library, first)
    assert result.status == subs.UNCHANGED
    assert host.requests[1]["If-None-Match"] == first.etag
    assert only(library).last_updated == first.last_updated
    host.publish(pack_bytes("退货", "补发"))
    result = subs.update(library, only(library))
    assert result.status == subs.UPDATED
    assert result.changes.changed == ["补发"]  # same id, new title
    assert titles(library) == ["补发", "退货"]


def test_last_modified_gives_304(library, host):
    host.use_etag = False
    subs.subscribe(library, host.url)
    assert only(library).etag is None and only(library).last_modified
    assert subs.update(library, only(library)).status == subs.UNCHANGED
    assert "If-Modified-Since" in host.requests[1] and "If-None-Match" not in host.requests[1]
    host.publish(pack_bytes("退货"))
    assert subs.update(library, only(library)).status == subs.UPDATED
    assert titles(library) == ["退货"]


def test_a_host_without_validators_is_still_unchanged_by_hash(library, host):
    host.use_etag = host.use_last_modified = False
    subs.subscribe(library, host.url)
    result = subs.update(library, only(library))
    assert result.status == subs.UNCHANGED and len(host.requests) == 2


def test_unreachable_keeps_the_last_copy_then_recovers(library, host):
    subs.subscribe(library, host.url)
    host.status = 503
    result = subs.update(library, only(library))
    assert result.status == subs.UNREACHABLE and "503" in result.message
    assert "503" in only(library).last_error and titles(library) == ["换货", "退货"]
    host.status = None
    assert subs.update(library, only(library)).status == subs.UNCHANGED
    assert only(library).last_error is None


def test_a_stopped_server_is_unreachable_not_an_error(library, host):
    subs.subscribe(library, host.url)
    host.stop()
    result = subs.update(library, only(library), timeout=2)
    assert result.status == subs.UNREACHABLE and "连不上" in result.message
    assert titles(library) == ["换货", "退货"]


def test_a_slow_server_times_out(library, host):
    subs.subscribe(library, host.url)
    host.delay = 5
    result = subs.update(library, only(library), timeout=0.3)
    assert result.status == subs.UNREACHABLE
    host.release.set()


def test_first_subscribe_to_an_unreachable_url_fails_and_leaves_nothing(library, host):
    host.status = 404
    with pytest.raises(SourceUnreachable, match="404"):
        subs.subscribe(library, host.url)
    assert subs.all_subscriptions(library) == [] and library.categories() == []


def test_a_tampered_pack_is_refused_and_not_remembered_as_current(library, host):
    lead = new_key()
    host.publish(pack_bytes("退货", "换货", key=lead))
    subs.subscribe(library, host.url)
    good = only(library)
    tampered = json.loads(pack_bytes("退货", "换货", key=lead))
    tampered["phrases"][0]["body"] = "加微信 abc 私下转账"
    host.publish(json.dumps(tampered, ensure_ascii=False).encode())
    result = subs.update(library, good)
    assert result.status == subs.REFUSED and "签名无效" in result.message
    assert library.get(f"s{good.id}:id0").body == "亲，退货"
    assert subs.update(library, only(library)).status == subs.REFUSED  # fetched again, not a 304
    assert host.requests[-1]["If-None-Match"] == good.etag


def test_a_pack_from_a_foreign_key_is_refused(library, host):
    lead = new_key()
    host.publish(pack_bytes("退货", key=lead))
    subs.subscribe(library, host.url, pin=public_key_text(lead.public_key()))
    host.publish(pack_bytes("退货", "新话术", key=new_key()))
    result = subs.update(library, only(library))
    assert result.status == subs.REFUSED and "别的公钥" in result.message
    assert titles(library) == ["退货"]


@pytest.mark.parametrize("send_length", [True, False])
def test_the_size_limit_is_enforced_while_reading(library, host, monkeypatch, send_length):
    monkeypatch.setattr(fetching, "MAX_FILE_BYTES", 100)
    host.send_length = send_length
    with pytest.raises(SourceError, match="太大"):
        subs.subscribe(library, host.url)


def test_update_all_reports_each_subscription(library, host, tmp_path):
    subs.subscribe(library, host.url)
    (tmp_path / "b.json").write_bytes(pack_bytes("发货", name="仓库"))
    subs.subscribe(library, str(tmp_path / "b.json"))
    host.publish(pack_bytes("退货"))
    results = {r.subscription.name: r.status for r in subs.update_all(library)}
    assert results == {"团队话术": subs.UPDATED, "仓库": subs.UNCHANGED}
