"""A long-lived reader child process, reused across files and restarted after a timeout or crash.

Parsers run in the child so a hang or a crash in a third-party library costs one file, never the app.
The child is ``python -m app.docs.worker``; messages are length-prefixed pickles over its stdin/stdout.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

import app
from app.core import errors
from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import BaroError, Cancelled, CorruptDocument, ParseTimeout
from app.docs import protocol
from app.docs.child import reader_command
from app.docs.context import ProgressCallback
from app.docs.limits import DEFAULT_LIMITS, Limits

POLL_SECONDS = 0.05
_EOF = ("eof",)


class _Child:
    def __init__(self) -> None:
        env = dict(os.environ)
        package_root = str(Path(app.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            reader_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin and self.process.stdout and self.process.stderr
        self.requests: IO[bytes] = self.process.stdin
        self.replies: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
        threading.Thread(target=self._pump_replies, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._pump_stderr, args=(self.process.stderr,), daemon=True).start()

    def _pump_replies(self, stream: IO[bytes]) -> None:
        try:
            while True:
                self.replies.put(protocol.receive(stream))
        except (EOFError, OSError, ValueError):
            self.replies.put(_EOF)

    def _pump_stderr(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.stderr_tail.append(line.decode("utf-8", errors="replace").rstrip())

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait(5.0)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class ReaderProcess:
    """One child at a time; calls from several threads are served in turn."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._child: _Child | None = None
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None and child.alive() else None

    def start(self) -> None:
        """Start the child and wait until it answers (otherwise the first read does this)."""
        with self._lock:
            child = self._ensure_started()
            protocol.send(child.requests, ("ping",))
            reply = child.replies.get(timeout=60.0)
            if reply[0] != "pong":
                self._kill()
                raise CorruptDocument("-", "판독 프로세스를 시작하지 못함")

    def read(
        self,
        path: Path,
        *,
        cancel: CancelToken | None = None,
        progress: ProgressCallback | None = None,
        timeout: float | None = None,
    ) -> Document:
        budget = self.limits.timeout_seconds if timeout is None else timeout
        with self._lock:
            child = self._ensure_started()
            deadline = time.monotonic() + budget
            try:
                protocol.send(child.requests, ("read", str(path), self.limits))
            except OSError:
                message: tuple[Any, ...] = _EOF
            else:
                message = self._wait(child, path, deadline, budget, cancel)
            while message[0] == "progress":
                if progress is not None:
                    progress(float(message[1]))
                message = self._wait(child, path, deadline, budget, cancel)
            if message[0] == "done":
                document: Document = message[1]
                return document
            if message[0] == "error":
                raise _rebuild_error(message[1], message[2], message[3])
            code = child.process.poll()
            self._kill()
            raise CorruptDocument(path, f"읽는 도중 판독 프로세스가 종료됨, 종료 코드 {code}")

    def _wait(
        self, child: _Child, path: Path, deadline: float, budget: float, cancel: CancelToken | None
    ) -> tuple[Any, ...]:
        while True:
            if cancel is not None and cancel.cancelled:
                self._kill()
                raise Cancelled()
            if time.monotonic() > deadline:
                self._kill()
                raise ParseTimeout(path, budget)
            try:
                return child.replies.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue

    def stop(self) -> None:
        with self._lock:
            child = self._child
            if child is not None and child.alive():
                try:
                    protocol.send(child.requests, ("stop",))
                    child.process.wait(1.0)
                except (OSError, ValueError, subprocess.TimeoutExpired):
                    pass
            self._kill()

    def _ensure_started(self) -> _Child:
        if self._child is not None and self._child.alive():
            return self._child
        self._kill()
        self._child = _Child()
        return self._child

    def _kill(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        if child.alive():
            self.restarts += 1
        child.kill()


def _rebuild_error(name: str, message: str, path: str | None) -> BaroError:
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, BaroError)):
        return CorruptDocument(path or "?", message)
    # The subclasses take different constructor arguments; rebuild the finished message as is.
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.path = Path(path) if path else None
    return error


_shared: ReaderProcess | None = None
_shared_lock = threading.Lock()


def shared_reader() -> ReaderProcess:
    """The app-wide reader process (started on first use, stopped at exit)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ReaderProcess()
            atexit.register(_shared.stop)
        return _shared
