"""A long-lived reader child process, reused across files and restarted after a timeout or crash.

Parsers run in the child so a hang or a crash in a third-party library costs one file, never the app.
The child is ``python -m app.docs.worker``, started and spoken to through ``app.core.child_process``.
"""

from __future__ import annotations

import atexit
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from app.core import errors
from app.core.cancel import CancelToken
from app.core.child_process import ChildProcess, exit_reason
from app.core.document import Document
from app.core.errors import BaroError, Cancelled, CorruptDocument, ParseTimeout
from app.docs.child import reader_command
from app.docs.context import ProgressCallback
from app.docs.limits import DEFAULT_LIMITS, Limits

POLL_SECONDS = 0.05
_EOF = ("eof",)


def _start_child() -> tuple[ChildProcess, queue.Queue[tuple[Any, ...]]]:
    replies: queue.Queue[tuple[Any, ...]] = queue.Queue()
    child = ChildProcess(reader_command(), on_message=replies.put, on_exit=lambda: replies.put(_EOF))
    return child, replies


class ReaderProcess:
    """One child at a time; calls from several threads are served in turn."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._child: ChildProcess | None = None
        self._replies: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.pid if child is not None and child.alive() else None

    def start(self) -> None:
        """Start the child and wait until it answers (otherwise the first read does this)."""
        with self._lock:
            child = self._ensure_started()
            child.send(("ping",))
            reply = self._replies.get(timeout=60.0)
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
                child.send(("read", str(path), self.limits))
            except (OSError, ValueError):
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
            code = child.exit_code()
            self._kill()
            raise CorruptDocument(path, f"읽는 도중 판독 프로세스가 종료됨 ({exit_reason(code)})")

    def _wait(
        self, child: ChildProcess, path: Path, deadline: float, budget: float, cancel: CancelToken | None
    ) -> tuple[Any, ...]:
        while True:
            if cancel is not None and cancel.cancelled:
                self._kill()
                raise Cancelled()
            if time.monotonic() > deadline:
                self._kill()
                raise ParseTimeout(path, budget)
            try:
                return self._replies.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue

    def stop(self) -> None:
        with self._lock:
            child = self._child
            if child is not None and child.alive():
                try:
                    child.send(("stop",))
                    child.process.wait(1.0)
                except (OSError, ValueError, subprocess.TimeoutExpired):
                    pass
            self._kill()

    def _ensure_started(self) -> ChildProcess:
        if self._child is not None and self._child.alive():
            return self._child
        self._kill()
        self._child, self._replies = _start_child()
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
