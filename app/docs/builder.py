"""Collects blocks for one document, counting characters against the budget."""

from __future__ import annotations

import re

from app.core.document import Block, BlockKind, Document
from app.core.locations import Location
from app.docs.context import ReadContext
from app.docs.title import choose_title

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \u00a0\u3000]+")

CELL_SEPARATOR = " | "


def clean_text(text: str) -> str:
    """Drop control characters and collapse runs of spaces; keep tabs and line breaks."""
    text = _CONTROL_CHARS.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.splitlines()).strip()


def row_text(cells: list[str]) -> str:
    """One table row as readable text: cells in order, separated, line breaks inside a cell flattened."""
    return CELL_SEPARATOR.join(" ".join(cell.split()) for cell in cells)


class DocumentBuilder:
    def __init__(self, ctx: ReadContext, format_name: str) -> None:
        self.ctx = ctx
        self.format = format_name
        self.blocks: list[Block] = []
        self.notices: list[str] = []
        self.title = ""

    def add(self, text: str, location: Location, kind: BlockKind = BlockKind.PARAGRAPH) -> bool:
        """Add one block if it has visible text; returns whether it was added."""
        text = clean_text(text)
        if not text:
            return False
        self.ctx.count_chars(text)
        self.blocks.append(Block(text=text, location=location, kind=kind))
        return True

    def add_row(self, cells: list[str], location: Location) -> bool:
        if not any(clean_text(c) for c in cells):
            return False
        return self.add(row_text([clean_text(c) for c in cells]), location, BlockKind.TABLE_ROW)

    def build(self) -> Document:
        # Metadata titles are often a template's or a file's name: the first page's heading then wins.
        title = choose_title(clean_text(self.title), self.blocks, self.ctx.path, self.format)
        return Document(path=self.ctx.path, title=title, format=self.format, blocks=self.blocks, notices=self.notices)
