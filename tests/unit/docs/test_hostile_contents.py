"""Issue 20, case 9 and the lesser items: text with bad bytes or terminal codes, PDF bombs, damaged HWP records."""

from __future__ import annotations

import argparse
import shutil
import struct
import sys
import zlib
from pathlib import Path

import pytest

from app.cli import cmd_extract
from app.core.errors import CorruptDocument, DocumentTooLarge
from app.docs import Limits, ReaderProcess, read_in_process
from tests.unit.docs.test_hostile import peak_mb

pytestmark = pytest.mark.timeout(120)
KOREAN = "안녕하세요. 바로는 한국어 업무 도우미입니다.\n둘째 줄입니다.\n\n새 문단은 여기서 시작합니다."


def test_utf8_with_a_few_bad_bytes_is_read_with_a_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "memo.txt"
    good = (KOREAN * 4).encode("utf-8")
    path.write_bytes(good[:9] + b"\xff" + good[9:30] + b"\xc3\x28" + good[30:] + b"\xfe")
    document = read_in_process(path)
    assert document.text.count("\ufffd") == 3
    assert "둘째 줄입니다." in document.text and "새 문단은 여기서 시작합니다." in document.text
    notice = "memo.txt: 읽을 수 없는 글자 3개를 �(대체 문자)로 바꾸어 읽었습니다 (utf-8 인코딩으로 판단)."
    assert document.notices == [notice]
    assert cmd_extract.run(argparse.Namespace(file=path, json=False, timeout=None)) == 0
    assert capsys.readouterr().err == f"baro: {notice}\n"


def test_cp949_with_a_bad_byte_is_read_as_cp949(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    good = (KOREAN * 4).encode("cp949")
    path.write_bytes(good[:10] + b"\xff" + good[10:])
    document = read_in_process(path)
    assert document.text.count("\ufffd") == 1
    assert "새 문단은 여기서 시작합니다." in document.text
    assert "cp949" in document.notices[0]


def test_a_clean_file_has_no_notice_and_latin1_is_not_taken_for_broken_utf8(tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_bytes("The café opens at nine and closes at five on weekdays.\n".encode("cp1252") * 20)
    document = read_in_process(path)
    assert "café" in document.text and "\ufffd" not in document.text
    assert document.notices == []


def test_terminal_codes_and_control_characters_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "build.log"
    path.write_bytes(
        "\x1b[1;31m오류\x1b[0m: 빌드 실패\n"
        "\x1b]0;창 제목\x07\x1b[2K진행 \x1b[32m100%\x1b[0m\x08 완료\n"
        "\x1b]8;;http://example.invalid\x1b\\링크\x1b]8;;\x1b\\ 끝\n".encode()
    )
    document = read_in_process(path)
    assert document.text == "오류: 빌드 실패\n진행 100% 완료\n링크 끝"
    assert document.notices == []


def _raw_pdf(path: Path, content: bytes, *, unused_mb: int = 0) -> Path:
    """A one-page PDF whose page contents are ``content`` under /FlateDecode, optionally followed by an
    unreferenced stream of ``unused_mb`` MB (written a megabyte at a time)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    count = len(objects) + (1 if unused_mb else 0)
    offsets = []
    with path.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        for number, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
        if unused_mb:
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n<< /Length %d >>\nstream\n" % (count, unused_mb << 20))
            for _ in range(unused_mb):
                out.write(bytes(1 << 20))
            out.write(b"\nendstream\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1))
        out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, xref))
    return path


def test_a_pdf_decompression_bomb_is_not_called_a_scan(tmp_path: Path) -> None:
    block = b" " * (1 << 20)
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)  # with the zlib header
    # After a full flush the compressor forgets the past, so one compressed megabyte can be repeated.
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(200):
        checksum = zlib.adler32(block, checksum)
    bomb = first + again * 199 + b"\x03\x00" + struct.pack(">I", checksum)  # empty final block, Adler-32
    path = _raw_pdf(tmp_path / "bomb.pdf", bomb)
    with pytest.raises(DocumentTooLarge, match=r"bomb\.pdf.*1쪽의 압축을 풀면 너무 큼, 압축 폭탄 의심"):
        read_in_process(path)


def test_a_pdf_with_damaged_page_contents_is_called_damaged(tmp_path: Path) -> None:
    path = _raw_pdf(tmp_path / "broken.pdf", b"\x78\x9c" + bytes(range(256)) * 8)
    with pytest.raises(CorruptDocument, match=r"broken\.pdf.*1쪽 중 1쪽의 내용을 읽을 수 없음"):
        read_in_process(path)


def test_an_hwp_with_a_corrupted_record_size_is_called_damaged(corpus: Path, tmp_path: Path) -> None:
    import olefile

    path = tmp_path / "broken.hwp"
    shutil.copy(corpus / "hwp" / "changing-paragraph-text.hwp", path)
    assert read_in_process(path).text  # the original has text
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        raw = ole.openstream("BodyText/Section0").read()
        records = bytearray(zlib.decompress(raw, -15))
        (header,) = struct.unpack_from("<I", records, 0)
        struct.pack_into("<I", records, 0, (header & 0xFFFFF) | (0xFFE << 20))  # a size past the stream's end
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        damaged = compressor.compress(bytes(records)) + compressor.flush()
        assert len(damaged) <= len(raw)
        ole.write_stream("BodyText/Section0", damaged.ljust(len(raw), b"\0"))  # olefile keeps stream sizes
    with pytest.raises(CorruptDocument, match=r"broken\.hwp.*본문 1구역의 레코드 크기가 손상됨"):
        read_in_process(path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_big_pdf_is_not_copied_into_memory(tmp_path: Path) -> None:
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (page one) Tj ET")
    path = _raw_pdf(tmp_path / "big.pdf", content, unused_mb=200)
    reader = ReaderProcess()
    try:
        assert reader.read(path).text == "page one"
        assert reader.pid is not None
        assert peak_mb(reader.pid) < 150
    finally:
        reader.stop()


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_text_and_html_beyond_the_character_budget_are_refused_before_reading(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<p>" + "가" * 2000 + "</p>\n", encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match=name.replace(".", r"\.")):
        read_in_process(path, limits=Limits(max_chars=1000))


@pytest.mark.parametrize("bom", [b"\xff\xfe", b""])
def test_utf16_with_a_broken_surrogate_is_read_with_a_notice(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "memo.txt"
    good = (KOREAN * 4).encode("utf-16-le")
    path.write_bytes(bom + good[:20] + b"\x00\xd8" + good[20:])  # a high surrogate with no low one after it
    document = read_in_process(path)
    assert document.text.count("\ufffd") == 1 and "새 문단은 여기서 시작합니다." in document.text
    assert "utf-16-le" in document.notices[0]
