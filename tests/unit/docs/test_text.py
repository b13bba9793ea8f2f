from __future__ import annotations

from pathlib import Path

import pytest

from app.core.document import BlockKind
from app.core.errors import UnsupportedFormat
from app.docs import read_in_process

KOREAN = "안녕하세요. 바로는 한국어 업무 도우미입니다.\n둘째 줄입니다.\n\n새 문단은 여기서 시작합니다."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp949", "euc-kr"])
def test_korean_text_in_every_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(KOREAN.encode(encoding))
    document = read_in_process(path)
    assert document.format == "txt"
    assert document.text == KOREAN.replace("\n\n", "\n")
    assert [b.location.line for b in document.blocks] == [1, 4]


def test_markdown_headings_and_list_items(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# 회의록\n\n참석자는 다음과 같습니다.\n- 김철수\n- 이영희\n", encoding="utf-8")
    document = read_in_process(path)
    assert document.title == "회의록"
    kinds = [(b.kind, b.text, b.location.line) for b in document.blocks]
    assert kinds == [
        (BlockKind.HEADING, "회의록", 1),
        (BlockKind.PARAGRAPH, "참석자는 다음과 같습니다.", 3),
        (BlockKind.LIST_ITEM, "김철수", 4),
        (BlockKind.LIST_ITEM, "이영희", 5),
    ]


def test_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(UnsupportedFormat):
        read_in_process(path)


def test_text_file_named_pdf_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("PDF가 아니라 글자 파일입니다.", encoding="cp949")
    document = read_in_process(path)
    assert document.format == "txt"
    assert document.text == "PDF가 아니라 글자 파일입니다."
