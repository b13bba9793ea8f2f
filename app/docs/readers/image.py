"""Pictures of documents (.png, .jpg, .tif; a fax's multi-page TIFF): every page recognised by 글자 인식 (OCR)."""

from __future__ import annotations

import functools
import tempfile
import warnings
from pathlib import Path

from app.core.document import Document
from app.core.errors import CorruptDocument, DocumentTooLarge, NothingRecognised, OcrUnavailable
from app.docs.builder import DocumentBuilder
from app.docs.context import ReadContext
from app.docs.ocr import MAX_OCR_PAGES, OcrCache, add_recognised_page, ocr_tools, recognise_all, recognise_image

MAX_PIXELS = 100_000_000
"""A 600-dpi A3 scan is about 70 million pixels; beyond this a picture is a decompression bomb, not a page."""


def read(ctx: ReadContext) -> Document:
    tools = ocr_tools()
    if tools is None:
        raise OcrUnavailable(ctx.path)
    builder = DocumentBuilder(ctx, "image")
    builder.title = ctx.path.stem
    with tempfile.TemporaryDirectory(prefix="baro-ocr-") as folder:
        pages, total = _pages(ctx, Path(folder))
        cache = OcrCache(ctx.limits.ocr_cache, ctx.path)
        jobs = {
            n: functools.partial(
                cache.text, n, functools.partial(recognise_image, tools, image, page=n, source=ctx.path)
            )
            for n, image in pages
        }
        found = recognise_all(jobs, lambda done, count: ctx.report(done / count))
    for number in sorted(found):
        add_recognised_page(builder, found[number], number)
    if not builder.blocks:
        raise NothingRecognised(ctx.path)
    builder.notices.append(
        f"{ctx.path.name}: 그림 파일이라 글자 인식(OCR)으로 읽었습니다. "
        "인식한 글자는 틀릴 수 있으니 출처의 'OCR 인식 글자' 표시를 보고 원문과 대조해 주세요."
    )
    if total > len(pages):
        builder.notices.append(
            f"{ctx.path.name}: {MAX_OCR_PAGES}쪽까지만 인식합니다. 나머지 {total - len(pages):,}쪽은 뺐습니다."
        )
    return builder.build()


def _pages(ctx: ReadContext, folder: Path) -> tuple[list[tuple[int, Path]], int]:
    """Each page (frame) as a grey PNG for Tesseract, up to the page cap, and how many pages there are."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(ctx.path) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    raise DocumentTooLarge(ctx.path, f"그림이 너무 큼 ({picture.width:,}×{picture.height:,}픽셀)")
                total = getattr(picture, "n_frames", 1)
                pages = []
                for index in range(min(total, MAX_OCR_PAGES)):
                    ctx.check()
                    picture.seek(index)
                    page = folder / f"page{index + 1}.png"
                    picture.convert("L").save(page)
                    pages.append((index + 1, page))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        raise CorruptDocument(ctx.path, "그림 데이터를 읽을 수 없음") from err
    except Image.DecompressionBombWarning:
        raise DocumentTooLarge(ctx.path, "그림의 픽셀 수가 너무 많음, 압축 폭탄 의심") from None
    return pages, total
