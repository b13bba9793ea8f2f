"""Hostile files from issue 20: lying zip bombs, a declared giant sheet, bombs that meet the memory cap.

Each is made here, streamed so this process stays small; the reader child's peak memory is read from
/proc by the parent, on a fresh child per test.
"""

from __future__ import annotations

import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from app.core.errors import DocumentOutOfMemory, DocumentTooLarge
from app.docs import Limits, ReaderProcess, read_in_process
from app.docs.zipstream import MemberOverflow, member_chunks
from tests.unit.docs.docxgen import build_docx
from tests.unit.docs.hwpxgen import section_xml
from tests.unit.docs.zipgen import MB, Member, hwpx_members, write_zip, zeros

pytestmark = pytest.mark.timeout(120)
BOMB_MB = 300
"""Big enough that inflating it whole shows in the child's peak memory, small enough to build quickly."""
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def fresh_reader() -> Iterator[ReaderProcess]:
    process = ReaderProcess()
    process.start()
    yield process
    process.stop()


def peak_mb(pid: int) -> float:
    """The child's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def _lying_docx(path: Path) -> Path:
    return write_zip(
        path,
        [
            Member("[Content_Types].xml", [b"<Types/>"]),
            Member("word/document.xml", zeros(b"<w:document>", BOMB_MB), declared=1000),
        ],
    )


def test_the_counting_reader_stops_at_the_declared_size(tmp_path: Path) -> None:
    path = _lying_docx(tmp_path / "liar.docx")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    produced = 0
    with path.open("rb") as handle, pytest.raises(MemberOverflow):
        for chunk in member_chunks(handle, info):
            produced += len(chunk)
    assert produced <= 1000


@linux_only
def test_a_docx_member_that_lies_about_its_size(fresh_reader: ReaderProcess, tmp_path: Path) -> None:
    path = _lying_docx(tmp_path / "liar.docx")
    assert path.stat().st_size < BOMB_MB * MB // 500
    with pytest.raises(DocumentTooLarge, match=r"liar\.docx.*word/document\.xml.*압축 폭탄"):
        fresh_reader.read(path)
    assert fresh_reader.pid is not None
    assert peak_mb(fresh_reader.pid) < BOMB_MB / 2


@linux_only
def test_an_hwpx_whose_mimetype_lies(fresh_reader: ReaderProcess, tmp_path: Path) -> None:
    mimetype = Member("mimetype", zeros(b"application/hwp+zip", BOMB_MB), declared=19)
    path = write_zip(tmp_path / "liar.hwpx", [mimetype, *hwpx_members()])
    with pytest.raises(DocumentTooLarge, match=r"liar\.hwpx.*mimetype.*압축 폭탄"):
        fresh_reader.read(path)
    assert fresh_reader.pid is not None
    assert peak_mb(fresh_reader.pid) < BOMB_MB / 2


@linux_only
def test_an_honest_giant_mimetype_is_refused_before_it_is_read(fresh_reader: ReaderProcess, tmp_path: Path) -> None:
    mimetype = Member("mimetype", zeros(b"application/hwp+zip", BOMB_MB))
    path = write_zip(tmp_path / "giant.hwpx", [mimetype, *hwpx_members()])
    with pytest.raises(DocumentTooLarge, match=r"giant\.hwpx.*mimetype의 압축률"):
        fresh_reader.read(path)
    assert fresh_reader.pid is not None
    assert peak_mb(fresh_reader.pid) < BOMB_MB / 2


@linux_only
def test_the_reader_child_has_an_address_space_cap(fresh_reader: ReaderProcess) -> None:
    limits = Path(f"/proc/{fresh_reader.pid}/limits").read_text()
    line = next(line for line in limits.splitlines() if line.startswith("Max address space"))
    assert int(line.split()[3]) == Limits().max_memory_bytes == 1024 * MB


def _big_hwpx(path: Path, paragraphs: int) -> Path:
    """An honest HWPX (ordinary compression ratio) whose one section takes far more memory to parse."""

    def section() -> Iterator[bytes]:
        head, _, tail = section_xml(["@"]).partition("<hp:p")
        paragraph = "<hp:p" + tail[: tail.index("</hp:p>") + len("</hp:p>")]
        yield head.encode()
        for start in range(0, paragraphs, 10_000):
            yield "".join(paragraph.replace("@", f"{n}번 문단") for n in range(start, start + 10_000)).encode()
        yield tail[tail.index("</hp:p>") + len("</hp:p>") :].encode()

    mimetype = Member("mimetype", [b"application/hwp+zip"])
    return write_zip(path, [mimetype, Member("Contents/section0.xml", section())])


@linux_only
def test_a_document_beyond_the_memory_cap_is_a_clear_error(tmp_path: Path) -> None:
    path = _big_hwpx(tmp_path / "huge.hwpx", 300_000)
    reader = ReaderProcess(Limits(max_memory_bytes=200 * MB))
    try:
        with pytest.raises(DocumentOutOfMemory, match=r"huge\.hwpx: 문서가 너무 커서 읽을 수 없습니다 \(메모리 한도\)"):
            reader.read(path)
        assert reader.pid is not None, "the child survives its MemoryError"
        assert peak_mb(reader.pid) < 200
        memo = tmp_path / "memo.txt"
        memo.write_text("다음 파일은 읽힙니다.", encoding="utf-8")
        assert reader.read(memo).text == "다음 파일은 읽힙니다."
    finally:
        reader.stop()


def test_xlsx_declaring_the_whole_sheet_reads_only_its_cells(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "표"
    sheet["A1"] = "제목"
    sheet["C5"] = 42
    sheet["XFD7"] = "끝 열"
    source = tmp_path / "source.xlsx"
    workbook.save(str(source))
    path = tmp_path / "declared.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:XFD7"/>' in data
                data = data.replace(b'<dimension ref="A1:XFD7"/>', b'<dimension ref="A1:XFD1048576"/>')
            copy.writestr(info, data)
    blocks = [(b.text, b.location.cell_range) for b in read_in_process(path).blocks]
    assert blocks == [("제목", "A1:A1"), ("42", "C5:C5"), ("끝 열", "XFD7:XFD7")]


def test_a_damaged_member_no_reader_needs_does_not_sink_the_file(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "report.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("customXml/unused.xml", "<unused>" + "데이터 " * 2000 + "</unused>")
        info = archive.getinfo("customXml/unused.xml")
    with path.open("r+b") as handle:  # overwrite the start of its deflate stream with an invalid block
        handle.seek(info.header_offset + 30 + len(info.filename))
        handle.write(b"\xff" * 64)
    with zipfile.ZipFile(path) as archive, pytest.raises(zlib.error):
        archive.read("customXml/unused.xml")
    assert read_in_process(path).text == read_in_process(build_docx(tmp_path / "clean.docx")).text
