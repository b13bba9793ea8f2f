"""The reader child process (``python -m app.docs.worker``): one file per request, forever."""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import IO

from app.core.errors import BaroError
from app.docs import protocol
from app.docs.inprocess import read_in_process
from app.docs.limits import Limits

MEMORY_CAP_BYTES = 4 * 1024 * 1024 * 1024
PROGRESS_INTERVAL = 0.1


def main() -> None:
    # Ctrl-C belongs to the parent; it decides whether to stop us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Keep the protocol pipe for ourselves; anything a library prints goes to stderr instead.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    _cap_memory()
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
        protocol.send(replies, _read(replies, path, limits))


def _read(replies: IO[bytes], path: str, limits: Limits) -> tuple[object, ...]:
    last = 0.0

    def progress(fraction: float) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL:
            last = now
            protocol.send(replies, ("progress", fraction))

    try:
        return ("done", read_in_process(path, progress=progress, limits=limits))
    except BaroError as err:
        return ("error", type(err).__name__, str(err), str(err.path) if err.path else None)


def _cap_memory() -> None:
    # A decompression or parser blow-up becomes a MemoryError here instead of swapping the machine.
    try:
        import resource
    except ImportError:  # Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MEMORY_CAP_BYTES if hard == resource.RLIM_INFINITY else min(MEMORY_CAP_BYTES, hard)
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


if __name__ == "__main__":
    main()
