"""DOCX through python-docx: body paragraphs and tables in order, headers/footers, footnotes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from app.core.document import BlockKind, Document
from app.core.locations import Location
from app.docs.builder import DocumentBuilder, row_text
from app.docs.context import ReadContext
from app.docs.readers.damage import damaged_file_errors
from app.docs.zipguard import check_zip, safe_xml_parser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HEADING_STYLES = ("heading", "title", "제목")
_TEXT_TAGS = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def read(ctx: ReadContext) -> Document:
    check_zip(ctx.path, ctx.limits)
    import docx

    with damaged_file_errors(ctx.path, "DOCX"):
        document = docx.Document(str(ctx.path))
        builder = DocumentBuilder(ctx, "docx")
        builder.title = document.core_properties.title or ""
        _read_body(ctx, document, builder)
    return builder.build()


def _read_body(ctx: ReadContext, document: Any, builder: DocumentBuilder) -> None:
    sections = list(document.sections)
    footnote_places: dict[str, Location] = {}
    section = 1
    paragraph = 0
    _add_header_footer(builder, sections, 0, header=True)
    children = list(_body_children(document.element.body))
    for index, child in enumerate(children):
        if index % 200 == 0:
            ctx.report(index / max(1, len(children)))
        if child.tag == f"{W}p":
            paragraph += 1
            location = Location(section=section, paragraph=paragraph)
            if not builder.add(paragraph_text(child), location, _paragraph_kind(child)):
                paragraph -= 1
            for ref in child.iter(f"{W}footnoteReference"):
                footnote_places.setdefault(ref.get(f"{W}id", ""), location)
            if child.find(f"{W}pPr/{W}sectPr") is not None and index < len(children) - 1:
                _add_header_footer(builder, sections, section - 1, header=False)
                section += 1
                paragraph = 0
                _add_header_footer(builder, sections, section - 1, header=True)
        elif child.tag == f"{W}tbl":
            for cells in table_rows(child):
                paragraph += 1
                if not builder.add_row(cells, Location(section=section, paragraph=paragraph)):
                    paragraph -= 1
    _add_header_footer(builder, sections, section - 1, header=False)
    _add_footnotes(ctx, document, builder, footnote_places)


def _body_children(body: Any) -> Iterator[Any]:
    for child in body.iterchildren():
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_children(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


def paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for element in paragraph.iter(*_TEXT_TAGS):
        if _inside_fallback(element, paragraph):
            continue
        fixed = _TEXT_TAGS[element.tag]
        parts.append(fixed if fixed is not None else (element.text or ""))
    return "".join(parts)


def _inside_fallback(element: Any, stop: Any) -> bool:
    # Text boxes appear twice (mc:Choice and mc:Fallback); read only the first copy.
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def table_rows(table: Any) -> Iterator[list[str]]:
    for row in table.iterchildren(f"{W}tr"):
        cells: list[str] = []
        for cell in row.iterchildren(f"{W}tc", f"{W}sdt"):
            cells.append(_cell_text(cell))
        yield cells


def _cell_text(cell: Any) -> str:
    lines: list[str] = []
    for child in cell.iterchildren():
        if child.tag == f"{W}p":
            lines.append(paragraph_text(child))
        elif child.tag == f"{W}tbl":
            lines.extend(row_text(cells) for cells in table_rows(child))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines.append(_cell_text(content))
    return "\n".join(line for line in lines if line.strip())


def _paragraph_kind(paragraph: Any) -> BlockKind:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return BlockKind.PARAGRAPH
    style = properties.find(f"{W}pStyle")
    style_id = (style.get(f"{W}val") or "").lower() if style is not None else ""
    if style_id.startswith(HEADING_STYLES) or properties.find(f"{W}outlineLvl") is not None:
        return BlockKind.HEADING
    if properties.find(f"{W}numPr") is not None or style_id.startswith("list"):
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def _add_header_footer(builder: DocumentBuilder, sections: list[Any], index: int, *, header: bool) -> None:
    if index >= len(sections):
        return
    section = sections[index]
    names = ("header", "first_page_header") if header else ("footer", "first_page_footer")
    kind = BlockKind.HEADER if header else BlockKind.FOOTER
    seen: set[str] = set()
    for name in names:
        part = getattr(section, name)
        if part.is_linked_to_previous:
            continue
        element = part._element
        text = "\n".join(paragraph_text(p) for p in element.iter(f"{W}p"))
        if text.strip() and text not in seen:
            seen.add(text)
            builder.add(text, Location(section=index + 1), kind)


def _add_footnotes(ctx: ReadContext, document: Any, builder: DocumentBuilder, places: dict[str, Location]) -> None:
    for part in document.part.package.iter_parts():
        if not str(part.partname).endswith(("/footnotes.xml", "/endnotes.xml")):
            continue
        root = etree.fromstring(part.blob, safe_xml_parser())
        for note in root:
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "\n".join(paragraph_text(p) for p in note.iter(f"{W}p"))
            location = places.get(note.get(f"{W}id", ""), Location(section=1))
            builder.add(text, location, BlockKind.FOOTNOTE)
