"""Issue 14, findings 13 and 14: a misbehaving pack server on 127.0.0.1 (redirects to other
schemes, downgrades, proxies, trickled bytes) can neither redirect nor stall an update."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core.team import fetch as fetching
from desktop.core.team.fetch import SourceError, SourceUnreachable

GUARD_S = 60  # every server here stops by itself


class Listener:
    """A bare TCP port on 127.0.0.1 that records whether anyone connected (an FTP or proxy
    stand-in); it never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        deadline = time.monotonic() + GUARD_S
        while not self.stop.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()
        self.sock.close()


class Server:
    """Answers each path with a handler function; shuts down by itself after GUARD_S."""

    def __init__(self, routes) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                routes[self.path](self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.timer = threading.Timer(GUARD_S, self.close)
        self.timer.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


def redirect_to(target: str):
    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handle


def not_found(h: BaseHTTPRequestHandler) -> None:
    h.send_error(404)


def ok_pack(h: BaseHTTPRequestHandler) -> None:
    body = b'{"format": "quickreply.pack", "version": 1, "phrases": []}'
    h.send_response(200)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


# ----- finding 14: redirects and proxies --------------------------------------------------
def test_a_redirect_to_ftp_is_refused_without_connecting():
    ftp = Listener()
    server = Server({"/team.json": redirect_to(f"ftp://127.0.0.1:{ftp.port}/team.json")})
    try:
        with pytest.raises((SourceError, SourceUnreachable)) as caught:
            fetching.fetch(server.url("/team.json"), timeout=5)
        assert "ftp://127.0.0.1" in str(caught.value) and "http" in str(caught.value)
        time.sleep(0.3)
        assert ftp.connections == 0
    finally:
        server.close()
        ftp.stop.set()


def test_an_error_after_a_redirect_names_the_final_address():
    final = Server({"/moved/team.json": not_found})
    first = Server({"/team.json": redirect_to(final.url("/moved/team.json"))})
    try:
        with pytest.raises(SourceUnreachable) as caught:
            fetching.fetch(first.url("/team.json"), timeout=5)
        said = str(caught.value)
        assert f"127.0.0.1:{final.port}/moved/team.json" in said and "404" in said
    finally:
        first.close()
        final.close()


def test_a_redirect_from_https_to_http_is_refused():
    policy = fetching.RedirectPolicy()
    request = urllib.request.Request("https://packs.example.test/team.json")
    with pytest.raises(SourceError, match="http://packs.example.test"):
        policy.redirect_request(
            request, None, 302, "Found", {}, "http://packs.example.test/team.json"
        )


def test_proxy_variables_are_not_used_for_pack_sources(monkeypatch):
    proxy = Listener()
    server = Server({"/team.json": ok_pack})
    monkeypatch.setattr(urllib.request, "_opener", None)  # no opener cached by an earlier test
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    try:
        fetched = fetching.fetch(server.url("/team.json"), timeout=5)
        assert fetched.data and b"quickreply.pack" in fetched.data
        assert proxy.connections == 0
    finally:
        server.close()
        proxy.stop.set()


# ----- finding 13: slow-loris --------------------------------------------------------------
def trickle_body(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Length", "600")
    h.end_headers()
    for _ in range(600):  # one byte every 0.1 s: each read is quick, the whole is a minute
        try:
            h.wfile.write(b" ")
            h.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


def trickle_headers(h: BaseHTTPRequestHandler) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for _ in range(600):
        try:
            h.wfile.write(b"X")
            h.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


@pytest.mark.parametrize("route", [trickle_body, trickle_headers])
def test_a_server_that_trickles_bytes_is_cut_off_by_a_bound_on_the_whole_fetch(monkeypatch, route):
    monkeypatch.setattr(fetching, "TOTAL_S", 2.0, raising=False)
    server = Server({"/team.json": route})
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            fetching.fetch(server.url("/team.json"), timeout=5)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion
            outcome.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    try:
        assert outcome, "the fetch was still running after 20 s"
        assert isinstance(outcome[0], SourceUnreachable)
        assert time.monotonic() - started < 10
    finally:
        server.close()
