"""Baro's one .docx writer (python-docx): 맑은 고딕 for Hangul in every style and run, saved atomically.

``WordWriter`` is the building block (paragraphs of styled runs); ``docx_bytes`` writes a draft's ``Layout``
with it, and the summary export (``app.tasks.summary_export``) writes its checked sentences with it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from app.core.atomic_file import write_bytes_atomically
from app.text.korean_format import Layout, Role
from app.text.korean_format.layout import Align

FONT = "맑은 고딕"
INDENT_STEP = Pt(11)  # 2타: one Hangul syllable at the body size
WARNING_RED = "B01E1E"
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "List Number")
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph in one look."""

    text: str
    bold: bool = False
    superscript: bool = False
    color: str = ""
    """RRGGBB, e.g. ``WARNING_RED``; "" for the style's colour."""


class WordWriter:
    """A Word document built paragraph by paragraph, in memory until ``save``."""

    def __init__(self, title: str = "", *, body_points: float = 11) -> None:
        self._document: Any = new_document()
        for name in STYLES:
            _korean_font(self._document.styles[name])
        self._document.styles["Normal"].font.size = Pt(body_points)
        self._document.core_properties.title = title

    def paragraph(self, *runs: Run | str, style: str | None = None, align: Align = "left", level: int = 1) -> None:
        """One paragraph; ``level`` above 1 indents it 2타 a level (an item under an item)."""
        out = self._document.add_paragraph(style=style)
        for run in runs:
            piece = Run(run) if isinstance(run, str) else run
            added = out.add_run(piece.text)
            added.bold = piece.bold or None
            added.font.superscript = piece.superscript or None
            if piece.color:
                added.font.color.rgb = RGBColor.from_string(piece.color)
            _korean_font(added)
        out.alignment = _ALIGN[align]
        if level > 1:
            out.paragraph_format.left_indent = INDENT_STEP * (level - 1)

    def to_bytes(self) -> bytes:
        package = io.BytesIO()
        self._document.save(package)
        return package.getvalue()

    def save(self, path: Path) -> Path:
        """Save atomically: the package is built in memory, so a full disk never leaves half a zip behind."""
        return write_bytes_atomically(path, self.to_bytes())


def write_docx(layout: Layout, path: Path) -> Path:
    return write_bytes_atomically(path, docx_bytes(layout))


def docx_bytes(layout: Layout) -> bytes:
    writer = WordWriter(layout.title)
    paragraphs = list(layout.paragraphs)
    while paragraphs and paragraphs[-1].role is Role.BLANK:
        paragraphs.pop()
    for paragraph in paragraphs:
        style = {Role.TITLE: "Title", Role.HEADING: "Heading 1"}.get(paragraph.role)
        text = "" if paragraph.role is Role.BLANK else paragraph.text
        level = paragraph.level if paragraph.role is Role.ITEM else 1
        writer.paragraph(*([text] if text else []), style=style, align=paragraph.align, level=level)
    return writer.to_bytes()


def _korean_font(styled: Any) -> None:
    """A style or a run: Latin and Hangul both in ``FONT`` (Word otherwise picks its East Asian default)."""
    styled.font.name = FONT
    fonts = styled.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
