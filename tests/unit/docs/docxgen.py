"""DOCX files for tests, made with python-docx plus a hand-added footnotes part."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
FOOTNOTE_REL = (
    '<Relationship Id="rIdBaroFn" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
    'Target="footnotes.xml"/>'
)
FOOTNOTE_TYPE = (
    '<Override PartName="/word/footnotes.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)
FOOTNOTE_REF = '<w:r><w:footnoteReference w:id="1"/></w:r>'


def build_docx(path: Path, *, footnote: str | None = None, paragraphs: int = 0) -> Path:
    document = docx.Document()
    document.core_properties.title = "분기 보고서"
    document.sections[0].header.paragraphs[0].text = "머리말: 대외비"
    document.sections[0].footer.paragraphs[0].text = "꼬리말: 1쪽"
    document.add_heading("1. 개요", level=1)
    document.add_paragraph("올해 매출은 작년보다 12% 늘었습니다.")
    document.add_paragraph("첫째 항목", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["부서", "인원", "예산"], ["총무과", "12", "3억 원"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("표 다음 문단입니다.")
    new_section = document.add_section()
    new_section.header.is_linked_to_previous = False
    new_section.header.paragraphs[0].text = "둘째 구역 머리말"
    document.add_paragraph("둘째 구역의 첫 문단입니다.")
    for index in range(paragraphs):
        document.add_paragraph(f"{index + 1}번째 긴 문단: 바로는 한국어 문서를 빠르게 읽고 요약합니다.")
    document.save(str(path))
    if footnote is not None:
        _add_footnote(path, footnote)
    return path


def _add_footnote(path: Path, text: str) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = parts["word/document.xml"].decode()
    marker = "올해 매출은 작년보다 12% 늘었습니다.</w:t></w:r>"
    parts["word/document.xml"] = body.replace(marker, marker + FOOTNOTE_REF, 1).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", FOOTNOTE_REL + "</Relationships>").encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", FOOTNOTE_TYPE + "</Types>").encode()
    parts["word/footnotes.xml"] = FOOTNOTES_XML.format(text=text).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
