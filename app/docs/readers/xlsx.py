"""XLSX through openpyxl (read-only, cached values): one block per non-empty row, located by cell range."""

from __future__ import annotations

from typing import Any

from app.core.document import Document
from app.core.errors import BaroError, CorruptDocument
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.zipguard import check_zip


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
        raise CorruptDocument(ctx.path, f"XLSX 구조 오류: {type(err).__name__}") from err
    return builder.build()


def _read_sheet(builder: DocumentBuilder, sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number % 1000 == 0:
            builder.ctx.check()
        values = ["" if value is None else str(value) for value in row]
        while values and not values[-1].strip():
            values.pop()
        if not any(v.strip() for v in values):
            continue
        first = next(i for i, v in enumerate(values) if v.strip())
        cell_range = f"A{number}:{get_column_letter(len(values))}{number}"
        builder.add_row(values[first:] if first else values, Location(sheet=sheet.title, cell_range=cell_range))
