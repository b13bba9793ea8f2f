"""Write a draft as .hwpx: a minimal, valid OWPML package that 한글 opens and Baro's reader reads back.

Package layout (KS X 6101): ``mimetype`` first and stored, ``version.xml``, ``META-INF/container.xml``
and ``manifest.xml``, ``Contents/content.hpf`` (manifest + spine), ``Contents/header.xml`` (fonts,
character and paragraph shapes, the 바탕글 style), ``Contents/section0.xml`` (the paragraphs; the first
one carries the page setup), ``settings.xml``. Item levels are paragraph shapes with a left margin, so the
text itself holds no indentation spaces.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from app.core.atomic_file import write_bytes_atomically
from app.docs.writers import hwpx_parts as parts
from app.text.korean_format import Layout, Paragraph, Role


def write_hwpx(layout: Layout, path: Path) -> Path:
    """Save atomically: the package is built in memory, so a full disk never leaves half a zip behind."""
    return write_bytes_atomically(path, hwpx_bytes(layout))


def hwpx_bytes(layout: Layout) -> bytes:
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), parts.MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("version.xml", parts.VERSION_XML)
        archive.writestr("META-INF/container.xml", parts.CONTAINER_XML)
        archive.writestr("META-INF/manifest.xml", parts.MANIFEST_XML)
        archive.writestr("Contents/content.hpf", parts.content_hpf(layout.title, created))
        archive.writestr("Contents/header.xml", parts.header_xml())
        archive.writestr("Contents/section0.xml", section_xml(layout))
        archive.writestr("settings.xml", parts.SETTINGS_XML)
    return package.getvalue()


def section_xml(layout: Layout) -> str:
    paragraphs = [p for p in layout.paragraphs]
    while paragraphs and paragraphs[-1].role is Role.BLANK:
        paragraphs.pop()
    body = "".join(_paragraph(p, number, first=number == 0) for number, p in enumerate(paragraphs or [Paragraph("")]))
    return f"{parts.XML_DECL}<hs:sec {parts.NAMESPACES}>{body}</hs:sec>"


def _paragraph(paragraph: Paragraph, number: int, *, first: bool) -> str:
    para_id, char_id = _shapes(paragraph)
    text = "" if paragraph.role is Role.BLANK else paragraph.text
    setup = parts.SECTION_PROPERTIES if first else ""
    t = f"<hp:t>{escape(text)}</hp:t>" if text else "<hp:t/>"
    return (
        f'<hp:p id="{number}" paraPrIDRef="{para_id}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
        f'<hp:run charPrIDRef="{char_id}">{setup}{t}</hp:run></hp:p>'
    )


def _shapes(paragraph: Paragraph) -> tuple[int, int]:
    char_id = {Role.TITLE: parts.CHAR_TITLE, Role.HEADING: parts.CHAR_HEADING}.get(paragraph.role, parts.CHAR_BODY)
    if paragraph.role is Role.ITEM:
        return parts.item_para_id(paragraph.level), char_id
    align = {"center": parts.PARA_CENTER, "right": parts.PARA_RIGHT}.get(paragraph.align, parts.PARA_LEFT)
    return align, char_id
