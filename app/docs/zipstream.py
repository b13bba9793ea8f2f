"""Inflate zip members ourselves, in bounded chunks, counting what comes out against what the header declares.

``zipfile`` trusts the declared size only after inflating: ``ZipExtFile.read()`` asks zlib for up to 1 GiB
in one call and cuts the result to the declared size afterwards, so a member whose header says 1,000
bytes can still take gigabytes. Here no zlib call may return more than ``CHUNK`` bytes, and a member
stops the moment it produces more than it declared.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

CHUNK = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_MAGIC = b"PK\x03\x04"
READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
"""The only compression methods Office and Hancom write; zipfile inflates the others without any bound."""


class MemberOverflow(Exception):
    """A member inflated past its declared size or the caller's allowance."""

    def __init__(self, name: str, allowed: int) -> None:
        super().__init__(f"{name} inflates past {allowed} bytes")
        self.name = name
        self.allowed = allowed


class MemberDamaged(Exception):
    """The member's local header or compressed data cannot be read."""


def member_chunks(handle: IO[bytes], info: zipfile.ZipInfo, allowed: int | None = None) -> Iterator[bytes]:
    """Yield the member's bytes, at most ``CHUNK`` at a time; raise ``MemberOverflow`` past
    ``min(info.file_size, allowed)`` bytes of output, ``MemberDamaged`` on a broken stream."""
    limit = info.file_size if allowed is None else min(info.file_size, allowed)
    if info.compress_type not in READABLE_METHODS:
        raise MemberDamaged(f"{info.filename}: compression method {info.compress_type}")
    _seek_to_data(handle, info)
    remaining_input = info.compress_size
    produced = 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    pending = b""
    while True:
        if not pending and remaining_input > 0:
            pending = handle.read(min(CHUNK, remaining_input))
            if not pending:
                raise MemberDamaged(f"{info.filename}: truncated")
            remaining_input -= len(pending)
        if inflater is None:
            out, pending = pending, b""
        else:
            try:
                out = inflater.decompress(pending, CHUNK)
            except zlib.error as err:
                raise MemberDamaged(f"{info.filename}: {err}") from err
            pending = inflater.unconsumed_tail
        produced += len(out)
        if produced > limit:
            raise MemberOverflow(info.filename, limit)
        if out:
            yield out
        finished = inflater.eof if inflater is not None else not pending and remaining_input <= 0
        if finished or (not out and not pending and remaining_input <= 0):
            return


def read_prefix(handle: IO[bytes], info: zipfile.ZipInfo, size: int) -> bytes:
    """The first ``size`` bytes of a member (fewer if it is shorter), inflating no more than needed."""
    parts: list[bytes] = []
    have = 0
    for chunk in member_chunks(handle, info):
        parts.append(chunk)
        have += len(chunk)
        if have >= size:
            break
    return b"".join(parts)[:size]


def _seek_to_data(handle: IO[bytes], info: zipfile.ZipInfo) -> None:
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise MemberDamaged(f"{info.filename}: local header truncated")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _LOCAL_MAGIC:
        raise MemberDamaged(f"{info.filename}: bad local header")
    name_length, extra_length = fields[-2], fields[-1]
    handle.seek(name_length + extra_length, 1)
