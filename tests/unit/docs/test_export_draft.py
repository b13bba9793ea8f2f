"""Exporters: .hwpx and .docx read back through Baro's own readers to the draft's text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.core.events import SentenceVerdict
from app.docs import read_document
from app.docs.writers import ExportError, export_layout, layout_markdown
from app.text.korean_format import Layout, Reference, Role


def _gongmun() -> Layout:
    layout = Layout("2026년 정보보안 교육 실시 알림")
    layout.add("수신  각 부서장", Role.FIELD)
    layout.add("제목  2026년 정보보안 교육 실시 알림 <안내> & 협조", Role.FIELD)
    layout.blank()
    layout.add("1. 정보보안 교육을 실시합니다.", Role.ITEM)
    layout.add("가. 일시: 2026. 12. 3.(목) 14:00", Role.ITEM, level=2)
    layout.add("1) 준비물: 노트북", Role.ITEM, level=3)
    layout.add("2. 참석 명단을 제출해 주시기 바랍니다.", Role.ITEM)
    layout.blank()
    layout.add("붙임  교육 계획서 1부.  끝.")
    layout.blank()
    layout.add("바로전자 대표이사", Role.SIGNATURE, align="center")
    return layout


def _expected_lines(layout: Layout) -> list[str]:
    return [" ".join(p.text.split()) for p in layout.paragraphs if p.text.strip()]


@pytest.mark.parametrize("suffix", [".hwpx", ".docx"])
def test_export_reads_back_to_the_same_text(tmp_path: Path, suffix: str) -> None:
    layout = _gongmun()
    path = export_layout(layout, tmp_path / f"draft{suffix}")
    document = read_document(path)
    assert [b.text for b in document.blocks] == _expected_lines(layout)


def test_hwpx_is_a_well_formed_owpml_package(tmp_path: Path) -> None:
    path = export_layout(_gongmun(), tmp_path / "draft.hwpx")
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/hwp+zip"
        names = set(archive.namelist())
        assert {"version.xml", "META-INF/container.xml", "Contents/content.hpf", "Contents/header.xml"} <= names
        for name in names - {"mimetype"}:
            etree.fromstring(archive.read(name))  # every part parses
        header = etree.fromstring(archive.read("Contents/header.xml"))
        section = etree.fromstring(archive.read("Contents/section0.xml"))
    hh = "{http://www.hancom.co.kr/hwpml/2011/head}"
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    para_ids = {p.get("id") for p in header.iter(f"{hh}paraPr")}
    char_ids = {c.get("id") for c in header.iter(f"{hh}charPr")}
    assert header.find(f".//{hh}paraProperties").get("itemCnt") == str(len(para_ids))
    for paragraph in section.iter(f"{hp}p"):
        assert paragraph.get("paraPrIDRef") in para_ids
        assert all(run.get("charPrIDRef") in char_ids for run in paragraph.iter(f"{hp}run"))
    first = next(section.iter(f"{hp}p"))
    assert first.find(f"{hp}run/{hp}secPr") is not None  # the page setup rides on the first paragraph
    fonts = {f.get("face") for f in header.iter(f"{hh}font")}
    assert fonts == {"맑은 고딕"}


def test_docx_uses_a_korean_font_and_title_styles(tmp_path: Path) -> None:
    from docx import Document

    layout = Layout("보고서")
    layout.add("정보보안 교육 추진 계획", Role.TITLE, align="center")
    layout.add("□ 추진 배경", Role.ITEM)
    layout.add("○ 사고가 늘어 교육이 필요함", Role.ITEM, level=2)
    document = Document(str(export_layout(layout, tmp_path / "r.docx")))
    assert document.paragraphs[0].style.name == "Title"
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "맑은 고딕"
    assert document.paragraphs[2].paragraph_format.left_indent is not None


def test_markdown_keeps_numbers_literal_and_lists_citations(tmp_path: Path) -> None:
    layout = _gongmun()
    text = layout.paragraphs[3].text
    layout.paragraphs[3].notes = [SentenceVerdict(0, text[3:18], "supported", source=1, start=3, end=18)]
    layout.references = [Reference(1, "계획.hwpx", "/x/계획.hwpx")]
    text = layout_markdown(layout)
    assert "1\\. 정보보안 교육을 실시합니다.[1]  " in text
    assert text.rstrip().endswith("[1] 계획.hwpx")
    export_layout(layout, tmp_path / "d.md")
    assert (tmp_path / "d.md").read_text(encoding="utf-8") == text


def test_export_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"draft\.pdf"):
        export_layout(_gongmun(), tmp_path / "draft.pdf")
    with pytest.raises(ExportError, match="없습니다"):
        export_layout(_gongmun(), tmp_path / "missing" / "draft.hwpx")
