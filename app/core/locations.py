"""Where a piece of text came from inside a document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A human-readable place in a document.

    Only the fields that make sense for the format are set: ``page`` for PDF, ``section`` and
    ``paragraph`` for HWP/HWPX/DOCX, ``slide`` for PPTX, ``sheet`` and ``cell_range`` for XLSX,
    ``line`` for plain text.
    """

    page: int | None = None
    section: int | None = None
    paragraph: int | None = None
    slide: int | None = None
    sheet: str | None = None
    cell_range: str | None = None
    line: int | None = None
    ocr: bool | None = None
    """True for text read by 글자 인식 (OCR) from a scanned page: it may hold misread characters."""

    def label(self) -> str:
        """Korean label such as ``12쪽`` or ``1구역 3문단``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"{self.page}쪽")
        if self.slide is not None:
            parts.append(f"슬라이드 {self.slide}")
        if self.sheet is not None:
            parts.append(f"시트 '{self.sheet}'")
        if self.cell_range is not None:
            parts.append(self.cell_range)
        if self.section is not None:
            parts.append(f"{self.section}구역")
        if self.paragraph is not None:
            parts.append(f"{self.paragraph}문단")
        if self.line is not None:
            parts.append(f"{self.line}행")
        if self.ocr:
            parts.append("(OCR 인식 글자)")
        return " ".join(parts)

    def to_dict(self) -> dict[str, int | str]:
        return {k: v for k, v in self.__dict__.items() if v is not None}
