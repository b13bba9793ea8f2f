"""Baro's child processes (the document reader, the model engine): how one is started, the one framing of the
messages both speak, and the one account of how one died.

Messages are length-prefixed pickles over the child's stdin and a private copy of its stdout (both ends are
Baro's own code, so pickle is fine). In the child, fd 1 then points at stderr, so nothing a library or native
code prints can corrupt the stream; the parent keeps the last lines of stderr for its error messages.
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

_HEADER = struct.Struct(">Q")


def child_command(module: str, frozen_flag: str) -> list[str]:
    """``python -m module`` in a checkout or an installed package; the bundle's own entry point with
    ``frozen_flag`` in a PyInstaller bundle (which has no ``-m``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, frozen_flag]
    return [sys.executable, "-m", module]


# --- the framing --------------------------------------------------------------------------------------------


def send(stream: IO[bytes], message: object) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """Read one message; raises ``EOFError`` when the other side has gone."""
    (length,) = _HEADER.unpack(_read_exactly(stream, _HEADER.size))
    return pickle.loads(_read_exactly(stream, length))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError("the other process closed the pipe")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def claim_protocol_streams() -> tuple[IO[bytes], IO[bytes]]:
    """In the child: (requests, replies). Replies go to a private copy of stdout; fd 1 then points at stderr."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    return sys.stdin.buffer, replies


# --- how a child died ---------------------------------------------------------------------------------------


def signal_name(exit_code: int | None) -> str | None:
    """ "SIGKILL" for a child killed by that signal; None for a normal exit."""
    if exit_code is None or exit_code >= 0:
        return None
    try:
        return signal.Signals(-exit_code).name
    except ValueError:
        return f"signal {-exit_code}"


def exit_reason(exit_code: int | None) -> str:
    """How a child ended, in Korean-ready words: "SIGSEGV", "종료 코드 3" or "알 수 없는 이유"."""
    name = signal_name(exit_code)
    if name is not None:
        return name
    return f"종료 코드 {exit_code}" if exit_code is not None else "알 수 없는 이유"


# --- the parent's side --------------------------------------------------------------------------------------


class ChildProcess:
    """One running child: ``send`` to it; each message it sends reaches ``on_message`` (on a reader thread),
    and ``on_exit`` runs once its stream has ended (it died or was stopped)."""

    def __init__(
        self,
        command: list[str],
        *,
        on_message: Callable[[Any], None],
        on_exit: Callable[[], None],
        stderr_lines: int = 20,
    ) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        # Its own process group: killing the child takes what it started too (the reader's pdftoppm and
        # Tesseract), and the terminal's Ctrl-C reaches only the parent, which decides what stops.
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=os.name == "posix",
        )
        assert self.process.stdin and self.process.stdout and self.process.stderr
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=stderr_lines)
        self._write_lock = threading.Lock()
        threading.Thread(target=self._pump, args=(self.process.stdout, on_message, on_exit), daemon=True).start()
        threading.Thread(target=self._pump_stderr, args=(self.process.stderr,), daemon=True).start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, message: object) -> None:
        """Raises ``OSError`` (or ``ValueError`` for a closed pipe) when the child is gone."""
        assert self.process.stdin is not None
        with self._write_lock:
            send(self.process.stdin, message)

    def exit_code(self, timeout: float = 5.0) -> int | None:
        """The child's exit code once it has ended (waiting up to ``timeout``), else None."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self, timeout: float = 5.0) -> None:
        if os.name == "posix" and self.process.returncode is None:  # not reaped: the group id is still ours
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        if self.alive():
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def _pump(self, stream: IO[bytes], on_message: Callable[[Any], None], on_exit: Callable[[], None]) -> None:
        try:
            while True:
                on_message(receive(stream))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            pass
        finally:
            on_exit()

    def _pump_stderr(self, stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                text = line.decode("utf-8", errors="replace").rstrip()
                if text:
                    self.stderr_tail.append(text)
