"""Write a draft as .docx (python-docx): 맑은 고딕 for Hangul, title and heading styles, item indents."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from app.core.atomic_file import write_bytes_atomically
from app.text.korean_format import Layout, Role

FONT = "맑은 고딕"
BODY_SIZE = Pt(11)
INDENT_STEP = Pt(11)  # 2타: one Hangul syllable at the body size
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def write_docx(layout: Layout, path: Path) -> Path:
    """Save atomically: the package is built in memory, so a full disk never leaves half a zip behind."""
    return write_bytes_atomically(path, docx_bytes(layout))


def docx_bytes(layout: Layout) -> bytes:
    document: Any = new_document()
    for name in ("Normal", "Title", "Heading 1"):
        _korean_font(document.styles[name])
    document.styles["Normal"].font.size = BODY_SIZE
    document.core_properties.title = layout.title
    paragraphs = list(layout.paragraphs)
    while paragraphs and paragraphs[-1].role is Role.BLANK:
        paragraphs.pop()
    for paragraph in paragraphs:
        if paragraph.role is Role.TITLE:
            out = document.add_paragraph(paragraph.text, style="Title")
        elif paragraph.role is Role.HEADING:
            out = document.add_paragraph(paragraph.text, style="Heading 1")
        else:
            out = document.add_paragraph("" if paragraph.role is Role.BLANK else paragraph.text)
        out.alignment = _ALIGN[paragraph.align]
        if paragraph.role is Role.ITEM and paragraph.level > 1:
            out.paragraph_format.left_indent = INDENT_STEP * (paragraph.level - 1)
    package = io.BytesIO()
    document.save(package)
    return package.getvalue()


def _korean_font(style: Any) -> None:
    style.font.name = FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
