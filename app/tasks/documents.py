"""Reading a user's file for a task: in the sandboxed reader process, within its time budget."""

from __future__ import annotations

from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.docs import read_document, supported_suffixes, use_ocr_cache
from app.store.paths import app_paths


def open_document(path: Path, *, timeout: float | None = None, cancel: CancelToken | None = None) -> Document:
    """``path`` as a ``Document`` with where each block came from; raises ``DocumentError`` or ``Cancelled``.

    ``timeout`` is the reading budget in seconds (default: the reader's own).
    """
    return read_document(path, timeout=timeout, cancel=cancel)


def keep_recognised_pages() -> None:
    """Pages 글자 인식 (OCR) read are kept in Baro's cache folder, so a scan is recognised once, not at every
    summary or index run. Called once at start-up by the window and the command line."""
    use_ocr_cache(app_paths().cache / "ocr")


def is_readable_kind(path: Path) -> bool:
    """Whether Baro has a reader for files named like ``path`` (by suffix; the file is not opened)."""
    return path.suffix.lower() in supported_suffixes()


def file_dialog_patterns() -> str:
    """The kinds Baro reads as a file dialog's filter patterns ("*.docx *.hwp …")."""
    return " ".join(f"*{suffix}" for suffix in sorted(supported_suffixes()))
