"""Builders for bench/hostile.py: zip bombs that lie, special files, a GGUF with a hostile chat template, and
the other inputs of issue #20. Each is built small and fast (a repeated deflate block, not gigabytes of disk).
"""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20

# --- zip members written by hand (the sizes in the headers are whatever the bomb wants to claim) ----------


@dataclass(frozen=True)
class RawMember:
    name: str
    payload: bytes
    """The bytes stored in the archive (raw deflate when ``method`` is 8)."""
    method: int
    crc: int
    declared_size: int
    """The uncompressed size the local and central headers claim."""


def stored(name: str, data: bytes) -> RawMember:
    return RawMember(name, data, zipfile.ZIP_STORED, zlib.crc32(data), len(data))


def deflated(name: str, data: bytes) -> RawMember:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return RawMember(name, packer.compress(data) + packer.flush(), zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data))


def repeated_deflate(head: bytes, chunk: bytes, repeats: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of ``head + chunk * repeats + tail`` without ever holding or compressing the whole.

    After a full flush the compressor starts from a clean state, so compressing the same chunk again gives
    the same bytes: compress it once and repeat the output. Returns (payload, crc32, inflated size).
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * repeats + last, crc, len(head) + len(chunk) * repeats + len(tail)


def write_zip(path: Path, members: list[RawMember]) -> Path:
    central = b""
    with path.open("wb") as out:
        for member in members:
            offset = out.tell()
            name = member.name.encode("utf-8")
            sizes = struct.pack("<III", member.crc, len(member.payload), member.declared_size)
            common = struct.pack("<HHHHH", 20, 0, member.method, 0, 0x21) + sizes
            out.write(b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name + member.payload)
            central += (
                b"PK\x01\x02"
                + struct.pack("<H", 20)
                + common
                + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, offset)
                + name
            )
        start = out.tell()
        out.write(central)
        out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(members), len(members), len(central), start, 0))
    return path


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lying_docx(path: Path, inflated_bytes: int = 1000 * MIB, claimed: int = 1000) -> Path:
    """A .docx whose word/document.xml header claims ``claimed`` bytes but inflates to ``inflated_bytes``."""
    paragraph = "<w:p><w:r><w:t>보고서 본문 문장입니다 가나다라마바사</w:t></w:r></w:p>".encode()
    chunk = paragraph * (MIB // len(paragraph))
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
    payload, crc, _ = repeated_deflate(head, chunk, inflated_bytes // len(chunk), b"</w:body></w:document>")
    bomb = RawMember("word/document.xml", payload, zipfile.ZIP_DEFLATED, crc, claimed)
    return write_zip(path, [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("_rels/.rels", ROOT_RELS), bomb])


def hwpx_mimetype_bomb(path: Path, inflated_bytes: int = 3500 * MIB) -> Path:
    """An .hwpx whose first member, ``mimetype``, honestly declares and inflates to ``inflated_bytes``."""
    mimetype = b"application/hwp+zip"
    payload, crc, size = repeated_deflate(mimetype, b"\0" * MIB, inflated_bytes // MIB, b"")
    bomb = RawMember("mimetype", payload, zipfile.ZIP_DEFLATED, crc, size)
    section = (
        '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
        'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"><hp:p><hp:run><hp:t>본문</hp:t></hp:run></hp:p>'
        "</hs:sec>"
    ).encode()
    return write_zip(path, [bomb, deflated("Contents/section0.xml", section)])


def xlsx_with_huge_dimension(path: Path) -> Path:
    """A 2 KB .xlsx whose sheet declares A1:XFD1048576 (17 billion cells) but holds two."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
            '<sheet name="예산" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><dimension ref="A1:XFD1048576"/>'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>항목</t></is></c><c r="B1" t="inlineStr"><is>'
            "<t>예산 1200만 원</t></is></c></row></sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


# --- text ---------------------------------------------------------------------------------------------------


def one_line_text(path: Path, size: int = 9 * MIB) -> Path:
    """Korean words with spaces but not one sentence break, ``size`` bytes on a single line."""
    words = "예산 집행 현황 보고 및 향후 추진 계획 검토 결과 공유 "
    unit = words.encode("utf-8")
    path.write_bytes(unit * (size // len(unit)))
    return path


PARAGRAPHS = [
    "2026년 상반기 예산 집행률은 84%로 지난해보다 6%포인트 높아졌습니다.",
    "인건비와 운영비는 계획대로 집행되었고, 시설비는 공사 지연으로 절반만 쓰였습니다.",
    "하반기에는 남은 시설비를 9월까지 집행하고 10월에 결과를 보고할 예정입니다.",
]


def text_with_bad_bytes(path: Path) -> Path:
    """Valid UTF-8 Korean with three stray bytes (a damaged copy, a bad paste): mostly valid text."""
    lines = [line.encode("utf-8") for line in PARAGRAPHS * 20]
    lines[3] = lines[3][:9] + b"\xff" + lines[3][9:]
    lines[20] = lines[20] + b"\xc3\x28"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def text_with_ansi_escapes(path: Path) -> Path:
    """A captured terminal log: Korean lines wrapped in colour escape codes."""
    lines = [f"\x1b[1;32m[정보]\x1b[0m {line} \x1b[2K\x1b[31m(확인)\x1b[0m" for line in PARAGRAPHS * 20]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def plain_folder(folder: Path, files: int = 3, repeat: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        body = "\n".join(f"{number + 1}번 문서. {line}" for line in PARAGRAPHS * repeat)
        (folder / f"보고서{number + 1}.txt").write_text(body + "\n", encoding="utf-8")
    return folder


def bulky_folder(folder: Path, files: int, kib_each: int) -> Path:
    """Many distinct text files, so an index of them outgrows a small disk."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        words = " ".join(f"항목{number}_{k} 금액 {number * 31 + k}원 집행." for k in range(kib_each * 1024 // 40))
        (folder / f"자료{number:04d}.txt").write_text(words + "\n", encoding="utf-8")
    return folder


def special_files_folder(folder: Path) -> Path:
    """A normal document, a FIFO named like a text file, and a symlink to /dev/zero named like one."""
    plain_folder(folder, files=1)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


# --- GGUF: the default model with an embedded chat template of our choosing -------------------------------

_SCALAR = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_STRING, _ARRAY, _UINT32 = 8, 9, 4


def _skip_value(data: bytes, at: int, kind: int) -> int:
    if kind in _SCALAR:
        return at + _SCALAR[kind]
    if kind == _STRING:
        (length,) = struct.unpack_from("<Q", data, at)
        return at + 8 + length
    if kind == _ARRAY:
        item_kind, count = struct.unpack_from("<IQ", data, at)
        at += 12
        if item_kind in _SCALAR:
            return at + _SCALAR[item_kind] * count
        for _ in range(count):
            at = _skip_value(data, at, item_kind)
        return at
    raise ValueError(f"unknown GGUF value type {kind}")


def _string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("<Q", len(raw)) + raw


def gguf_with_template(source: Path, target: Path, template: str, header_budget: int = 64 * MIB) -> Path:
    """Copy ``source`` with ``tokenizer.chat_template`` set to ``template`` (tensor data copied unchanged)."""
    with source.open("rb") as f:
        data = f.read(header_budget)
    version, tensors, kv_count = struct.unpack_from("<IQQ", data, 4)
    at, alignment, kept = 24, 32, b""
    kept_count = 0
    for _ in range(kv_count):
        start = at
        (length,) = struct.unpack_from("<Q", data, at)
        key = data[at + 8 : at + 8 + length].decode("utf-8")
        (kind,) = struct.unpack_from("<I", data, at + 8 + length)
        at = _skip_value(data, at + 12 + length, kind)
        if key == "general.alignment":
            (alignment,) = struct.unpack_from("<I", data, at - 4)
        if key != "tokenizer.chat_template":
            kept += data[start:at]
            kept_count += 1
    infos_start = at
    for _ in range(tensors):
        (length,) = struct.unpack_from("<Q", data, at)
        (dims,) = struct.unpack_from("<I", data, at + 8 + length)
        at += 8 + length + 4 + 8 * dims + 4 + 8
    infos = data[infos_start:at]
    data_start = -(-at // alignment) * alignment
    new_kv = _string("tokenizer.chat_template") + struct.pack("<I", _STRING) + _string(template)
    header = data[:4] + struct.pack("<IQQ", version, tensors, kept_count + 1) + kept + new_kv + infos
    header += b"\0" * (-len(header) % alignment)
    with source.open("rb") as src, target.open("wb") as out:
        out.write(header)
        src.seek(data_start)
        shutil.copyfileobj(src, out, 4 * MIB)
    return target
