"""The one shape every reader returns: a title, a format, and ordered blocks with locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.core.locations import Location


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    TABLE_CELL = "table_cell"
    TABLE_ROW = "table_row"
    LIST_ITEM = "list_item"
    FOOTNOTE = "footnote"
    HEADER = "header"
    FOOTER = "footer"


@dataclass(frozen=True)
class Block:
    text: str
    location: Location
    kind: BlockKind = BlockKind.PARAGRAPH


@dataclass
class Document:
    path: Path
    title: str
    format: str
    """Lower-case format name: pdf, docx, hwp, hwpx, txt, md, html, pptx, xlsx."""
    blocks: list[Block] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """What the user should know about how the file was read (Korean, one line each), e.g. unreadable
    characters that were replaced."""

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.text.strip())

    @property
    def char_count(self) -> int:
        return sum(len(b.text) for b in self.blocks)
