"""Which encoding a text file is in (UTF-8, BOMs, UTF-16, CP949/EUC-KR, others), and terminal codes removed.

A file that is almost entirely valid in UTF-8 or CP949 is read with replacement characters (�) for the
few bytes that are not, and the caller is told how many there were; it is not refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
MAX_UNREADABLE_FRACTION = 0.02
"""At most this share of the characters may be unreadable for a lenient decode to count."""
REPLACEMENT = "\ufffd"
SAMPLE_BYTES = 1 << 20
Evidence = Callable[[str, int], bool]

# CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), the 8-bit CSI, and two-byte ESC sequences.
_TERMINAL_CODES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-_]"
)
_TERMINAL_CODES_BYTES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_HANGUL = re.compile("[\uac00-\ud7a3]+")
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    unreadable: int = 0
    """How many replacement characters stand for bytes that were not valid in ``encoding``."""


def looks_like_text(head: bytes) -> bool:
    """True when the first bytes could be text in one of the encodings we read."""
    if any(head.startswith(bom) for bom, _ in BOMS):
        return True
    if _utf16_without_bom(head) is not None:
        return True
    if b"\x00" in head:
        return False
    head = _TERMINAL_CODES_BYTES.sub(b"", head)  # coloured terminal output is still text
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= max(1, len(head) // 100)


def strip_terminal_codes(text: str) -> str:
    """Remove ANSI escape sequences (colours, cursor moves, window titles) and other control characters,
    keeping tabs and line breaks."""
    if "\x1b" in text or "\x9b" in text:
        text = _TERMINAL_CODES.sub("", text)
    return _OTHER_CONTROLS.sub("", text.replace("\x0c", "\n"))


def decode_text(data: bytes) -> Decoded | None:
    """Decode ``data``, strictly where some encoding fits and leniently where one almost fits; None otherwise."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding) or _lenient(data, encoding)
    utf16 = _utf16_without_bom(data)
    for encoding in ([utf16] if utf16 else []) + ["utf-8", "cp949"]:
        decoded = _strict(data, encoding)
        if decoded is not None:
            return decoded
    # Evidence first: real UTF-8 or CP949 text with a few bad bytes beats a foreign encoding that fits.
    decoded = (
        (_lenient(data, utf16) if utf16 else None)
        or _lenient(data, "utf-8", _has_utf8_evidence)
        or _lenient(data, "cp949", _has_hangul_evidence)
    )
    if decoded is not None:
        return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        return None
    try:
        return _strict(data, best.encoding)
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding).lstrip("\ufeff"), encoding)
    except UnicodeDecodeError:
        return None


def _lenient(data: bytes, encoding: str, evidence: Evidence | None = None) -> Decoded | None:
    if len(data) > SAMPLE_BYTES:
        # A wrong encoding shows in the first megabyte; spare decoding the whole file to learn it.
        sample = data[:SAMPLE_BYTES].decode(encoding, errors="replace")
        if sample.count(REPLACEMENT) > len(sample) * MAX_UNREADABLE_FRACTION * 10:
            return None
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    unreadable = text.count(REPLACEMENT)
    if unreadable > len(text) * MAX_UNREADABLE_FRACTION:
        return None
    if evidence is not None and not evidence(text, unreadable):
        return None
    return Decoded(text, encoding, unreadable)


def _has_utf8_evidence(text: str, unreadable: int) -> bool:
    # Valid multi-byte sequences are rare by chance; a Latin-1 file with one "é" has none.
    non_ascii = _non_ascii(text) - unreadable
    return non_ascii >= max(1, unreadable)


def _has_hangul_evidence(text: str, unreadable: int) -> bool:
    non_ascii = _non_ascii(text) - unreadable
    hangul = len(text) - len(_HANGUL.sub("", text))
    return non_ascii > 0 and hangul >= non_ascii * 0.8 and hangul >= unreadable


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM: NUL bytes present and the decoded text is plausibly Korean or English."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = sample.decode(encoding, errors="replace")
        plausible = sum(1 for c in decoded if _plausible_char(c))
        if plausible >= len(decoded) * 0.95:
            return encoding
    return None


def _plausible_char(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or char in "\t\r\n"
        or 0xAC00 <= code <= 0xD7A3
        or 0x1100 <= code <= 0x11FF
        or 0x3000 <= code <= 0x318F
        or 0x2000 <= code <= 0x206F
        or 0xFF00 <= code <= 0xFFEF
        or 0xA0 <= code <= 0xFF
    )
