"""Plain text and Markdown: encoding detection (UTF-8, BOMs, UTF-16, CP949/EUC-KR) and line locations."""

from __future__ import annotations

import re

from app.core.document import BlockKind, Document
from app.core.errors import CorruptDocument, DocumentTooLarge, UnsupportedFormat
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def looks_like_text(head: bytes) -> bool:
    """True when the first bytes could be text in one of the encodings we read."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return True
    if _utf16_without_bom(head) is not None:
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= max(1, len(head) // 100)


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


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Decode ``data``; returns (text, encoding) or None when no encoding we know fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError:
                return None
    utf16 = _utf16_without_bom(data)
    candidates = [utf16] if utf16 else []
    candidates += ["utf-8", "cp949"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def read(ctx: ReadContext, format_name: str = "txt") -> Document:
    size = ctx.path.stat().st_size
    if size > ctx.limits.max_chars * 4:
        raise DocumentTooLarge(ctx.path, f"텍스트 파일이 {size // 1024 // 1024:,}MB입니다")
    data = ctx.path.read_bytes()
    decoded = decode_text(data)
    if decoded is None:
        raise UnsupportedFormat(ctx.path, "문자 인코딩을 알 수 없는 파일")
    text, _encoding = decoded
    if "\x00" in text:
        raise CorruptDocument(ctx.path, "텍스트에 NUL 문자가 섞여 있음")
    builder = DocumentBuilder(ctx, format_name)
    _add_paragraphs(builder, text.splitlines(), markdown=format_name == "md")
    return builder.build()


def _add_paragraphs(builder: DocumentBuilder, lines: list[str], *, markdown: bool) -> None:
    """Blank lines separate paragraphs; in Markdown, headings and list items are blocks of their own."""
    pending: list[str] = []
    start = 0
    total = max(1, len(lines))

    def flush() -> None:
        if pending:
            builder.add("\n".join(pending), Location(line=start + 1))
            pending.clear()

    for number, line in enumerate(lines):
        if number % 5000 == 0:
            builder.ctx.report(number / total)
        if not line.strip():
            flush()
            continue
        if markdown and _MD_HEADING.match(line):
            flush()
            builder.add(_MD_HEADING.sub("", line), Location(line=number + 1), BlockKind.HEADING)
            continue
        if markdown and _MD_LIST.match(line):
            flush()
            builder.add(_MD_LIST.sub("", line), Location(line=number + 1), BlockKind.LIST_ITEM)
            continue
        if not pending:
            start = number
        pending.append(line)
    flush()
    if markdown:
        builder.title = next((b.text for b in builder.blocks if b.kind == BlockKind.HEADING), "")[:120]
