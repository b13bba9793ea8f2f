"""Only regular files are opened: a FIFO blocks ``open()`` until a writer comes, a device such as
/dev/zero never ends, and opening some devices has side effects. Every place that opens a file the user
named (documents, the library's folders, models, query lists) goes through here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from app.core.errors import NotRegularFile

# Without O_NONBLOCK a FIFO swapped in after the stat would still block open(); Windows has no FIFOs.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in Korean; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "이름 있는 파이프(FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "장치 파일"
    if stat.S_ISSOCK(mode):
        return "소켓"
    return "특수 파일"


def require_regular_file(path: Path | str) -> os.stat_result:
    """``os.stat`` of ``path`` (links followed, so a link to /dev/zero counts as the device it points at).

    Raises ``IsADirectoryError`` for a folder (callers already say "폴더입니다"), ``NotRegularFile`` for
    a FIFO, device or socket, and ``OSError`` as ``os.stat`` does.
    """
    st = os.stat(path)
    _check(Path(path), st)
    return st


def open_regular_file(path: Path | str) -> BinaryIO:
    """Open a regular file for reading in binary mode, never blocking on what turns out to be a FIFO.

    Raises ``NotRegularFile`` for anything else (checked before the open and again on the open handle),
    and ``OSError`` as ``open`` does.
    """
    path = Path(path)
    require_regular_file(path)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check(path: Path, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    kind = special_kind(st.st_mode)
    if kind is None:
        return
    if path.is_symlink():
        kind = f"{kind}인 {os.path.realpath(path)}에 연결된 링크"
    raise NotRegularFile(path, kind)
