"""HWP 5.x: an OLE file whose BodyText sections are raw-deflated record streams.

Password-protected and distribution-only (배포용) documents are reported as such; their placeholder
text is never returned as if it were the document.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Any

from app.core.document import BlockKind, Document
from app.core.errors import (
    BaroError,
    CorruptDocument,
    DistributionOnlyDocument,
    EmptyDocument,
    EncryptedDocument,
)
from app.core.locations import Location
from app.docs.builder import DocumentBuilder, row_text
from app.docs.context import ReadContext
from app.docs.readers.hwp_records import (
    CTRL_HEADER,
    LIST_HEADER,
    PARA_HEADER,
    PARA_TEXT,
    TABLE,
    Record,
    check_stream_size,
    control_id,
    inflate,
    para_text,
    split_records,
)

SIGNATURE = b"HWP Document File"
FLAG_COMPRESSED = 0x01
FLAG_PASSWORD = 0x02
FLAG_DISTRIBUTION = 0x04
_NOTE_KINDS = {
    "head": BlockKind.HEADER,
    "foot": BlockKind.FOOTER,
    "fn  ": BlockKind.FOOTNOTE,
    "en  ": BlockKind.FOOTNOTE,
}

Piece = tuple[str, BlockKind]


def read(ctx: ReadContext) -> Document:
    import olefile

    try:
        with olefile.OleFileIO(str(ctx.path)) as ole:
            return _read_ole(ctx, ole)
    except BaroError:
        raise
    except (OSError, ValueError, IndexError, KeyError, TypeError, AssertionError, struct.error) as err:
        raise CorruptDocument(ctx.path, f"HWP 구조 오류: {type(err).__name__}") from err


def _read_ole(ctx: ReadContext, ole: Any) -> Document:
    if not ole.exists("FileHeader"):
        raise CorruptDocument(ctx.path, "FileHeader 없음")
    header = ole.openstream("FileHeader").read(256)
    if not header.startswith(SIGNATURE) or len(header) < 40:
        raise CorruptDocument(ctx.path, "HWP 서명이 없음")
    (flags,) = struct.unpack_from("<I", header, 36)
    if flags & FLAG_PASSWORD:
        raise EncryptedDocument(ctx.path)
    if flags & FLAG_DISTRIBUTION or ole.exists("ViewText"):
        raise DistributionOnlyDocument(ctx.path)
    sections = _section_streams(ole)
    if not sections:
        raise EmptyDocument(ctx.path)
    builder = DocumentBuilder(ctx, "hwp")
    builder.title = _title(ole)
    damaged_sections: list[int] = []
    for index, name in enumerate(sections):
        ctx.report(index / len(sections))
        check_stream_size(ctx.path, ole.get_size(name), ctx.limits.max_stream_bytes)
        raw = ole.openstream(name).read()
        data = inflate(ctx, raw, ctx.limits.max_stream_bytes) if flags & FLAG_COMPRESSED else raw
        records, clean = split_records(data)
        if not clean:
            damaged_sections.append(index + 1)
        _read_section(builder, records, index + 1)
    ctx.report(1.0)
    if damaged_sections:
        where = ", ".join(str(number) for number in damaged_sections)
        if not builder.blocks:
            raise CorruptDocument(ctx.path, f"본문 {where}구역의 레코드 크기가 손상됨")
        builder.notices.append(f"{ctx.path.name}: 본문 {where}구역이 손상되어 손상된 곳 앞까지만 읽었습니다.")
    return builder.build()


def _section_streams(ole: Any) -> list[str]:
    numbered: list[tuple[int, str]] = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == "BodyText" and entry[1].startswith("Section"):
            suffix = entry[1][len("Section") :]
            if suffix.isdigit():
                numbered.append((int(suffix), "/".join(entry)))
    return [name for _, name in sorted(numbered)]


def _title(ole: Any) -> str:
    name = "\x05HwpSummaryInformation"
    if not ole.exists(name):
        return ""
    return summary_title(ole.openstream(name).read(65536))


def summary_title(data: bytes) -> str:
    """PIDSI_TITLE (id 2) from an OLE property set stream, if it is a string."""
    try:
        (section_offset,) = struct.unpack_from("<I", data, 44)
        (count,) = struct.unpack_from("<I", data, section_offset + 4)
        for index in range(min(count, 64)):
            prop_id, offset = struct.unpack_from("<II", data, section_offset + 8 + 8 * index)
            if prop_id != 2:
                continue
            value_at = section_offset + offset
            (value_type, length) = struct.unpack_from("<II", data, value_at)
            raw = data[value_at + 8 : value_at + 8 + min(length, 1024) * (2 if value_type == 0x1F else 1)]
            encoding = "utf-16-le" if value_type == 0x1F else "cp949"
            return raw.decode(encoding, errors="replace").split("\x00")[0]
    except struct.error:
        return ""
    return ""


def _read_section(builder: DocumentBuilder, records: list[Record], section: int) -> None:
    position = 0
    number = 0
    while position < len(records):
        record = records[position]
        if record.tag != PARA_HEADER:
            position += 1
            continue
        number += 1
        if number % 500 == 0:
            builder.ctx.check()
        end = _subtree_end(records, position)
        location = Location(section=section, paragraph=number)
        text, pieces = _paragraph(records, position, end)
        builder.add(text, location)
        for piece_text, kind in pieces:
            place = Location(section=section) if kind in (BlockKind.HEADER, BlockKind.FOOTER) else location
            builder.add(piece_text, place, kind)
        position = end


def _subtree_end(records: list[Record], start: int) -> int:
    level = records[start].level
    end = start + 1
    while end < len(records) and records[end].level > level:
        end += 1
    return end


def _paragraph(records: list[Record], start: int, end: int) -> tuple[str, list[Piece]]:
    """The paragraph's own text, and what its controls hold (table rows, boxes, notes, headers)."""
    text = ""
    pieces: list[Piece] = []
    position = start + 1
    while position < end:
        record = records[position]
        if record.tag == PARA_TEXT and record.level == records[start].level + 1:
            text += para_text(record.data)
            position += 1
        elif record.tag == CTRL_HEADER:
            control_end = _subtree_end(records, position)
            pieces.extend(_control(records, position, control_end))
            position = control_end
        else:
            position += 1
    return text, pieces


