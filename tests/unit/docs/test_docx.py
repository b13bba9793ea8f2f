from __future__ import annotations

from pathlib import Path

from app.core.document import BlockKind
from app.core.locations import Location
from app.docs import read_in_process
from tests.unit.docs.docxgen import build_docx


def test_docx_body_tables_headers_footers_and_footnotes(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "report.docx", footnote="각주: 출처는 통계청입니다.")
    document = read_in_process(path)
    assert document.title == "분기 보고서"
    assert document.format == "docx"
    blocks = [(b.kind, b.text, b.location) for b in document.blocks]
    assert blocks == [
        (BlockKind.HEADER, "머리말: 대외비", Location(section=1)),
        (BlockKind.HEADING, "1. 개요", Location(section=1, paragraph=1)),
        (BlockKind.PARAGRAPH, "올해 매출은 작년보다 12% 늘었습니다.", Location(section=1, paragraph=2)),
        (BlockKind.LIST_ITEM, "첫째 항목", Location(section=1, paragraph=3)),
        (BlockKind.TABLE_ROW, "부서 | 인원 | 예산", Location(section=1, paragraph=4)),
        (BlockKind.TABLE_ROW, "총무과 | 12 | 3억 원", Location(section=1, paragraph=5)),
        (BlockKind.PARAGRAPH, "표 다음 문단입니다.", Location(section=1, paragraph=6)),
        (BlockKind.FOOTER, "꼬리말: 1쪽", Location(section=1)),
        (BlockKind.HEADER, "둘째 구역 머리말", Location(section=2)),
        (BlockKind.PARAGRAPH, "둘째 구역의 첫 문단입니다.", Location(section=2, paragraph=1)),
        (BlockKind.FOOTNOTE, "각주: 출처는 통계청입니다.", Location(section=1, paragraph=2)),
    ]


def test_docx_renamed_zip_is_still_read_as_docx(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "report.docx")
    renamed = path.rename(tmp_path / "report.zip")
    assert read_in_process(renamed).format == "docx"
