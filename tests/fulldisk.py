"""A small disk that is really full: a tmpfs mounted inside the test's folder, filled to its last byte.

Mounting needs root (or CAP_SYS_ADMIN); where it is refused the test is skipped with a message saying so.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SKIP_REASON = "full-disk test needs to mount a small tmpfs (run as root to include it)"


@contextmanager
def small_disk(folder: Path, size: str = "256k") -> Iterator[Path]:
    """Mount a ``size`` tmpfs on ``folder`` for the block; unmounted afterwards whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount")
    if mount is None or (hasattr(os, "geteuid") and os.geteuid() != 0):
        pytest.skip(SKIP_REASON)
    result = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if result.returncode != 0:
        pytest.skip(f"{SKIP_REASON}: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


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


def remount_read_only(folder: Path) -> None:
    """Make a ``small_disk`` read-only in place (what a locked-down or failing drive looks like)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
