"""HWP 5.x building blocks: bounded raw-deflate streams, the record stream, and PARA_TEXT decoding.

Written from the public HWP 5.0 format specification (Hancom, revision 1.3).
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CorruptDocument, DocumentTooLarge
from app.docs.context import ReadContext

TAG_BEGIN = 0x10
PARA_HEADER = TAG_BEGIN + 50
PARA_TEXT = TAG_BEGIN + 51
CTRL_HEADER = TAG_BEGIN + 55
LIST_HEADER = TAG_BEGIN + 56
TABLE = TAG_BEGIN + 61

CHUNK = 1 << 20
_CONTROL = re.compile(rb"[\x00-\x1f]\x00", re.DOTALL)
# Control characters that take one code unit; every other one is 8 units (itself, 6 payload, itself).
_ONE_UNIT = {0: "", 10: "\n", 13: "", 24: "-", 25: "", 26: "", 27: "", 28: "", 29: "", 30: " ", 31: " "}
_INLINE = {9: "\t"}


@dataclass(frozen=True)
class Record:
    tag: int
    level: int
    data: bytes


def inflate(ctx: ReadContext, compressed: bytes, limit: int) -> bytes:
    """Raw-deflate ``compressed`` without ever producing more than ``limit`` bytes of output."""
    inflater = zlib.decompressobj(-15)
    out = bytearray()
    offset = 0
    tail = b""
    try:
        while True:
            ctx.check()
            if tail:
                chunk_in = tail
            else:
                chunk_in = compressed[offset : offset + CHUNK]
                offset += len(chunk_in)
            produced = inflater.decompress(chunk_in, CHUNK)
            out += produced
            if len(out) > limit:
                raise DocumentTooLarge(ctx.path, f"압축을 풀면 {limit // 1024 // 1024:,}MB를 넘음 (압축 폭탄 의심)")
            tail = inflater.unconsumed_tail
            if inflater.eof or (not produced and not tail and offset >= len(compressed)):
                break
    except zlib.error as err:
        if out:
            return bytes(out)  # a damaged tail: keep what was readable
        raise CorruptDocument(ctx.path, "본문 압축을 풀 수 없음") from err
    return bytes(out)


def parse_records(data: bytes) -> list[Record]:
    """Split a stream into records; a record that overruns the stream ends the list."""
    return split_records(data)[0]


def split_records(data: bytes) -> tuple[list[Record], bool]:
    """The records, and whether the stream ended cleanly (False: a record's size runs past the end)."""
    records: list[Record] = []
    position = 0
    end = len(data)
    while position + 4 <= end:
        (header,) = struct.unpack_from("<I", data, position)
        position += 4
        size = header >> 20
        if size == 0xFFF:
            if position + 4 > end:
                return records, False
            (size,) = struct.unpack_from("<I", data, position)
            position += 4
        if position + size > end:
            return records, False
        records.append(Record(header & 0x3FF, (header >> 10) & 0x3FF, data[position : position + size]))
        position += size
    return records, position == end


def para_text(data: bytes) -> str:
    """Visible text of a PARA_TEXT record: inline and extended control spans removed."""
    parts: list[str] = []
    position = 0
    end = len(data) - len(data) % 2
    search_from = 0
    while True:
        match = _CONTROL.search(data, search_from, end)
        if match is None:
            parts.append(data[position:end].decode("utf-16-le", errors="replace"))
            break
        start = match.start()
        if start % 2:
            search_from = start + 1
            continue
        parts.append(data[position:start].decode("utf-16-le", errors="replace"))
        code = data[start]
        if code in _ONE_UNIT:
            parts.append(_ONE_UNIT[code])
            position = start + 2
        else:
            parts.append(_INLINE.get(code, ""))
            position = start + 16
        search_from = position
        if position >= end:
            break
    return "".join(parts)


def control_id(data: bytes) -> str:
    """The four-letter control id at the start of a CTRL_HEADER ("tbl ", "head", "fn  ", ...)."""
    return data[:4][::-1].decode("latin-1")


def check_stream_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise DocumentTooLarge(path, f"본문 스트림이 {size // 1024 // 1024:,}MB")
