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
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.core.base.errors import QuickReplyError
from desktop.core.base.messages import Message
from desktop.core.exchange.packs import MAX_FILE_BYTES

TIMEOUT_S = 15.0
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
        return _fetch_url(source, known, timeout)
    return _fetch_file(Path(source), known)


def _too_large() -> SourceError:
    limit = MAX_FILE_BYTES // 1024 // 1024
    return SourceError(Message("话术包太大（最多 {limit} MB）", limit=limit))


def _read_limited(stream) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise _too_large()
        chunks.append(chunk)


def _fetch_url(url: str, known: Validators, timeout: float) -> Fetched:
    headers = {"User-Agent": f"QuickReply/{__version__}", "Accept": "application/json, */*;q=0.5"}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    request = urllib.request.Request(url, headers=headers)
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_FILE_BYTES:
                raise _too_large()
            data = _read_limited(response)
            found = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
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
        raise SourceUnreachable(
            Message("连不上 {host}：{reason}", host=host, reason=str(exc.reason))
        ) from None
    except (OSError, http.client.HTTPException) as exc:
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
