from __future__ import annotations

import argparse
import json
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from pptx.util import Inches

from app.cli import cmd_extract
from app.core.document import BlockKind
from app.core.locations import Location
from app.docs import read_in_process


def test_pptx_slides_tables_and_notes(tmp_path: Path) -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "상반기 실적"
    slide.placeholders[1].text = "매출이 늘었습니다"
    slide.notes_slide.notes_text_frame.text = "발표자 메모"
    second = presentation.slides.add_slide(presentation.slide_layouts[5])
    table = second.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1)).table
    for r, row in enumerate([["지역", "매출"], ["서울", "10억"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "deck.pptx"
    presentation.save(str(path))
    blocks = [(b.kind, b.text, b.location.slide) for b in read_in_process(path).blocks]
    assert (BlockKind.HEADING, "상반기 실적", 1) in blocks
    assert (BlockKind.PARAGRAPH, "매출이 늘었습니다", 1) in blocks
    assert (BlockKind.FOOTNOTE, "발표자 메모", 1) in blocks
    assert (BlockKind.TABLE_ROW, "서울 | 10억", 2) in blocks


def test_xlsx_rows_with_sheet_and_range(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "예산"
    sheet.append(["부서", "금액"])
    sheet.append([])
    sheet.append(["총무과", 300])
    path = tmp_path / "budget.xlsx"
    workbook.save(str(path))
    blocks = [(b.text, b.location) for b in read_in_process(path).blocks]
    assert blocks == [
        ("부서 | 금액", Location(sheet="예산", cell_range="A1:B1")),
        ("총무과 | 300", Location(sheet="예산", cell_range="A3:B3")),
    ]


def test_html_blocks_tables_and_skipped_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>공지</title><script>var x = '숨김';</script></head><body>\n"
        "<h1>안내</h1>\n<p>내일은 <b>휴무</b>입니다.</p>\n<ul><li>첫째</li></ul>\n"
        "<table><tr><td>요일</td><td>시간</td></tr></table></body></html>",
        encoding="cp949",
    )
    document = read_in_process(path)
    assert document.title == "공지"
    assert [(b.kind, b.text, b.location.line) for b in document.blocks] == [
        (BlockKind.HEADING, "안내", 2),
        (BlockKind.PARAGRAPH, "내일은 휴무입니다.", 3),
        (BlockKind.LIST_ITEM, "첫째", 4),
        (BlockKind.TABLE_ROW, "요일 | 시간", 5),
    ]


def test_cli_extract_prints_text_with_locations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("첫 줄\n\n둘째 문단", encoding="utf-8")
    assert cmd_extract.run(argparse.Namespace(file=path, json=False, timeout=None)) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["[1행] 첫 줄", "[3행] 둘째 문단"]
    assert cmd_extract.run(argparse.Namespace(file=path, json=True, timeout=None)) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["blocks"][1] == {"text": "둘째 문단", "kind": "paragraph", "location": {"line": 3}}
