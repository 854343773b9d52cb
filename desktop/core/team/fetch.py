"""Reading a subscription's source: an http(s) URL or a file on a shared folder.

Both ask "has it changed since last time?" as cheaply as the source allows:
URLs with ``If-None-Match``/``If-Modified-Since`` (a 304 costs no body),
files by modification time and size (no read at all on a slow NAS).  Both stop
reading at the pack size limit, so a wrong or hostile source can't fill memory.
An unreachable source raises ``SourceUnreachable``: being offline is normal.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, BinaryIO

from desktop import __version__
from desktop.core.base.errors import QuickReplyError
from desktop.core.base.messages import Message
from desktop.core.exchange.packs import MAX_FILE_BYTES

TIMEOUT_S = 15.0  # for each connect and each read
# For the whole fetch of a URL: a server that sends a byte every few seconds never
# trips the per-read timeout, so the total time is bounded too (50 MB at 1 MB/s fits).
TOTAL_S = 90.0
_CHUNK = 64 * 1024
# Shared folders (SMB, FAT) keep modification times to 1–2 s; a file read that
# soon after a write could change again unseen, so its time isn't trusted.
_RACY_NS = 3_000_000_000
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


class SourceUnreachable(QuickReplyError):
    """The source can't be read right now (offline, server down, folder not mounted)."""


class SourceError(QuickReplyError):
    """The source answered, but with something we won't read (too large, odd scheme)."""


@dataclass(frozen=True)
class Validators:
    """What we remember about the last copy, to ask whether it changed."""

    etag: str | None = None
    last_modified: str | None = None  # HTTP date for URLs, "mtime_ns:size" for files


@dataclass(frozen=True)
class Fetched:
    """``data`` is None when the source says it is unchanged."""

    data: bytes | None
    validators: Validators


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme.lower() in ("http", "https")


def normalise_source(source: str) -> str:
    """URLs stay as given; paths become absolute, so the app finds them from any folder."""
    text = source.strip()
    if not text:
        raise SourceError(Message("订阅地址不能为空"))
    if is_url(text):
        return text
    scheme = urllib.parse.urlsplit(text).scheme.lower()
    if scheme == "file":
        text = urllib.request.url2pathname(urllib.parse.urlsplit(text).path)
    elif "://" in text and not _WINDOWS_DRIVE.match(text):
        raise SourceError(Message("只支持 http(s) 地址或文件路径：{source}", source=text[:80]))
    return str(Path(text).expanduser().resolve())


def fetch(source: str, known: Validators = Validators(), timeout: float = TIMEOUT_S) -> Fetched:
    if is_url(source):
        return _bounded(source, known, timeout, TOTAL_S)
    return _fetch_file(Path(source), known)


def _bounded(url: str, known: Validators, timeout: float, total: float) -> Fetched:
    """``_fetch_url`` with a limit on its whole duration, headers included.

    The fetch runs in a daemon thread; when the limit passes, the caller gets
    ``SourceUnreachable`` at once and the thread stops at its next read.
    """
    outcome: list[Fetched | BaseException] = []
    cancel = threading.Event()

    def run() -> None:
        try:
            outcome.append(_fetch_url(url, known, timeout, cancel))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            outcome.append(exc)

    worker = threading.Thread(target=run, name="quickreply-fetch", daemon=True)
    worker.start()
    worker.join(total)
    if not outcome:
        cancel.set()
        raise SourceUnreachable(
            Message(
                "{host} 太慢：{seconds} 秒内没有传完话术包，保留上次的内容，稍后再试",
                host=urllib.parse.urlsplit(url).netloc,
                seconds=f"{total:.0f}",
            )
        )
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _too_large() -> SourceError:
    limit = MAX_FILE_BYTES // 1024 // 1024
    return SourceError(Message("话术包太大（最多 {limit} MB）", limit=limit))


