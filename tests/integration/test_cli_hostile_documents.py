"""Issue 20 cases 4, 8 and 9 through `baro extract`, as a user would meet them: one clear line, exit 1 for a
refused file, exit 0 with a notice for a text that is only partly readable."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.integration.cli import baro
from tests.unit.docs.zipgen import Member, hwpx_members, write_zip, zeros

pytestmark = pytest.mark.timeout(300)
CLI_SECONDS = 120


def _error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize("kind", ["docx", "hwpx"])
def test_lying_zip_bombs_are_one_line(tmp_path: Path, kind: str) -> None:
    if kind == "docx":
        members = [
            Member("[Content_Types].xml", [b"<Types/>"]),
            Member("word/document.xml", zeros(b"<w:document>", 300), declared=1000),
        ]
    else:
        members = [Member("mimetype", zeros(b"application/hwp+zip", 300), declared=19), *hwpx_members()]
    path = write_zip(tmp_path / f"폭탄.{kind}", members)
    result = baro("extract", str(path), timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _error_line(result.stderr)
    assert line.startswith(f"baro: 폭탄.{kind}: 문서가 너무 큽니다") and "압축 폭탄 의심" in line


def test_xlsx_declaring_the_whole_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["B2"] = "매출"
    source = tmp_path / "source.xlsx"
    workbook.save(str(source))
    path = tmp_path / "전체.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="B2"/>', b'<dimension ref="A1:XFD1048576"/>')
            copy.writestr(info, data)
    result = baro("extract", str(path), timeout=CLI_SECONDS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["[시트 'Sheet' B2:B2] 매출"]


def test_text_with_bad_bytes_and_terminal_codes(tmp_path: Path) -> None:
    path = tmp_path / "로그.txt"
    body = ("\x1b[32m정상\x1b[0m 처리된 요청입니다.\n" * 30).encode()
    path.write_bytes(body[:100] + b"\xff\xfe" + body[100:])
    result = baro("extract", str(path), timeout=CLI_SECONDS)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "정상 처리된 요청입니다." in result.stdout
    assert _error_line(result.stderr) == (
        "baro: 로그.txt: 읽을 수 없는 글자 2개를 �(대체 문자)로 바꾸어 읽었습니다 (utf-8 인코딩으로 판단)."
    )


@pytest.mark.slow
def test_summarize_passes_on_the_unreadable_characters_notice(tmp_path: Path) -> None:
    path = tmp_path / "공지.txt"
    body = "다음 주 월요일에 정기 점검이 있습니다. 점검 시간에는 시스템을 쓸 수 없습니다.\n".encode() * 20
    path.write_bytes(body[:50] + b"\xff" + body[50:])
    result = baro("summarize", str(path), timeout=CLI_SECONDS * 4)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "대체 문자" in line]
    assert notices == [
        "baro: 공지.txt: 읽을 수 없는 글자 1개를 �(대체 문자)로 바꾸어 읽었습니다 (utf-8 인코딩으로 판단)."
    ]
