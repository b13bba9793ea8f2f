"""Document readers: one per format, all returning ``app.core.document.Document``; document writers
(.docx, .hwpx exports). May import ``app.text`` and ``app.core``.

``read_document`` runs the reader in a long-lived child process with a time budget, so a parser that
hangs or crashes costs one file and never the app. ``read_in_process`` is the same work without the
child (used inside it, and where a process is not wanted).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.files import require_regular_file
from app.docs.context import ProgressCallback
from app.docs.detect import SUPPORTED_SUFFIXES, detect_format, opening
from app.docs.inprocess import read_in_process
from app.docs.limits import DEFAULT_LIMITS, Limits
from app.docs.sandbox import ReaderProcess, shared_reader

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "ReaderProcess",
    "detect_format",
    "read_document",
    "read_in_process",
    "shared_reader",
    "supported_suffixes",
    "use_ocr_cache",
]


def use_ocr_cache(folder: Path) -> None:
    """Keep every page 글자 인식 reads in ``folder`` (by content hash) for this process's reads from now on."""
    reader = shared_reader()
    reader.limits = replace(reader.limits, ocr_cache=str(folder))


def read_document(
    path: Path | str,
    *,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    timeout: float | None = None,
) -> Document:
    """Read any supported file into a ``Document``; raises only ``DocumentError`` subclasses or ``Cancelled``.

    ``timeout`` is the wall-clock budget in seconds (default ``Limits.timeout_seconds``). ``progress``
    receives fractions 0.0-1.0 on the calling thread; ``cancel`` stops the read within about 50 ms.
    """
    path = Path(path)
    with opening(path):
        require_regular_file(path)  # a FIFO would block the reader's open(), /dev/zero would never end
    if cancel is not None:
        cancel.raise_if_cancelled()
    return shared_reader().read(path, cancel=cancel, progress=progress, timeout=timeout)


def supported_suffixes() -> frozenset[str]:
    """Lower-case suffixes (with the dot) of files worth offering to ``read_document``."""
    return SUPPORTED_SUFFIXES
