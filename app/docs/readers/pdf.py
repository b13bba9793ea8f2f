"""PDF through pypdf: one block per page (located by page), with page budget and password checks."""

from __future__ import annotations

import logging
import unicodedata
from typing import Any, BinaryIO

from app.core.document import Document
from app.core.errors import (
    CorruptDocument,
    DocumentOutOfMemory,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    NothingRecognised,
    OcrUnavailable,
)
from app.core.locations import Location
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.ocr import MAX_OCR_PAGES, OcrCache, add_recognised_page, ocr_tools, recognise_pdf_pages
from app.docs.readers.damage import damaged_file_errors

# pypdf reports recoverable damage through logging; the user sees our error or the text, not its warnings.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read(ctx: ReadContext) -> Document:
    # A file object, not a path: given a path, pypdf first copies the whole file into memory.
    with ctx.path.open("rb") as handle:
        return _read(ctx, handle)


def _read(ctx: ReadContext, handle: BinaryIO) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    with damaged_file_errors(ctx.path, "PDF"):
        try:
            reader = PdfReader(handle, strict=False)
            _unlock(ctx, reader)
            page_count = len(reader.pages)
        except FileNotDecryptedError as err:
            raise EncryptedDocument(ctx.path) from err
    if page_count == 0:
        raise EmptyDocument(ctx.path)
    if page_count > ctx.limits.max_pdf_pages:
        raise DocumentTooLarge(ctx.path, f"{page_count:,}쪽, 최대 {ctx.limits.max_pdf_pages:,}쪽")
    builder = DocumentBuilder(ctx, "pdf")
    builder.title = _title(reader)
    unreadable_pages = 0
    pages: dict[int, str] = {}
    scanned: list[int] = []  # no text layer: recognised below, all at once
    for index in range(page_count):
        ctx.report(index / page_count)
        text = _page_text(ctx, reader, index)
        if text is None:
            unreadable_pages += 1
        elif text.strip() and not looks_garbled(text):
            pages[index + 1] = text
        else:  # a scan, or a text layer of broken characters (a font without its character map)
            scanned.append(index + 1)
    scans = _Scans(ctx)
    recognised = scans.recognise(scanned)
    for number in sorted(pages.keys() | recognised.keys()):
        if number in recognised:
            add_recognised_page(builder, recognised[number], number)
        else:
            builder.add(pages[number], Location(page=number))
    ctx.report(1.0)
    if not builder.blocks:
        if unreadable_pages:  # not a scan: the pages are there but their contents cannot be read
            raise CorruptDocument(ctx.path, f"PDF {page_count:,}쪽 중 {unreadable_pages:,}쪽의 내용을 읽을 수 없음")
        if scans.missing_tools:
            raise OcrUnavailable(ctx.path)
        raise NothingRecognised(ctx.path) if scans.recognised else NoTextLayer(ctx.path)
    if unreadable_pages:
        builder.notices.append(f"{ctx.path.name}: 손상된 {unreadable_pages:,}쪽을 빼고 읽었습니다.")
    builder.notices.extend(scans.notices())
    return builder.build()


class _Scans:
    """The scanned pages of one PDF: recognised while the page cap lasts and the OCR programs are there."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.tools = ocr_tools()
        self.missing_tools = self.tools is None or self.tools.pdftoppm is None
        self.recognised = 0
        self.skipped = 0

    def recognise(self, pages: list[int]) -> dict[int, str]:
        """The text of each of ``pages`` (1-based) while the page cap lasts, by page number."""
        if self.missing_tools:
            self.skipped = len(pages)
            return {}
        assert self.tools is not None
        chosen, self.skipped = pages[:MAX_OCR_PAGES], max(0, len(pages) - MAX_OCR_PAGES)
        self.recognised = len(chosen)
        cache = OcrCache(self.ctx.limits.ocr_cache, self.ctx.path)
        return recognise_pdf_pages(self.tools, self.ctx.path, chosen, cache=cache, on_page=self._page_done)

    def _page_done(self, done: int, total: int) -> None:
        self.ctx.report(done / total)

    def notices(self) -> list[str]:
        name = self.ctx.path.name
        out = []
        if self.recognised:
            out.append(
                f"{name}: 스캔된 {self.recognised:,}쪽은 글자 인식(OCR)으로 읽었습니다. "
                "인식한 글자는 틀릴 수 있으니 출처의 'OCR 인식 글자' 표시를 보고 원문과 대조해 주세요."
            )
        if self.skipped and self.missing_tools:
            out.append(f"{name}: 스캔 이미지인 {self.skipped:,}쪽은 글자 인식(OCR) 프로그램이 없어 빼고 읽었습니다.")
        elif self.skipped:
            out.append(f"{name}: 스캔된 쪽은 {MAX_OCR_PAGES}쪽까지만 인식합니다. 나머지 {self.skipped:,}쪽은 뺐습니다.")
        return out


def _unlock(ctx: ReadContext, reader: Any) -> None:
    if not reader.is_encrypted:
        return
    # Many PDFs are "encrypted" only to restrict printing, with an empty user password.
    try:
        unlocked = reader.decrypt("")
    except Exception as err:
        raise EncryptedDocument(ctx.path) from err
    if not unlocked:
        raise EncryptedDocument(ctx.path)


def _page_text(ctx: ReadContext, reader: Any, index: int) -> str | None:
    """The page's text, or None when its contents are damaged."""
    from pypdf.errors import LimitReachedError

    try:
        page = reader.pages[index]
        text: str = page.extract_text()
        # pypdf returns "" for a page whose contents it cannot inflate; a scan's contents inflate fine.
        if not text.strip() and _contents_damaged(page):
            return None
    except RecursionError as err:
        raise CorruptDocument(ctx.path, f"{index + 1}쪽 구조가 너무 깊게 중첩됨") from err
    except MemoryError as err:
        raise DocumentOutOfMemory(ctx.path) from err
    except LimitReachedError as err:
        raise DocumentTooLarge(ctx.path, f"{index + 1}쪽의 압축을 풀면 너무 큼, 압축 폭탄 의심") from err
    except Exception as err:  # one broken page should not hide the rest
        logging.getLogger(__name__).info("page %d of %s unreadable: %r", index + 1, ctx.path.name, err)
        return None
    return text


GARBLED_SHARE = 0.3
"""A page whose text is at least this share of characters no document writes is read by OCR instead."""


def looks_garbled(text: str) -> bool:
    """Whether a text layer is junk: control characters, private-use code points or U+FFFD where letters
    should be (what a font without a ToUnicode map, or a broken OCR layer, extracts to)."""
    visible = [c for c in text if not c.isspace()]
    if len(visible) < 20:
        return False
    junk = sum(1 for c in visible if unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") or c == "\ufffd")
    return junk >= GARBLED_SHARE * len(visible)


def _contents_damaged(page: Any) -> bool:
    """True when a content stream has bytes but decodes to nothing (pypdf logs the inflate error and goes on).

    Raises pypdf's ``LimitReachedError`` for a stream that inflates past its limit (a bomb)."""
    contents = page.get("/Contents")
    if contents is None:
        return False
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    for stream in streams:
        stream = stream.get_object()
        encoded = getattr(stream, "_data", b"")  # pypdf drops /Length once parsed; the raw bytes stay here
        if hasattr(stream, "get_data") and encoded and not stream.get_data():
            return True
    return False


def _title(reader: Any) -> str:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:
        return ""
    return str(title) if title else ""
