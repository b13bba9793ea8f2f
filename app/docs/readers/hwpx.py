"""HWPX (OWPML): a zip of XML parts; sections in spine order, tables row by row, notes and headers.

XML is parsed with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from app.core.document import BlockKind, Document
from app.core.errors import BaroError, CorruptDocument, DocumentOutOfMemory, EmptyDocument, EncryptedDocument
from app.core.locations import Location
from app.docs.builder import DocumentBuilder, row_text
from app.docs.context import ReadContext
from app.docs.readers.damage import out_of_memory
from app.docs.zipguard import check_zip, read_member, safe_xml_parser

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
OPF = "{http://www.idpf.org/2007/opf/}"
_SECTION_NAME = re.compile(r"^Contents/section(\d+)\.xml$")
_INLINE = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}
_NOTE_KINDS = {"header": BlockKind.HEADER, "footer": BlockKind.FOOTER}
_NOTES = {"footNote", "endNote"}


def read(ctx: ReadContext) -> Document:
    check_zip(ctx.path, ctx.limits)
    try:
        with zipfile.ZipFile(ctx.path) as archive:
            return _read_archive(ctx, archive)
    except BaroError:
        raise
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise DocumentOutOfMemory(ctx.path) from err
        raise CorruptDocument(ctx.path, f"XML 오류: {err.msg}") from err
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise CorruptDocument(ctx.path, f"HWPX 구조 오류: {type(err).__name__}") from err


def _parse(ctx: ReadContext, archive: zipfile.ZipFile, name: str) -> Any:
    data = read_member(archive, name, ctx.path, ctx.limits.max_xml_part_bytes)
    return etree.fromstring(data, safe_xml_parser())


def _read_archive(ctx: ReadContext, archive: zipfile.ZipFile) -> Document:
    names = archive.namelist()
    if "META-INF/manifest.xml" in names:
        manifest = read_member(archive, "META-INF/manifest.xml", ctx.path, ctx.limits.max_xml_part_bytes)
        if b"encryption-data" in manifest:
            raise EncryptedDocument(ctx.path)
    builder = DocumentBuilder(ctx, "hwpx")
    sections = _section_names(ctx, archive, names, builder)
    if not sections:
        raise EmptyDocument(ctx.path)
    for index, name in enumerate(sections):
        ctx.report(index / len(sections))
        root = _parse(ctx, archive, name)
        _read_section(builder, root, index + 1)
    ctx.report(1.0)
    return builder.build()


def _section_names(ctx: ReadContext, archive: zipfile.ZipFile, names: list[str], builder: DocumentBuilder) -> list[str]:
    found = sorted((int(m.group(1)), n) for n in names if (m := _SECTION_NAME.match(n)))
    ordered = [name for _, name in found]
    if "Contents/content.hpf" not in names:
        return ordered
    package = _parse(ctx, archive, "Contents/content.hpf")
    title = package.find(f"{OPF}metadata/{OPF}title")
    builder.title = (title.text or "") if title is not None else ""
    hrefs = {item.get("id"): item.get("href", "") for item in package.iter(f"{OPF}item")}
    spine = [hrefs.get(ref.get("idref"), "") for ref in package.iter(f"{OPF}itemref")]
    from_spine = [href for href in spine if _SECTION_NAME.match(href) and href in names]
    return from_spine or ordered


def _read_section(builder: DocumentBuilder, root: Any, section: int) -> None:
    for number, paragraph in enumerate(root.iterchildren(f"{HP}p"), start=1):
        if number % 500 == 0:
            builder.ctx.check()
        location = Location(section=section, paragraph=number)
        text, nested = _paragraph(paragraph)
        builder.add(text, location)
        for kind, element in nested:
            _emit_nested(builder, kind, element, location)


def _paragraph(paragraph: Any) -> tuple[str, list[tuple[str, Any]]]:
    """The paragraph's own text, and the objects anchored in it (tables, boxes, notes, headers)."""
    parts: list[str] = []
    nested: list[tuple[str, Any]] = []
    for run in paragraph.iterchildren(f"{HP}run"):
        for child in run:
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name == "t":
                parts.append(_t_text(child))
            elif name == "tbl":
                nested.append(("table", child))
            elif name == "dutmal":
                parts.append(_dutmal_text(child))
            elif name == "textart":
                nested.append(("textart", child))
            elif name == "ctrl":
                for control in child:
                    control_name = etree.QName(control).localname if isinstance(control.tag, str) else ""
                    if control_name in _NOTE_KINDS or control_name in _NOTES:
                        nested.append((control_name, control))
            else:
                nested.extend(("box", sub) for sub in _outer_sublists(child))
    return "".join(parts), nested


def _dutmal_text(element: Any) -> str:
    main = element.findtext(f"{HP}mainText") or ""
    sub = element.findtext(f"{HP}subText") or ""
    return f"{main}({sub})" if sub else main


def _t_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_INLINE.get(etree.QName(child).localname, ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _outer_sublists(element: Any) -> Iterator[Any]:
    for child in element:
        if child.tag == f"{HP}subList" or child.tag == f"{HP}tbl":
            yield child
        else:
            yield from _outer_sublists(child)


def _emit_nested(builder: DocumentBuilder, kind: str, element: Any, location: Location) -> None:
    if kind == "table" or element.tag == f"{HP}tbl":
        for cells in table_rows(element):
            builder.add_row(cells, location)
        return
    text = _textart(element) if kind == "textart" else "\n".join(_container_lines(element))
    if kind in _NOTE_KINDS:
        builder.add(text, Location(section=location.section), _NOTE_KINDS[kind])
    elif kind in _NOTES:
        builder.add(text, location, BlockKind.FOOTNOTE)
    else:
        builder.add(text, location)


def table_rows(table: Any) -> Iterator[list[str]]:
    for row in table.iterchildren(f"{HP}tr"):
        yield ["\n".join(_container_lines(cell)) for cell in row.iterchildren(f"{HP}tc")]


def _container_lines(element: Any) -> Iterator[str]:
    """Every line of text inside a cell, box or note, nested tables flattened row by row."""
    for sub in element.iter(f"{HP}subList") if element.tag != f"{HP}subList" else [element]:
        if sub is not element and _has_sublist_ancestor(sub, element):
            continue
        for paragraph in sub.iterchildren(f"{HP}p"):
            text, nested = _paragraph(paragraph)
            if text.strip():
                yield text
            for kind, inner in nested:
                if kind == "table" or inner.tag == f"{HP}tbl":
                    yield from (row_text(cells) for cells in table_rows(inner))
                elif kind == "textart":
                    yield _textart(inner)
                else:
                    yield from _container_lines(inner)
        if element.tag == f"{HP}subList":
            break


def _has_sublist_ancestor(sub: Any, stop: Any) -> bool:
    parent = sub.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{HP}subList":
            return True
        parent = parent.getparent()
    return False


def _textart(element: Any) -> str:
    # Hancom stores the line break of text art as the visible symbols ␍␊.
    return str(element.get("text", "")).replace("␍␊", "\n")
