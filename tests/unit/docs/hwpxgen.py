"""Minimal HWPX (OWPML) files for tests and benchmarks: paragraphs, one table, a manifest spine."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"'
CONTENT_HPF = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:metadata><opf:title>{title}</opf:title>'
    "</opf:metadata><opf:manifest>{items}</opf:manifest><opf:spine>{refs}</opf:spine></opf:package>"
)


def _paragraph(text: str) -> str:
    return f'<hp:p><hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t></hp:run></hp:p>'


def _table(rows: list[list[str]]) -> str:
    body = "".join(
        "<hp:tr>" + "".join(f"<hp:tc><hp:subList>{_paragraph(cell)}</hp:subList></hp:tc>" for cell in row) + "</hp:tr>"
        for row in rows
    )
    return f'<hp:p><hp:run charPrIDRef="0"><hp:tbl rowCnt="{len(rows)}">{body}</hp:tbl><hp:t/></hp:run></hp:p>'


def section_xml(paragraphs: list[str], table: list[list[str]] | None = None) -> str:
    body = "".join(_paragraph(p) for p in paragraphs) + (_table(table) if table else "")
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{body}</hs:sec>'


def build_hwpx(path: Path, sections: list[str], *, title: str = "") -> Path:
    """``sections`` are section XML strings, stored as Contents/section0.xml, section1.xml, ..."""
    items = "".join(f'<opf:item id="s{i}" href="Contents/section{i}.xml"/>' for i in range(len(sections)))
    refs = "".join(f'<opf:itemref idref="s{i}"/>' for i in range(len(sections)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        archive.writestr("Contents/content.hpf", CONTENT_HPF.format(title=escape(title), items=items, refs=refs))
        for index, xml in enumerate(sections):
            archive.writestr(f"Contents/section{index}.xml", xml)
    return path


def long_hwpx(path: Path, paragraphs: int) -> Path:
    sentence = "바로는 내 컴퓨터에서만 도는 한국어 업무 도우미입니다. 보고서와 공문을 빠르게 읽습니다."
    lines = [f"{n + 1}번째 문단: {sentence}" for n in range(paragraphs)]
    return build_hwpx(path, [section_xml(lines, [["항목", "값"], ["인원", "12명"]])], title="긴 문서")
