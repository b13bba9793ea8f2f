"""XLSX through openpyxl (read-only, cached values): one block per non-empty row, located by cell range.

Only the cells the sheet XML holds are visited. openpyxl's own row iterator pads every row to the
declared dimension, so a 2 KB file declaring ``A1:XFD1048576`` would make it walk 17 billion empty cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.document import Document
from app.core.errors import BaroError, CorruptDocument, DocumentOutOfMemory
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.readers.damage import out_of_memory
from app.docs.zipguard import check_zip

MAX_PADDED_WIDTH = 256
"""Empty cells between two filled ones are kept (as empty columns) while the row spans at most this many
columns; a wider row lists only its filled cells."""

Cells = list[tuple[int, Any]]


def read(ctx: ReadContext) -> Document:
    check_zip(ctx.path, ctx.limits)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(str(ctx.path), read_only=True, data_only=True)
        try:
            builder = DocumentBuilder(ctx, "xlsx")
            builder.title = workbook.properties.title or ""
            sheets = workbook.worksheets
            for index, sheet in enumerate(sheets):
                ctx.report(index / max(1, len(sheets)))
                _read_sheet(builder, sheet)
        finally:
            workbook.close()
    except BaroError:
        raise
    except Exception as err:  # openpyxl raises many kinds of error on damaged files
        if out_of_memory(err):
            raise DocumentOutOfMemory(ctx.path) from err
        raise CorruptDocument(ctx.path, f"XLSX 구조 오류: {type(err).__name__}") from err
    return builder.build()


def _read_sheet(builder: DocumentBuilder, sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    for count, (number, cells) in enumerate(existing_cells(sheet), start=1):
        if count % 1000 == 0:
            builder.ctx.check()
        filled = [(column, str(value)) for column, value in cells if str(value).strip()]
        if not filled:
            continue
        first, last = filled[0][0], filled[-1][0]
        cell_range = f"{get_column_letter(first)}{number}:{get_column_letter(last)}{number}"
        builder.add_row(_row_values(filled), Location(sheet=sheet.title, cell_range=cell_range))


def existing_cells(sheet: Any) -> Iterator[tuple[int, Cells]]:
    """(row number, [(column number, value), …] in column order) for each row the sheet XML holds."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = sheet.parent
    # Chart sheets and other non-worksheets have no cells to read.
    if not hasattr(sheet, "_get_source"):
        return
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, row in parser.parse():
            cells = sorted(((cell["column"], cell["value"]) for cell in row if cell["value"] is not None), key=_column)
            yield number, cells


def _row_values(filled: list[tuple[int, str]]) -> list[str]:
    first, last = filled[0][0], filled[-1][0]
    if last - first + 1 > MAX_PADDED_WIDTH:
        return [value for _, value in filled]
    values = [""] * (last - first + 1)
    for column, value in filled:
        values[column - first] = value
    return values


def _column(cell: tuple[int, Any]) -> int:
    return cell[0]
