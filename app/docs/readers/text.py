"""Plain text and Markdown: decoded (see ``encoding``), terminal codes removed, located by line."""

from __future__ import annotations

import re

from app.core.document import BlockKind, Document
from app.core.errors import CorruptDocument, DocumentTooLarge, UnsupportedFormat
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.readers.encoding import Decoded, decode_text, strip_terminal_codes

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def unreadable_notice(name: str, decoded: Decoded) -> str:
    return (
        f"{name}: 읽을 수 없는 글자 {decoded.unreadable:,}개를 �(대체 문자)로 바꾸어 읽었습니다 "
        f"({decoded.encoding} 인코딩으로 판단)."
    )


def read(ctx: ReadContext, format_name: str = "txt") -> Document:
    size = ctx.path.stat().st_size
    if size > ctx.limits.max_chars * 4:
        raise DocumentTooLarge(ctx.path, f"텍스트 파일이 {size // 1024 // 1024:,}MB입니다")
    data = ctx.path.read_bytes()
    decoded = decode_text(data)
    if decoded is None:
        raise UnsupportedFormat(ctx.path, "문자 인코딩을 알 수 없는 파일")
    if "\x00" in decoded.text:
        raise CorruptDocument(ctx.path, "텍스트에 NUL 문자가 섞여 있음")
    text = strip_terminal_codes(decoded.text)
    builder = DocumentBuilder(ctx, format_name)
    if decoded.unreadable:
        builder.notices.append(unreadable_notice(ctx.path.name, decoded))
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
