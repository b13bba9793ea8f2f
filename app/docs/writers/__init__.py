"""Exporters for drafts: .md, .txt, .docx and .hwpx from one ``Layout``."""

from __future__ import annotations

from pathlib import Path

from app.core.atomic_file import probe_folder, write_text_atomically
from app.core.errors import BaroError, os_error_reason
from app.docs.writers.docx import write_docx
from app.docs.writers.hwpx import write_hwpx
from app.docs.writers.markdown import layout_markdown, write_markdown
from app.text.korean_format import Layout

EXPORT_SUFFIXES = (".hwpx", ".docx", ".md", ".txt")


class ExportError(BaroError):
    pass


def export_layout(layout: Layout, path: Path | str) -> Path:
    """Write ``layout`` to ``path`` in the format its suffix names, atomically: a failed save leaves the old file.

    Raises ``ExportError`` (or ``SaveFailed`` for a disk error), each with the file name.
    """
    path = Path(path)
    check_export_target(path)
    suffix = path.suffix.lower()
    if suffix == ".hwpx":
        return write_hwpx(layout, path)
    if suffix == ".docx":
        return write_docx(layout, path)
    if suffix == ".md":
        return write_markdown(layout, path)
    return write_text_atomically(path, layout.text + "\n")


def check_export_target(path: Path) -> None:
    """Refuse a target that cannot be saved before any work is spent on it (format, folder, permission)."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ExportError(f"{path.name}: 저장할 수 없는 형식입니다. {', '.join(EXPORT_SUFFIXES)} 중에서 골라 주세요.")
    if path.is_dir():
        raise ExportError(f"{path.name}: 같은 이름의 폴더가 있습니다. 다른 파일 이름을 골라 주세요.", path=path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{path.name}: 저장할 폴더({folder})가 없습니다. 폴더를 확인해 주세요.", path=path)
    try:
        probe_folder(path)
    except OSError as err:
        raise ExportError(
            f"{path.name}: 이 폴더({folder})에 저장할 수 없습니다 ({os_error_reason(err)}). 다른 폴더를 골라 주세요.",
            path=path,
        ) from None


__all__ = [
    "EXPORT_SUFFIXES",
    "ExportError",
    "check_export_target",
    "export_layout",
    "layout_markdown",
    "write_docx",
    "write_hwpx",
    "write_markdown",
]
