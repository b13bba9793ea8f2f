"""A finished draft as structured paragraphs: what the exporters (.md, .docx, .hwpx) lay out.

The plain text of a layout is exactly the text the user sees and copies; the writers add styles
(title size, alignment, indentation) from each paragraph's role and level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from app.core.events import SentenceVerdict
from app.text.korean_format.numbering import indent

Align = Literal["left", "center", "right"]
SupportLabel = Literal["supported", "partial", "unsupported"]


class Role(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    FIELD = "field"
    """A labelled header line: 수신, 경유, 제목, 일시 …"""
    BODY = "body"
    ITEM = "item"
    """A numbered or bulleted line; its ``level`` sets the indentation."""
    META = "meta"
    """Dates, the writer's department, the press release header."""
    SIGNATURE = "signature"
    BLANK = "blank"


@dataclass
class Paragraph:
    text: str
    role: Role = Role.BODY
    level: int = 1
    align: Align = "left"
    notes: list[SentenceVerdict] = field(default_factory=list)
    """Each checked sentence, its ``start``/``end`` offsets into ``text``, its ``source`` a reference number."""

    @property
    def line(self) -> str:
        """The paragraph as one line of plain text (items indented 2타 per level)."""
        if self.role is Role.BLANK:
            return ""
        return indent(self.level) + self.text if self.role is Role.ITEM else self.text


@dataclass(frozen=True)
class Reference:
    number: int
    name: str
    path: str


@dataclass
class Layout:
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def add(self, text: str, role: Role = Role.BODY, *, level: int = 1, align: Align = "left") -> Paragraph:
        paragraph = Paragraph(text, role, level, align)
        self.paragraphs.append(paragraph)
        return paragraph

    def blank(self) -> None:
        if self.paragraphs and self.paragraphs[-1].role is not Role.BLANK:
            self.paragraphs.append(Paragraph("", Role.BLANK))

    @property
    def text(self) -> str:
        paragraphs = list(self.paragraphs)
        while paragraphs and paragraphs[-1].role is Role.BLANK:
            paragraphs.pop()
        return "\n".join(p.line for p in paragraphs)


def layout_from_text(text: str, title: str = "") -> Layout:
    """A layout for text the user edited by hand: indentation and markers make items, the first line the title."""
    from app.text.korean_format.numbering import INDENT_UNIT, parse_marker

    layout = Layout(title)
    for number, raw in enumerate(text.splitlines()):
        if not raw.strip():
            layout.blank()
            continue
        spaces = len(raw) - len(raw.lstrip(" "))
        stripped = raw.strip()
        if number == 0 and not title:
            layout.title = stripped
            layout.add(stripped, Role.TITLE, align="center")
        elif (parse_marker(stripped) is not None and not stripped.startswith("#")) or spaces:
            layout.add(stripped, Role.ITEM, level=spaces // len(INDENT_UNIT) + 1)
        else:
            layout.add(stripped)
    return layout
