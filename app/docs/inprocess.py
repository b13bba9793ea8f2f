"""The in-process path: detect the format and run its reader in this process (used inside the worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import (
    BaroError,
    CorruptDocument,
    DocumentOutOfMemory,
    DocumentTooLarge,
    EmptyDocument,
    FileMissing,
    FileUnreadable,
)
from app.docs.context import ProgressCallback, ReadContext, _no_progress
from app.docs.detect import detect_format
from app.docs.limits import DEFAULT_LIMITS, Limits
from app.docs.readers.damage import out_of_memory

log = logging.getLogger(__name__)

Reader = Callable[[ReadContext], Document]


def _reader_for(format_name: str) -> Reader:
    # Imported lazily so the worker only loads the libraries it needs.
    if format_name == "pdf":
        from app.docs.readers import pdf

        return pdf.read
    if format_name == "docx":
        from app.docs.readers import docx

        return docx.read
    if format_name == "hwpx":
        from app.docs.readers import hwpx

        return hwpx.read
    if format_name == "hwp":
        from app.docs.readers import hwp

        return hwp.read
    if format_name == "pptx":
        from app.docs.readers import pptx

        return pptx.read
    if format_name == "xlsx":
        from app.docs.readers import xlsx

        return xlsx.read
    if format_name == "html":
        from app.docs.readers import html

        return html.read
    if format_name == "image":
        from app.docs.readers import image

        return image.read
    from app.docs.readers import text

    return lambda ctx: text.read(ctx, format_name)


def read_in_process(
    path: Path | str,
    *,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read ``path`` here, without a time budget. Raises only ``BaroError`` subclasses."""
    path = Path(path)
    ctx = ReadContext(path=path, limits=limits, cancel=cancel, progress=progress or _no_progress)
    try:
        size = path.stat().st_size
    except FileNotFoundError as err:
        raise FileMissing(path) from err
    except OSError as err:
        raise FileUnreadable(path, err.strerror or type(err).__name__) from err
    if size == 0:
        raise EmptyDocument(path)
    if size > limits.max_file_bytes:
        raise DocumentTooLarge(path, f"{size // 1024 // 1024:,}MB, 최대 {limits.max_file_bytes // 1024 // 1024:,}MB")
    try:
        document = _reader_for(detect_format(path, limits))(ctx)
    except BaroError:
        raise
    except MemoryError as err:
        raise DocumentOutOfMemory(path) from err
    except RecursionError as err:
        raise CorruptDocument(path, "문서 구조가 너무 깊게 중첩됨") from err
    except Exception as err:  # the last line of defence: a reader bug must not take the caller down
        if out_of_memory(err):
            raise DocumentOutOfMemory(path) from err
        log.exception("reader failed on %s", path)
        raise CorruptDocument(path, f"읽기 오류: {type(err).__name__}") from err
    if not document.blocks:
        raise EmptyDocument(path)
    return document
