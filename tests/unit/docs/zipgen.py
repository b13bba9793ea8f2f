"""Zip files whose headers lie about a member's size, written by hand and streamed (the test stays small).

The lying member's local and central headers declare ``declared`` bytes and the CRC of its first
``declared`` bytes, so even zipfile's CRC check passes; its deflate stream holds far more.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tests.unit.docs.hwpxgen import CONTENT_HPF, section_xml

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
MB = 1 << 20


@dataclass(frozen=True)
class Member:
    name: str
    chunks: Iterable[bytes]
    declared: int | None = None
    """The size the headers claim; None for the honest size."""


def zeros(prefix: bytes, megabytes: int) -> Iterator[bytes]:
    """``prefix`` followed by ``megabytes`` MB of zero bytes, one megabyte at a time."""
    yield prefix
    block = bytes(MB)
    for _ in range(megabytes):
        yield block


def hwpx_members() -> list[Member]:
    """The parts of a one-paragraph HWPX besides its ``mimetype``."""
    hpf = CONTENT_HPF.format(title="", items="", refs="").encode()
    return [
        Member("Contents/content.hpf", [hpf]),
        Member("Contents/section0.xml", [section_xml(["본문"]).encode()]),
    ]


def write_zip(path: Path, members: list[Member]) -> Path:
    central: list[bytes] = []
    with path.open("wb") as out:
        for member in members:
            central.append(_write_member(out, member))
        start = out.tell()
        for entry in central:
            out.write(entry)
        size = out.tell() - start
        out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    return path


def _write_member(out: BinaryIO, member: Member) -> bytes:
    name = member.name.encode()
    offset = out.tell()
    out.write(bytes(_LOCAL.size + len(name)))  # patched once the sizes are known
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    real_size = 0
    compressed = 0
    previous: tuple[bytes, bytes] | None = None
    for chunk in member.chunks:
        if member.declared is None:
            crc = zlib.crc32(chunk, crc)
        elif real_size < member.declared:
            crc = zlib.crc32(chunk[: member.declared - real_size], crc)
        real_size += len(chunk)
        # A full flush forgets the history, so the same chunk again compresses to the same bytes: reuse them.
        if previous is not None and previous[0] is chunk:
            data = previous[1]
        else:
            data = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
            previous = (chunk, data)
        compressed += len(data)
        out.write(data)
    tail = compressor.flush()
    compressed += len(tail)
    out.write(tail)
    end = out.tell()
    size = real_size if member.declared is None else member.declared
    out.seek(offset)
    out.write(_LOCAL.pack(b"PK\x03\x04", 20, 0, 0, 8, 0, 0x21, crc, compressed, size, len(name), 0) + name)
    out.seek(end)
    return (
        _CENTRAL.pack(
            b"PK\x01\x02", 20, 3, 20, 0, 0, 8, 0, 0x21, crc, compressed, size, len(name), 0, 0, 0, 0, 0, offset
        )
        + name
    )
