"""Every HWP and HWPX file in the shared corpus yields its text or a specific, clear error."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import olefile
import pytest

from app.core.document import BlockKind
from app.core.errors import DistributionOnlyDocument, DocumentError, EmptyDocument
from app.docs import read_in_process

pytestmark = pytest.mark.corpus

# Files whose preview text (and body) is empty in the original: only shapes, empty tables or fields.
EMPTY = {
    "basic-blank.hwp", "basic-ole.hwp", "blank.hwp", "changing-image.hwp", "inserting_image_cell.hwp",
    "making_caption.hwp", "removing-row.hwp", "setting-celltext-by-field.hwp",
    "error-20240305-2022.hwpx", "reader_writer-PageSize_Margin.hwpx", "reader_writer-SimpleButtons.hwpx",
    "reader_writer-SimpleComboBox.hwpx", "reader_writer-SimpleCompose.hwpx",
    "reader_writer-SimpleConnectLine.hwpx", "reader_writer-SimpleContainer.hwpx",
    "reader_writer-SimpleCurve.hwpx", "reader_writer-SimpleEdit.hwpx", "reader_writer-SimpleEllipse.hwpx",
    "reader_writer-SimpleEquation.hwpx", "reader_writer-SimpleLine.hwpx", "reader_writer-SimpleOLE.hwpx",
    "reader_writer-SimplePicture.hwpx", "reader_writer-SimplePolygon.hwpx",
    "reader_writer-SimpleVideo.hwpx", "tool-blank.hwpx",
}  # fmt: skip

# Checked by hand against the files (PrvText previews and `unzip -p ... Contents/section0.xml`).
EXPECTED = {
    "merging-cell.hwp": ["0,0 | 0,1 | 0,2 | 0,3 | 0,4 | 0,5 | 0,6", "6,0 | 6,1 | 6,2 | 6,3 | 6,4 | 6,5 | 6,6"],
    "source.hwp": ["이것은 원본 HWP 파일의 내용입니다.", "ABC | 123"],
    "changing-paragraph-text.hwp": ["안녕하세요.", "이것은 샘플입니다."],
    "target.hwp": ["이것은 Target HWP의 문단 내용입니다."],
    "setting-fields.hwp": ["필드1 : 이곳을 마우스로 누르고 내용을 입력하세요."],
    "tool-textextractor-Table.hwpx": ["C반 기말고사", "이름 | 국어 | 영어 | 수학", "개똥이 | 89 | 65 | 78"],
    "error-20230413-test.hwpx": ["서울특별시 강남구 공고 제2023-745호"],
    "reader_writer-SimpleDutmal.hwpx": ["테스트_본말(테스트_닷말)"],
    "tool-textextractor-RectInRect.hwpx": ["사각형 안에 텍스트입니다.", "사각형 안에 사각형의 텍스트입니다."],
}


def _files(corpus: Path) -> list[Path]:
    return sorted([*corpus.glob("hwp/*.hwp"), *corpus.glob("hwpx/*.hwpx")])


def test_every_file_gives_text_or_a_specific_error(corpus: Path) -> None:
    files = _files(corpus)
    assert len(files) >= 60
    for path in files:
        if path.name == "distribution.hwp":
            with pytest.raises(DistributionOnlyDocument, match="배포용"):
                read_in_process(path)
        elif path.name in EMPTY:
            with pytest.raises(EmptyDocument):
                read_in_process(path)
        else:
            document = read_in_process(path)
            assert document.text.strip(), path.name
            for line in EXPECTED.get(path.name, []):
                assert line in document.text.splitlines(), (path.name, line)


def _preview(path: Path) -> str:
    if path.suffix == ".hwpx":
        with zipfile.ZipFile(path) as archive:
            if "Preview/PrvText.txt" not in archive.namelist():
                return ""
            data = archive.read("Preview/PrvText.txt")
    else:
        with olefile.OleFileIO(str(path)) as ole:
            data = ole.openstream("PrvText").read() if ole.exists("PrvText") else b""
    if b"\x00" not in data:  # HWPX previews are UTF-8 in newer files and UTF-16 in older ones
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return data.decode("utf-16-le", errors="replace")


def test_text_agrees_with_the_files_own_preview(corpus: Path) -> None:
    """Hancom stores a plain-text preview of the first page; every word of it must be in our text."""
    checked = 0
    for path in _files(corpus):
        if path.name in EMPTY or path.name == "distribution.hwp":
            continue
        words = re.split(r"[\s<>]+", _preview(path))[:-1]  # the preview may cut the last word
        ours = re.sub(r"\s+", " ", read_in_process(path).text)
        missing = [w for w in words if w and w not in ours]
        assert not missing, (path.name, missing[:5])
        checked += bool(words)
    assert checked >= 25


def test_headers_footers_and_locations(corpus: Path) -> None:
    document = read_in_process(corpus / "hwpx" / "reader_writer-HeaderFooter.hwpx")
    kinds = {(b.kind, b.text) for b in document.blocks}
    assert {(BlockKind.HEADER, "머리말 테스트"), (BlockKind.FOOTER, "꼬리말")} <= kinds
    table = read_in_process(corpus / "hwp" / "merging-cell.hwp")
    assert all(b.location.section == 1 and b.location.paragraph for b in table.blocks)


def test_korean_pdf_paper(corpus: Path) -> None:
    document = read_in_process(corpus / "pdf" / "korquad2-paper-hclt2019.pdf")
    assert len({b.location.page for b in document.blocks}) == 6
    assert "웹문서 기계독해를 위한 한국어 질의응답" in document.text


def test_errors_are_document_errors(corpus: Path) -> None:
    assert issubclass(DistributionOnlyDocument, DocumentError)
