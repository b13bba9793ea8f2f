"""Exporters for drafts: .md, .txt, .docx and .hwpx from one ``Layout``."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import BaroError
from app.docs.writers.docx import write_docx
from app.docs.writers.hwpx import write_hwpx
from app.docs.writers.markdown import layout_markdown, write_markdown
from app.text.korean_format import Layout

EXPORT_SUFFIXES = (".hwpx", ".docx", ".md", ".txt")


class ExportError(BaroError):
    pass


def export_layout(layout: Layout, path: Path | str) -> Path:
    """Write ``layout`` to ``path`` in the format its suffix names; raises ``ExportError`` with the file name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ExportError(f"{path.name}: 저장할 수 없는 형식입니다. {', '.join(EXPORT_SUFFIXES)} 중에서 골라 주세요.")
    if not path.parent.is_dir():
        raise ExportError(f"{path.name}: 저장할 폴더({path.parent})가 없습니다. 폴더를 확인해 주세요.", path=path)
    try:
        if suffix == ".hwpx":
            return write_hwpx(layout, path)
        if suffix == ".docx":
            return write_docx(layout, path)
        if suffix == ".md":
            return write_markdown(layout, path)
        path.write_text(layout.text + "\n", encoding="utf-8")
        return path
    except OSError as err:
        raise ExportError(
            f"{path.name}: 저장하지 못했습니다 ({err.strerror or type(err).__name__}). 권한과 남은 공간을 확인해 주세요.",
            path=path,
        ) from err


__all__ = [
    "EXPORT_SUFFIXES",
    "ExportError",
    "export_layout",
    "layout_markdown",
    "write_docx",
    "write_hwpx",
    "write_markdown",
]
