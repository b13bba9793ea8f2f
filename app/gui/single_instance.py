"""One Baro per user (and per BARO_HOME): a second launch hands its request to the first and exits.

The first instance listens on a local socket (a Unix socket file, a named pipe on Windows). A later
launch connects, sends one JSON line ``{"args": [...]}`` with file paths made absolute, waits for
``ok``, and exits. A crash leaves the socket file behind; nobody answers on it, so the new instance
removes it and listens in its place.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.tasks.settings import app_paths

CONNECT_MS = 500
REPLY_MS = 3000
MAX_MESSAGE_BYTES = 1 << 20
ACK = b"ok\n"


def server_name() -> str:
    """Unique per user and per data folder, so tests with their own BARO_HOME never meet a real Baro."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{app_paths().data}".encode()).hexdigest()[:16]
    return f"baro-{digest}"


def hand_over(args: Sequence[str], name: str | None = None) -> bool:
    """Give ``args`` to a running instance; False when none answers (then this process should start)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps({"args": list(args)}, ensure_ascii=False).encode() + b"\n")
    socket.waitForBytesWritten(REPLY_MS)
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply == ACK


class InstanceServer(QObject):
    """Listens for later launches; ``arguments_received`` carries each one's argument list."""

    arguments_received = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.removed_stale = False
        self._connections: list[QLocalSocket] = []
        self._buffers: list[bytearray] = []

    def listen(self) -> bool:
        """Start listening unless a live instance answers; a socket left by a crashed one is removed first.

        Probing first matters: with ``UserAccessOption`` Qt binds elsewhere and renames the socket into place,
        which would silently replace a live instance's socket instead of failing.
        """
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        self.removed_stale = QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        for connection in self._connections:
            connection.readyRead.disconnect()
            connection.abort()
        self._connections.clear()
        self._buffers.clear()
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            self._connections.append(connection)
            self._buffers.append(bytearray())
            connection.readyRead.connect(self._read_all)
            if connection.bytesAvailable():
                self._read_all()

    def _read_all(self) -> None:
        for connection, buffer in list(zip(self._connections, self._buffers, strict=True)):
            if connection.bytesAvailable():
                buffer.extend(bytes(connection.readAll().data()))
            if len(buffer) > MAX_MESSAGE_BYTES or buffer.endswith(b"\n"):
                index = self._connections.index(connection)
                del self._connections[index], self._buffers[index]
                connection.readyRead.disconnect()
                if len(buffer) <= MAX_MESSAGE_BYTES:
                    self._handle(bytes(buffer), connection)
                connection.disconnectFromServer()
                connection.deleteLater()

    def _handle(self, data: bytes, connection: QLocalSocket) -> None:
        try:
            message = json.loads(data.decode("utf-8"))
            args = message["args"]
            if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
                raise ValueError("args")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return
        connection.write(ACK)
        connection.waitForBytesWritten(REPLY_MS)
        self.arguments_received.emit(args)
