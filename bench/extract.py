"""Reader speed: pages per second, and reader time against raw pypdf ``extract_text`` on the same PDF.

Run: ``.venv/bin/python bench/extract.py``. Key figures are the last lines, one ``name: value`` each.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader

from app.docs import ReaderProcess, read_in_process
from tests.unit.docs.docxgen import build_docx
from tests.unit.docs.hwpxgen import long_hwpx
from tests.unit.docs.pdfgen import korean_pages, write_pdf

PDF_PAGES = 300
PARAGRAPHS = 6000
PARAGRAPHS_PER_PAGE = 30  # a dense A4 page of short Korean paragraphs, to express DOCX/HWPX as pages
ROUNDS = 3


def best_of(work: Callable[[], object]) -> float:
    times: list[float] = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_pypdf(path: Path) -> None:
    reader = PdfReader(str(path))
    for page in reader.pages:
        page.extract_text()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        pdf = write_pdf(base / "korean.pdf", korean_pages(PDF_PAGES), title="벤치마크")
        docx = build_docx(base / "long.docx", paragraphs=PARAGRAPHS)
        hwpx = long_hwpx(base / "long.hwpx", PARAGRAPHS)
        reader = ReaderProcess()
        reader.start()
        try:
            raw = best_of(lambda: raw_pypdf(pdf))
            in_process = best_of(lambda: read_in_process(pdf))
            sandboxed = best_of(lambda: reader.read(pdf))
            docx_time = best_of(lambda: reader.read(docx))
            hwpx_time = best_of(lambda: reader.read(hwpx))
        finally:
            reader.stop()
    print(f"raw pypdf extract_text, {PDF_PAGES} pages: {raw:.3f}s")
    print(f"in-process reader: {in_process:.3f}s (ratio {in_process / raw:.2f})")
    print(f"docx {PARAGRAPHS} paragraphs: {docx_time:.3f}s, hwpx {PARAGRAPHS} paragraphs: {hwpx_time:.3f}s")
    print(f"pdf_pages_per_second: {PDF_PAGES / sandboxed:.0f}")
    print(f"docx_pages_per_second: {PARAGRAPHS / PARAGRAPHS_PER_PAGE / docx_time:.0f}")
    print(f"hwpx_pages_per_second: {PARAGRAPHS / PARAGRAPHS_PER_PAGE / hwpx_time:.0f}")
    print(f"reader_vs_raw_pypdf_ratio: {sandboxed / raw:.2f}")


if __name__ == "__main__":
    main()
