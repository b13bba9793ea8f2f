"""Budgets that keep a hostile or broken file from eating the machine."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 1024 * MB
    """Files bigger than this are refused before any parsing."""
    max_zip_entries: int = 20_000
    max_zip_total_bytes: int = 1024 * MB
    """Sum of the declared uncompressed sizes of every zip entry."""
    max_zip_ratio: float = 200.0
    """Uncompressed / compressed for one entry; only checked for entries above ``zip_ratio_floor``."""
    zip_ratio_floor: int = 4 * MB
    max_xml_part_bytes: int = 256 * MB
    """Largest single XML part we parse (HWPX sections, DOCX body)."""
    max_stream_bytes: int = 512 * MB
    """Largest decompressed HWP section stream."""
    max_pdf_pages: int = 5_000
    max_chars: int = 50_000_000
    """Stop collecting text beyond this many characters."""
    max_memory_bytes: int = 1024 * MB
    """Address space (RLIMIT_AS) of the reader child: a bomb ends as a MemoryError there, never as an OOM of
    the machine. It is virtual memory, so it covers the interpreter, the libraries and their heaps; reading
    the whole shared corpus peaks near 80 MB of it."""
    timeout_seconds: float = 120.0
    """Wall-clock budget for one file in the reader process."""
    ocr_cache: str | None = None
    """Folder of recognised pages by content hash (``app.docs.ocr``): the same scan is recognised once."""


DEFAULT_LIMITS = Limits()
