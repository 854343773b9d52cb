"""One running app per library file, via a local socket (no lock file to go stale).

A second start connects to the first, asks it to come forward, and exits.
If the first one crashed, nothing answers; its leftover socket is removed and
the new start takes over.
"""

from __future__ import annotations

import getpass
import zlib
from pathlib import Path

from desktop.qt import QObject, QtNetwork, Signal

_TIMEOUT_MS = 500


def server_name(db_path: Path | None) -> str:
    key = f"{getpass.getuser()}:{Path(db_path).resolve() if db_path else ''}"
    # A checksum, not hashlib: hashlib loads OpenSSL (3.5 MB) into every start.
    data = key.encode("utf-8")
    return f"quickreply-{zlib.crc32(data):08x}{len(data) & 0xffff:04x}"


def ask_running_instance(name: str, message: str = "show") -> bool:
    """True when another instance answered (and was told ``message``)."""
    socket = QtNetwork.QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    socket.write(message.encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; emits ``requested(message)`` for each."""

    requested = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QtNetwork.QLocalServer(self)
        self._server.setSocketOptions(QtNetwork.QLocalServer.SocketOption.UserAccessOption)
        QtNetwork.QLocalServer.removeServer(name)  # a crashed run's leftover, nobody answered
        if not self._server.listen(name):
            raise OSError(self._server.errorString())
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Read what is already there and wait briefly for the rest: a request
            # is one short line, and keeping no per-socket Python callbacks
            # avoids callbacks into sockets Qt has already destroyed.
            if socket.waitForReadyRead(_TIMEOUT_MS) or socket.bytesAvailable():
                self._read(socket)
            socket.disconnectFromServer()
            socket.deleteLater()

    def _read(self, socket: QtNetwork.QLocalSocket) -> None:
        while socket.canReadLine() or socket.bytesAvailable():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if line:
                self.requested.emit(line)
            elif not socket.bytesAvailable():
                break

    def close(self) -> None:
        self._server.close()