def _read_limited(stream: BinaryIO, cancel: threading.Event | None = None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    # read1 returns what has arrived instead of waiting for a whole chunk
    read = getattr(stream, "read1", stream.read)
    while True:
        if cancel is not None and cancel.is_set():
            raise SourceUnreachable(Message("读取被取消（超时）"))
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise _too_large()
        chunks.append(chunk)


class RedirectPolicy(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, only to http(s) and never from https down to http.

    ``final`` remembers where the last redirect pointed, so an error names the
    address that actually failed rather than the one the agent subscribed to.
    """

    max_redirections = 5

    def __init__(self) -> None:
        super().__init__()
        self.final: str | None = None

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        shown = newurl[:200]
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        refused = scheme not in ("http", "https") or (
            urllib.parse.urlsplit(req.full_url).scheme.lower() == "https" and scheme == "http"
        )
        if refused and fp is not None:
            fp.close()  # the redirect's own response; urllib closes it only when following
        if scheme not in ("http", "https"):
            raise SourceError(
                Message("服务器把订阅重定向到 {url}，只接受 http(s) 地址，已拒绝", url=shown)
            )
        if urllib.parse.urlsplit(req.full_url).scheme.lower() == "https" and scheme == "http":
            raise SourceError(
                Message("服务器把 https 订阅重定向到不加密的 {url}，已拒绝", url=shown)
            )
        self.final = newurl
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(policy: RedirectPolicy) -> urllib.request.OpenerDirector:
    # No ProxyHandler reading http_proxy & co: a variable set by some other program
    # must not route the team's phrases through a host nobody chose for them.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), policy)


def _where(url: str, policy: RedirectPolicy) -> str:
    """The host, or after a redirect the whole final address (without a query)."""
    if policy.final is None:
        return urllib.parse.urlsplit(url).netloc
    parts = urllib.parse.urlsplit(policy.final)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"[:200]


def _fetch_url(
    url: str, known: Validators, timeout: float, cancel: threading.Event | None = None
) -> Fetched:
    headers = {"User-Agent": f"QuickReply/{__version__}", "Accept": "application/json, */*;q=0.5"}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    request = urllib.request.Request(url, headers=headers)
    policy = RedirectPolicy()
    host = urllib.parse.urlsplit(url).netloc
    try:
        with _opener(policy).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_FILE_BYTES:
                raise _too_large()
            data = _read_limited(response, cancel)
            found = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        host = _where(url, policy)
        with exc:  # an HTTPError holds the open response; close it
            if exc.code == 304:
                return Fetched(None, known)
            raise SourceUnreachable(
                Message(
                    "{host} 回答 HTTP {code}（{reason}）",
                    host=host,
                    code=exc.code,
                    reason=str(exc.reason),
                )
            ) from None
    except urllib.error.URLError as exc:
        host = _where(url, policy)
        raise SourceUnreachable(
            Message("连不上 {host}：{reason}", host=host, reason=str(exc.reason))
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        host = _where(url, policy)
        raise SourceUnreachable(
            Message("读取 {host} 时出错：{error}", host=host, error=str(exc))
        ) from None
    return Fetched(data, found)


def _fetch_file(path: Path, known: Validators) -> Fetched:
    try:
        stat = path.stat()
        if not path.is_file():
            raise SourceError(Message("这不是一个文件：{path}", path=str(path)))
        stamp: str | None = f"{stat.st_mtime_ns}:{stat.st_size}"
        if known.last_modified == stamp:
            return Fetched(None, known)
        if stat.st_size > MAX_FILE_BYTES:
            raise _too_large()
        with path.open("rb") as fh:
            data = _read_limited(fh)
        if time.time_ns() - stat.st_mtime_ns < _RACY_NS:
            stamp = None  # could change again within the clock's resolution: hash next time
    except FileNotFoundError:
        raise SourceUnreachable(
            Message("找不到文件（共享文件夹没连上？）：{path}", path=str(path))
        ) from None
    except OSError as exc:
        raise SourceUnreachable(
            Message("读不了文件 {path}：{reason}", path=str(path), reason=str(exc.strerror or exc))
        ) from None
    return Fetched(data, Validators(None, stamp))