def _control(records: list[Record], start: int, end: int) -> list[Piece]:
    kind_id = control_id(records[start].data)
    if kind_id == "tbl ":
        return [(row, BlockKind.TABLE_ROW) for row in _table_rows(records, start + 1, end)]
    text = "\n".join(_lines(records, start + 1, end))
    if not text.strip():
        return []
    return [(text, _NOTE_KINDS.get(kind_id, BlockKind.PARAGRAPH))]


def _lines(records: list[Record], start: int, end: int) -> Iterator[str]:
    """Every line of text in a range of records, nested tables flattened row by row."""
    position = start
    while position < end:
        if records[position].tag != PARA_HEADER:
            position += 1
            continue
        paragraph_end = _subtree_end(records, position)
        text, pieces = _paragraph(records, position, paragraph_end)
        if text.strip():
            yield text
        yield from (piece for piece, _kind in pieces)
        position = paragraph_end


def _table_rows(records: list[Record], start: int, end: int) -> list[str]:
    cells = _cells(records, start, end)
    rows: dict[int, list[str]] = {}
    for row, text in cells:
        rows.setdefault(row, []).append(text)
    return [row_text(rows[row]) for row in sorted(rows) if any(cell.strip() for cell in rows[row])]


def _cells(records: list[Record], start: int, end: int) -> list[tuple[int, str]]:
    """(row address, text) for each cell; a cell is a LIST_HEADER and the paragraphs after it."""
    cells: list[tuple[int, str]] = []
    cell_level: int | None = None
    heads = [
        i
        for i in range(start, end)
        if records[i].tag == LIST_HEADER and (cell_level is None or records[i].level == cell_level)
    ]
    if not heads:
        return [(0, "\n".join(_lines(records, start, end)))]
    cell_level = records[heads[0]].level
    heads = [i for i in heads if records[i].level == cell_level]
    table_rows = _row_sizes(records, start, heads[0])
    for number, head in enumerate(heads):
        cell_end = heads[number + 1] if number + 1 < len(heads) else end
        data = records[head].data
        row = struct.unpack_from("<H", data, 10)[0] if len(data) >= 12 else _row_of(table_rows, number)
        cells.append((row, "\n".join(_lines(records, head + 1, cell_end))))
    return cells


def _row_sizes(records: list[Record], start: int, stop: int) -> list[int]:
    for record in records[start:stop]:
        if record.tag == TABLE and len(record.data) >= 18:
            (rows,) = struct.unpack_from("<H", record.data, 4)
            if len(record.data) >= 18 + 2 * rows:
                return list(struct.unpack_from(f"<{rows}H", record.data, 18))
    return []


def _row_of(row_sizes: list[int], cell_number: int) -> int:
    seen = 0
    for row, size in enumerate(row_sizes):
        seen += size
        if cell_number < seen:
            return row
    return len(row_sizes)
