"""A local channel between two processes of one user, freed when its owner ends.

Used by the single-instance check.  Qt's QLocalServer would do the same, but
QtNetwork costs every start about 4.5 MB for this one socket; these are the
operating system's own primitives:

* Linux: an abstract Unix socket.  The kernel frees the name when the process
  ends, so a crashed run leaves nothing behind.  Abstract names have no file
  permissions, so a caller's user id is checked (``Caller.from_same_user``).
* Windows: a named pipe, through the standard library's
  ``multiprocessing.connection``, created as the first instance of its name so
  a second listener cannot take it over.  The pipe's default DACL lets other
  accounts read but not write, and a caller must write.  (The import is kept
  to Windows: on Linux it costs about 2 MB of idle memory.)
* Other systems: a socket file in the user's own temporary folder; a file left
  by a crashed run (nobody answers on it) is replaced.

One request is one line of UTF-8 (a length-prefixed message on Windows), at
most ``limit`` bytes; every wait has a timeout.  Errors are ``OSError``.
"""

from __future__ import annotations

import errno
import os
import socket
import struct
import sys
import tempfile
import time
from typing import Any, Protocol

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")


class Caller(Protocol):
    """One connection: the listener's view of a caller, or a caller's of the listener."""

    def send(self, data: bytes) -> None: ...

    def receive(self, limit: int, timeout: float) -> bytes | None:
        """One message, or None if none came in time, it was too long or the other end left."""
        ...

    def from_same_user(self) -> bool: ...

    def close(self) -> None: ...


class Listener(Protocol):
    def accept(self) -> Caller:
        """Blocks until someone connects."""
        ...

    def close(self) -> None: ...


def address_for(name: str) -> str:
    if WINDOWS:
        return rf"\\.\pipe\{name}"
    if LINUX:
        return "\0" + name
    return os.path.join(tempfile.gettempdir(), name)


def listen(address: str) -> Listener:
    """Raises OSError when someone already listens there."""
    return _PipeListener(address) if WINDOWS else _SocketListener(address)


def connect(address: str, timeout: float) -> Caller:
    """Raises OSError when nobody listens there."""
    if WINDOWS:
        from multiprocessing.connection import Client

        return _PipeCaller(Client(address))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    return _SocketCaller(sock)


# ----- Unix sockets --------------------------------------------------------------


class _SocketCaller:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def send(self, data: bytes) -> None:
        self._sock.sendall(data + b"\n")

    def receive(self, limit: int, timeout: float) -> bytes | None:
        deadline = time.monotonic() + timeout
        received = b""
        try:
            while b"\n" not in received:
                left = deadline - time.monotonic()
                if left <= 0 or len(received) > limit:
                    return None
                self._sock.settimeout(left)
                chunk = self._sock.recv(limit + 1 - len(received))
                if not chunk:
                    return None
                received += chunk
        except OSError:  # timed out or reset
            return None
        line = received.partition(b"\n")[0]
        return line if len(line) <= limit else None

    def from_same_user(self) -> bool:
        if not LINUX:
            return True  # the socket file sits in the user's own folder
        creds = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        _pid, uid, _gid = struct.unpack("3i", creds)
        return uid == os.getuid()

    def close(self) -> None:
        self._sock.close()


class _SocketListener:
    def __init__(self, address: str) -> None:
        self._address = address
        self._is_file = not address.startswith("\0")
        try:
            self._sock = self._bind(address)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE or not self._is_file or _answers(address):
                raise
            os.unlink(address)  # a crashed run's socket file: nobody answers on it
            self._sock = self._bind(address)

    @staticmethod
    def _bind(address: str) -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(address)
            sock.listen(4)
        except OSError:
            sock.close()
            raise
        return sock

    def accept(self) -> Caller:
        sock, _ = self._sock.accept()
        return _SocketCaller(sock)

    def close(self) -> None:
        self._sock.close()
        if self._is_file:
            try:
                os.unlink(self._address)
            except OSError:
                pass


def _answers(address: str) -> bool:
    try:
        connect(address, 0.5).close()
    except ConnectionRefusedError:
        return False
    except OSError:
        return True  # something is there that we cannot judge: leave it alone
    return True


# ----- Windows named pipes ---------------------------------------------------------


class _PipeCaller:
    def __init__(self, conn: Any) -> None:  # multiprocessing's PipeConnection
        self._pipe = conn

    def send(self, data: bytes) -> None:
        self._pipe.send_bytes(data)

    def receive(self, limit: int, timeout: float) -> bytes | None:
        try:
            if not self._pipe.poll(timeout):
                return None
            data: bytes = self._pipe.recv_bytes(limit)  # OSError when longer
        except (OSError, EOFError):
            return None
        return data

    def from_same_user(self) -> bool:
        return True  # the pipe's DACL did the check

    def close(self) -> None:
        self._pipe.close()


class _PipeListener:
    def __init__(self, address: str) -> None:
        from multiprocessing.connection import Listener

        self._listener = Listener(address)

    def accept(self) -> Caller:
        return _PipeCaller(self._listener.accept())

    def close(self) -> None:
        self._listener.close()
