"""글자 인식 (OCR) of scanned pages through Tesseract's Korean model, run inside the reader process.

Tesseract (``tesseract-ocr`` with ``tesseract-ocr-kor``) recognises a page image; poppler's ``pdftoppm``
(``poppler-utils``) renders a PDF page to one. Both are separate programs, started with a time budget per
page, so a page that hangs costs that page only. Without them a scanned file gets a Korean message naming
what to install; everything else reads as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from app.core.atomic_file import write_text_atomically
from app.core.errors import OcrFailed
from app.core.locations import Location
from app.docs.builder import DocumentBuilder

OCR_LANGUAGE = "kor"
OCR_DPI = 200
PAGE_SECONDS = 60.0
"""Budget for rendering and recognising one page."""
MAX_OCR_PAGES = 30
"""Scanned pages recognised per file; the rest are left out with a notice (about 1.4 s a page on two cores)."""
WORKERS = max(1, min(2, os.cpu_count() or 1))
"""Pages recognised at once, one thread each: two single-threaded Tesseracts read 0.70 pages/s on two cores,
one with two threads 0.41 (Tesseract's own threads barely help)."""


@dataclass(frozen=True)
class OcrTools:
    tesseract: str
    pdftoppm: str | None


_PARTICLE_BEFORE_DIGIT = re.compile(r"(?<=[가-힣][는은이가을를에의도로와과])(?=\d)")
_CELL_GAP = re.compile(r" {3,}")
"""Tesseract keeps a table's column gaps as runs of spaces; words are one (now and then two) apart."""


def tidy_recognised(text: str) -> str:
    """Undo the spacing slip that changes what a page says: a particle run into the number after it.

    Tesseract often drops the space between a word's particle and a number ("숙박비는1박에"). Read that way the
    number is part of a word, so "1박에 20만 원" would look like a number the page never states; put back, the
    support checker finds it, while a changed number ("30만 원") is still caught. Other spacing slips ("지원
    한다", "경영 지원팀") the checker already reads through (it compares morphemes, not spaces).
    """
    return _PARTICLE_BEFORE_DIGIT.sub(" ", text)


def add_recognised_page(builder: DocumentBuilder, text: str, page: int) -> None:
    """A recognised page as blocks: each paragraph (lines up to a blank one), and each table row (a line with
    two or more column gaps) as a row of cells, so a budget table's rows stay rows."""
    location = Location(page=page, ocr=True)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            builder.add("\n".join(paragraph), location)
            paragraph.clear()

    for line in text.splitlines():
        cells = [cell.strip() for cell in _CELL_GAP.split(line.strip())]
        if len(cells) >= 3:
            flush()
            builder.add_row(cells, location)
        elif line.strip():
            paragraph.append(" ".join(line.split()))
        else:
            flush()
    flush()


CACHE_VERSION = 3
"""Part of every cache key: raise it when what a page's text depends on changes (language, dpi, options)."""


class OcrCache:
    """Recognised pages of one file, kept by the file's content hash: a scan renamed, moved, summarized after
    it was indexed or indexed again is recognised once. A cache that cannot be read or written costs time only."""

    def __init__(self, folder: str | None, source: Path) -> None:
        self.folder = Path(folder) if folder else None
        self._source = source
        self._digest = ""

    def text(self, page: int, recognise: Callable[[], str]) -> str:
        entry = self._entry(page)
        if entry is not None:
            try:
                return entry.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                pass
        text = recognise()
        if entry is not None:
            with contextlib.suppress(OSError):  # a full or read-only disk costs the cache, never the page
                entry.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomically(entry, text)
        return text

    def _entry(self, page: int) -> Path | None:
        if self.folder is None:
            return None
        if not self._digest:
            try:
                with self._source.open("rb") as handle:
                    self._digest = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError:
                self.folder = None
                return None
        key = f"{self._digest}-{page}-{OCR_LANGUAGE}-{OCR_DPI}-v{CACHE_VERSION}"
        return self.folder / self._digest[:2] / f"{key}.txt"


@functools.cache
def ocr_tools() -> OcrTools | None:
    """The OCR programs when Tesseract and its Korean model are installed (``pdftoppm`` may still be missing)."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return None
    try:
        listed = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if OCR_LANGUAGE not in listed.split():
        return None
    return OcrTools(tesseract, shutil.which("pdftoppm"))


RULE_INCHES = 0.6
"""A straight dark run at least this long is a table's or a form's rule, never a stroke of a character."""


def without_rules(image: Path, dpi: int = OCR_DPI) -> None:
    """Whiten the ruled lines of a table or a form in ``image`` (a grey page, rewritten in place).

    Tesseract reads a ruled 결재란 or budget table as one picture and returns nothing or noise (measured: no
    text at all for a 4×4 table at --psm 6); with the rules taken out it reads every cell."""
    import numpy as np
    from PIL import Image

    with Image.open(image) as opened:
        page = np.array(opened.convert("L"))
    dark = page < 128
    least = round(RULE_INCHES * dpi)
    rules = np.zeros_like(dark)
    for axis in (0, 1):
        lines = dark if axis == 1 else dark.T
        marks = rules if axis == 1 else rules.T
        for row in np.flatnonzero(lines.sum(axis=1) >= least):
            edges = np.flatnonzero(np.diff(np.concatenate(([0], lines[row].astype(np.int8), [0]))))
            for start, end in zip(edges[::2], edges[1::2], strict=True):
                if end - start >= least:
                    marks[row, start:end] = True
    if rules.any():
        # The rule's own anti-aliased edge goes too: one pixel either side of every marked run.
        grown = rules | np.roll(rules, 1, 0) | np.roll(rules, -1, 0) | np.roll(rules, 1, 1) | np.roll(rules, -1, 1)
        page[grown] = 255
        Image.fromarray(page).save(image)


def recognise_image(tools: OcrTools, image: Path, *, page: int = 1, source: Path | None = None) -> str:
    """The text Tesseract reads in ``image`` (one page, its rules taken out); raises ``OcrFailed`` naming
    ``source`` and ``page``."""
    named = source or image
    try:
        without_rules(image)
    except (OSError, ValueError) as err:
        raise OcrFailed(named, page, f"그림을 준비하지 못함: {err}") from None
    try:
        done = subprocess.run(
            [tools.tesseract, str(image), "stdout", "-l", OCR_LANGUAGE, "--psm", "6"],
            capture_output=True,
            timeout=PAGE_SECONDS,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )
    except subprocess.TimeoutExpired:
        raise OcrFailed(named, page, f"{PAGE_SECONDS:.0f}초 안에 끝나지 않음") from None
    except OSError as err:
        raise OcrFailed(named, page, err.strerror or type(err).__name__) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(named, page, detail[-1][:120] if detail else f"종료 코드 {done.returncode}")
    return tidy_recognised(done.stdout.decode("utf-8", "replace"))


def recognise_pdf_page(tools: OcrTools, pdf: Path, page: int) -> str:
    """Render page ``page`` (1-based) of ``pdf`` in grey at ``OCR_DPI`` and recognise it."""
    if tools.pdftoppm is None:
        raise OcrFailed(pdf, page, "poppler-utils의 pdftoppm이 없음")
    with tempfile.TemporaryDirectory(prefix="baro-ocr-") as folder:
        prefix = Path(folder) / "page"
        command = [tools.pdftoppm, "-r", str(OCR_DPI), "-gray", "-png", "-f", str(page), "-l", str(page)]
        try:
            subprocess.run([*command, str(pdf), str(prefix)], capture_output=True, timeout=PAGE_SECONDS, check=True)
        except subprocess.TimeoutExpired:
            raise OcrFailed(pdf, page, f"{PAGE_SECONDS:.0f}초 안에 그리지 못함") from None
        except (OSError, subprocess.CalledProcessError):
            raise OcrFailed(pdf, page, "쪽을 그림으로 바꾸지 못함") from None
        images = sorted(Path(folder).glob("page*.png"))
        if not images:
            raise OcrFailed(pdf, page, "쪽을 그림으로 바꾸지 못함")
        return recognise_image(tools, images[0], page=page, source=pdf)


def recognise_pdf_pages(
    tools: OcrTools,
    pdf: Path,
    pages: list[int],
    *,
    cache: OcrCache | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> dict[int, str]:
    """``recognise_pdf_page`` for each of ``pages``, by page number (see ``recognise_all``)."""
    cache = cache or OcrCache(None, pdf)
    jobs = {
        page: functools.partial(cache.text, page, functools.partial(recognise_pdf_page, tools, pdf, page))
        for page in pages
    }
    return recognise_all(jobs, on_page)


def recognise_all(
    jobs: Mapping[int, Callable[[], str]], on_page: Callable[[int, int], None] | None = None
) -> dict[int, str]:
    """Run each page's job, ``WORKERS`` at a time; ``on_page(done, total)`` after each (it may raise
    ``Cancelled``: the pages still running finish within their budget, the rest never start)."""
    found: dict[int, str] = {}
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="ocr") as pool:
        futures = {pool.submit(job): page for page, job in jobs.items()}
        try:
            for future in as_completed(futures):
                found[futures[future]] = future.result()
                if on_page is not None:
                    on_page(len(found), len(jobs))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return found
