"""Broken, hostile and awkward files: each gets the expected result or a clear error, never a crash."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from app.core.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from app.docs import Limits, read_document, read_in_process
from app.docs.context import ReadContext
from app.docs.readers.hwp_records import inflate
from tests.unit.docs.docxgen import build_docx
from tests.unit.docs.hwpxgen import build_hwpx, section_xml
from tests.unit.docs.pdfgen import korean_pages, write_pdf


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.hwp", "empty.hwpx", "empty.txt"])
def test_zero_byte_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match=name.replace(".", r"\.")):
        read_in_process(path)


@pytest.mark.parametrize("name", ["noise.pdf", "noise.docx", "noise.hwp", "noise.hwpx", "noise.xlsx", "noise.bin"])
def test_random_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    with pytest.raises((UnsupportedFormat, CorruptDocument)):
        read_in_process(path)


def _valid(tmp_path: Path, kind: str) -> Path:
    if kind == "pdf":
        return write_pdf(tmp_path / "v.pdf", korean_pages(3, lines_per_page=3))
    if kind == "docx":
        return build_docx(tmp_path / "v.docx")
    return build_hwpx(tmp_path / "v.hwpx", [section_xml(["본문"] * 50)])


@pytest.mark.parametrize("kind", ["pdf", "docx", "hwpx"])
@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_files(tmp_path: Path, kind: str, keep: float) -> None:
    source = _valid(tmp_path, kind)
    data = source.read_bytes()
    path = tmp_path / f"cut{source.suffix}"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        document = read_in_process(path)
    except DocumentError:
        return
    assert document.blocks  # pypdf can recover the pages before the cut


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                entry.write(block)
    with pytest.raises(DocumentTooLarge, match="압축 폭탄"):
        read_in_process(path)


def test_zip_bomb_by_entry_count_and_total_size(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "many.hwpx", [section_xml(["본문"])] * 30)
    with pytest.raises(DocumentTooLarge, match="32개"):
        read_in_process(path, limits=Limits(max_zip_entries=20))
    with pytest.raises(DocumentTooLarge, match="MB"):
        read_in_process(path, limits=Limits(max_zip_total_bytes=1000))


def test_deflate_bomb_in_an_hwp_section_is_bounded(tmp_path: Path) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = b"".join(compressor.compress(b"\0" * (1 << 20)) for _ in range(256)) + compressor.flush()
    assert len(bomb) < 1 << 20
    ctx = ReadContext(path=tmp_path / "bomb.hwp")
    with pytest.raises(DocumentTooLarge, match="압축 폭탄"):
        inflate(ctx, bomb, 16 << 20)
    assert len(inflate(ctx, bomb, 300 << 20)) == 256 << 20


def test_damaged_deflate_stream(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocument):
        inflate(ReadContext(path=tmp_path / "x.hwp"), b"\xff" * 100, 1 << 20)


def test_wrong_extensions_get_the_right_reader(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "real.pdf", korean_pages(1, lines_per_page=1))
    assert read_in_process(pdf.rename(tmp_path / "real.hwp")).format == "pdf"
    docx_path = build_docx(tmp_path / "report.docx").rename(tmp_path / "report.zip")
    assert read_in_process(docx_path).format == "docx"
    hwpx = build_hwpx(tmp_path / "a.hwpx", [section_xml(["한글 문서"])]).rename(tmp_path / "a.hwp")
    assert read_in_process(hwpx).format == "hwpx"
    text = tmp_path / "memo.pdf"
    text.write_text("메모입니다", encoding="utf-8")
    assert read_in_process(text).format == "txt"


def test_hwpml_xml_saved_as_hwp_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "old.hwp"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><HWPML Version="2.8"><BODY/></HWPML>', encoding="utf-8")
    with pytest.raises(UnsupportedFormat, match="HWPX로 다시 저장"):
        read_in_process(path)


def test_plain_zip_and_legacy_formats(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(UnsupportedFormat, match="압축"):
        read_in_process(path)


def test_thousand_page_pdf_in_the_reader_process(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "thousand.pdf", korean_pages(1000, lines_per_page=5))
    seen: list[float] = []
    document = read_document(path, progress=seen.append)
    assert len(document.blocks) == 1000
    assert document.blocks[-1].location.page == 1000
    assert seen and all(0.0 <= f <= 1.0 for f in seen)


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b"")


def test_docx_with_a_50mb_image(tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(_png(4096, 4096))
    assert image.stat().st_size > 50_000_000
    document = docx.Document()
    document.add_paragraph("사진 앞 문단")
    document.add_picture(str(image))
    document.add_paragraph("사진 뒤 문단")
    path = tmp_path / "photo.docx"
    document.save(str(path))
    assert read_document(path).text == "사진 앞 문단\n사진 뒤 문단"
