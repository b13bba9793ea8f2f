"""Fill a small test disk (a ``tests.mounts.tmpfs``) to its last byte, so the next write meets ENOSPC."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def fill(disk: Path) -> Path:
    """Write a filler file until the disk refuses one more byte; returns the filler."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for block in (b"\0" * 65536, b"\0" * 4096, b"\0"):
            while True:
                try:
                    os.write(fd, block)
                except OSError as err:
                    assert err.errno == errno.ENOSPC, err
                    break
    finally:
        os.close(fd)
    return filler
