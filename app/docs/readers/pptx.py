"""PPTX through python-pptx: text frames and tables per slide, then speaker notes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.document import BlockKind, Document
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.readers.damage import damaged_file_errors
from app.docs.zipguard import check_zip


def read(ctx: ReadContext) -> Document:
    check_zip(ctx.path, ctx.limits)
    from pptx import Presentation

    with damaged_file_errors(ctx.path, "PPTX"):
        presentation = Presentation(str(ctx.path))
        builder = DocumentBuilder(ctx, "pptx")
        builder.title = presentation.core_properties.title or ""
        slides = list(presentation.slides)
        for number, slide in enumerate(slides, start=1):
            ctx.report((number - 1) / max(1, len(slides)))
            _read_slide(builder, slide, Location(slide=number))
    return builder.build()


def _read_slide(builder: DocumentBuilder, slide: Any, location: Location) -> None:
    for shape in _shapes(slide.shapes):
        if shape.has_text_frame:
            kind = BlockKind.HEADING if _is_title(shape) else BlockKind.PARAGRAPH
            builder.add(shape.text_frame.text, location, kind)
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                builder.add_row([cell.text for cell in row.cells], location)
    if slide.has_notes_slide:
        builder.add(slide.notes_slide.notes_text_frame.text, location, BlockKind.FOOTNOTE)


def _shapes(shapes: Any) -> Iterator[Any]:
    for shape in shapes:
        if shape.shape_type is not None and hasattr(shape, "shapes"):
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _is_title(shape: Any) -> bool:
    if not shape.is_placeholder:
        return False
    return "TITLE" in str(shape.placeholder_format.type)
