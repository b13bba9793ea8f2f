"""Minimal hand-built PDFs with a Unicode (Hangul) text layer, so tests need no font or PDF library.

Glyph ids are the Unicode code points and a ToUnicode map says so; viewers would draw nonsense, but
text extraction sees exactly the text written, which is what the readers care about.
"""

from __future__ import annotations

import zlib
from pathlib import Path


def to_unicode_cmap(chars: set[str]) -> str:
    """A ToUnicode map for exactly the characters used (as real embedded subsets have)."""
    codes = sorted(ord(c) for c in chars if ord(c) <= 0xFFFF) or [0x20]
    blocks: list[str] = []
    for start in range(0, len(codes), 100):
        part = codes[start : start + 100]
        lines = "".join(f"<{c:04X}> <{c:04X}>\n" for c in part)
        blocks.append(f"{len(part)} beginbfchar\n{lines}endbfchar\n")
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "".join(blocks)
        + "endcmap CMapName currentdict /CMap defineresource pop end end"
    )


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text if ord(c) <= 0xFFFF)


def page_content(lines: list[str]) -> bytes:
    parts = ["BT /F1 11 Tf 14 TL 50 800 Td"]
    for line in lines:
        parts.append(f"<{_hex(line)}> Tj T*")
    parts.append("ET")
    return "\n".join(parts).encode("ascii")


def build_pdf(pages: list[list[str]], *, title: str = "", image_only: bool = False) -> bytes:
    """A PDF with one page per entry of ``pages`` (each a list of lines)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        packed = zlib.compress(data)
        return f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + packed + b"\nendstream"

    catalog = add(b"")
    pages_id = add(b"")
    used = {char for lines in pages for line in lines for char in line}
    to_unicode = add(stream(to_unicode_cmap(used).encode("ascii")))
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BaroTest /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /BaroTest /Encoding /Identity-H "
        f"/DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
    )
    image = add(
        stream(
            bytes([200]) * 64 * 64,
            "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
        )
    )
    page_ids: list[int] = []
    for lines in pages:
        content = b"q 500 0 0 700 50 50 cm /Im1 Do Q" if image_only else page_content(lines)
        content_id = add(stream(content))
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> >>".encode()
            )
        )
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    info = add(f"<< /Title <FEFF{_hex(title)}> >>".encode()) if title else None
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    info_ref = f" /Info {info} 0 R" if info else ""
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R{info_ref} >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def korean_pages(count: int, lines_per_page: int = 30) -> list[list[str]]:
    sentence = "바로는 내 컴퓨터에서만 도는 한국어 업무 도우미입니다. 보고서와 공문을 빠르게 읽습니다."
    return [[f"{page + 1}쪽 {line + 1}행: {sentence}" for line in range(lines_per_page)] for page in range(count)]


def write_pdf(path: Path, pages: list[list[str]], **kwargs: object) -> Path:
    path.write_bytes(build_pdf(pages, **kwargs))  # type: ignore[arg-type]
    return path
