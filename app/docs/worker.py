"""The reader child process (``python -m app.docs.worker``): one file per request, forever."""

from __future__ import annotations

import os
import signal
import time
from typing import IO

from app.core import child_process as protocol
from app.core.errors import BaroError, DocumentOutOfMemory
from app.docs.inprocess import read_in_process
from app.docs.limits import DEFAULT_LIMITS, Limits

PROGRESS_INTERVAL = 0.1
_inherited_limit: int | None = None


def main() -> None:
    # Ctrl-C belongs to the parent; it decides whether to stop us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests, replies = protocol.claim_protocol_streams()
    _cap_memory(DEFAULT_LIMITS.max_memory_bytes)
    serve(requests, replies)


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    while True:
        try:
            request = protocol.receive(requests)
        except EOFError:
            return
        if request[0] == "stop":
            return
        if request[0] == "ping":
            protocol.send(replies, ("pong", os.getpid()))
            continue
        _, path, limits = request
        reply = _read(replies, path, limits)
        try:
            protocol.send(replies, reply)
        except MemoryError:
            # The document was read but is too big to hand over; say so instead of dying mid-message.
            del reply
            protocol.send(replies, _error(DocumentOutOfMemory(path)))


def _read(replies: IO[bytes], path: str, limits: Limits) -> tuple[object, ...]:
    last = 0.0

    def progress(fraction: float) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL:
            last = now
            protocol.send(replies, ("progress", fraction))

    _cap_memory(limits.max_memory_bytes)
    try:
        return ("done", read_in_process(path, progress=progress, limits=limits))
    except BaroError as err:
        return _error(err)
    except MemoryError:
        return _error(DocumentOutOfMemory(path))


def _error(err: BaroError) -> tuple[object, ...]:
    return ("error", type(err).__name__, str(err), str(err.path) if err.path else None)


def _cap_memory(cap: int) -> None:
    # A decompression or parser blow-up becomes a MemoryError here instead of swapping the machine.
    # Only the soft limit moves, so each request may set its own, never above a limit set from outside.
    global _inherited_limit
    try:
        import resource
    except ImportError:  # Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if _inherited_limit is None:
        _inherited_limit = soft
    for outer in (_inherited_limit, hard):
        if outer != resource.RLIM_INFINITY:
            cap = min(cap, outer)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


if __name__ == "__main__":
    main()
