"""Real small and read-only disks for tests: a tmpfs mounted on a test's folder, remounted read-only on demand.

Tests run as root in CI, where ``chmod -w`` does not stop a write; a read-only mount does. Where mounting is
not permitted (not root, no tmpfs, not Linux) the test is skipped and says why.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` on ``folder`` (created if needed) for the duration of the block."""
    if not sys.platform.startswith("linux"):
        pytest.skip("needs a Linux tmpfs mount")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    except FileNotFoundError:
        pytest.skip("no `mount` command here: cannot make a small or read-only disk")
    if result.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here ({result.stderr.strip()}); run as root to test this")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> None:
    result = _mount("-o", "remount,ro", str(folder))
    if result.returncode != 0:
        pytest.skip(f"remounting read-only is not permitted here ({result.stderr.strip()})")


def remount_writable(folder: Path) -> None:
    _mount("-o", "remount,rw", str(folder))
