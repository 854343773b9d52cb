"""One running app per library file.

A second start connects to the first over a local channel
(``desktop.platform.local_channel``), sends one short request ("show",
"drill:…"), waits for the first to say it got it, and exits.  If nobody
answers, it becomes the running app.  The channel's name is freed when the
running app ends, even by a crash, so there is no lock file to go stale.

A thread waits for callers and hands each request to the GUI thread through a
queued signal; it never touches the library or a widget.
"""

from __future__ import annotations

import getpass
import threading
import time
import zlib
from pathlib import Path

from desktop.platform import local_channel
from desktop.qt import QObject, Signal

_READ_WAIT_S = 0.5  # how long the running app waits for a caller's request
_ANSWER_WAIT_S = 2.0  # how long a second start waits for the answer: past a silent caller's turn
_MAX_REQUEST = 4096  # "drill:" and a category path; anything longer is not ours
_ANSWER = b"ok"


def server_name(db_path: Path | None) -> str:
    key = f"{getpass.getuser()}:{Path(db_path).resolve() if db_path else ''}"
    # A checksum, not hashlib: hashlib loads OpenSSL (3.5 MB) into every start.
    data = key.encode("utf-8")
    return f"quickreply-{zlib.crc32(data):08x}{len(data) & 0xffff:04x}"


def ask_running_instance(name: str, message: str = "show") -> bool:
    """True when another instance answered (and was told ``message``)."""
    try:
        caller = local_channel.connect(local_channel.address_for(name), _ANSWER_WAIT_S)
    except OSError:
        return False
    try:
        caller.send(message.encode("utf-8"))
        return caller.receive(len(_ANSWER), _ANSWER_WAIT_S) == _ANSWER
    except OSError:
        return False
    finally:
        caller.close()


class InstanceServer(QObject):
    """Listens for later starts; emits ``requested(message)`` on the GUI thread."""

    requested = Signal(str)
    _arrived = Signal(str)  # emitted by the listening thread, delivered queued

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = local_channel.address_for(name)
        self._listener = local_channel.listen(self._address)  # OSError: another one listens
        self._closing = False
        self._arrived.connect(self.requested)
        self._thread = threading.Thread(target=self._serve, name="single-instance", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._closing:
            try:
                caller = self._listener.accept()
            except OSError:
                if self._closing:
                    return
                time.sleep(_READ_WAIT_S)  # e.g. out of file handles: try again, without spinning
                continue
            try:
                message = "" if self._closing else self._read(caller)
            finally:
                caller.close()
            if message:
                self._arrived.emit(message)

    @staticmethod
    def _read(caller: local_channel.Caller) -> str:
        try:
            if not caller.from_same_user():
                return ""
            data = caller.receive(_MAX_REQUEST, _READ_WAIT_S)
            if data is None:
                return ""
            caller.send(_ANSWER)
        except OSError:
            return ""
        return data.decode("utf-8", "replace").strip()

    def close(self) -> None:
        """Stop listening; the name is free for the next start when this returns."""
        if self._closing:
            return
        self._closing = True
        try:  # wake the thread out of accept()
            local_channel.connect(self._address, _READ_WAIT_S).close()
        except OSError:
            pass
        self._thread.join(2 * _READ_WAIT_S)
        self._listener.close()
