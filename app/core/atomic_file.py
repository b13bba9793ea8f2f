"""Save a file so that it is either fully written or not changed at all.

The bytes go to a hidden temporary file in the target's own folder (so the rename cannot cross file
systems), are flushed and fsynced, then ``os.replace`` swaps them in and the folder entry is fsynced. On any
failure the temporary file is deleted and the target keeps its old bytes; a new target never appears as a
0-byte or partial file. Every failure is raised as ``SaveFailed``: one Korean line naming the file.

The one place in app.core that touches the disk: every layer that saves (docs writers, store, llm, tasks,
gui) must share it, and this is the only layer they all may import.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from app.core.errors import SaveFailed

TEMPORARY_SUFFIX = ".baro-tmp"


def temporary_name(path: Path) -> Path:
    """The hidden sibling that holds the new bytes until they are complete (``.name.1a2b3c4d.baro-tmp``)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")


@contextmanager
def atomic_write(path: Path | str, *, permissions: int | None = None) -> Iterator[BinaryIO]:
    """Yield a binary file; when the block ends without error its bytes replace ``path`` in one step.

    ``permissions`` fixes the new file's mode (e.g. 0o600 for settings); by default an existing file keeps
    its mode and a new one gets the usual 0o666 minus the umask.
    """
    target = Path(path)
    if target.is_symlink():  # save through the link (a settings file kept in a dotfiles folder stays linked)
        target = Path(os.path.realpath(target))
    existed = target.exists()
    if target.is_dir():
        raise SaveFailed(target, IsADirectoryError(errno.EISDIR, "Is a directory"), replaced_existing=False)
    keep_mode = stat.S_IMODE(target.stat().st_mode) if existed and permissions is None else None
    temporary = temporary_name(target)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as err:
        raise SaveFailed(target, err, replaced_existing=existed) from err
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        mode = permissions if permissions is not None else keep_mode
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as err:
        _discard(temporary)
        if isinstance(err, OSError):
            raise SaveFailed(target, err, replaced_existing=existed) from err
        raise
    _fsync_folder(target.parent)


def probe_folder(path: Path | str) -> None:
    """Create and delete the temporary sibling a save of ``path`` would use; raises the OSError if refused.

    Lets a caller find a read-only or forbidden folder before spending minutes on what it will save there.
    """
    target = Path(path)
    temporary = temporary_name(target)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    _discard(temporary)


def write_bytes_atomically(path: Path | str, data: bytes, *, permissions: int | None = None) -> Path:
    with atomic_write(path, permissions=permissions) as out:
        out.write(data)
    return Path(path)


def write_text_atomically(
    path: Path | str, text: str, *, encoding: str = "utf-8", permissions: int | None = None
) -> Path:
    return write_bytes_atomically(path, text.encode(encoding), permissions=permissions)


def _discard(temporary: Path) -> None:
    with suppress(OSError):  # nothing more to do: the target was never touched
        temporary.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows, nor fsynced everywhere."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
