"""글자 인식 (OCR) of scanned Korean pages: character-bigram recall against the known text, and pages per second.

Pages are made here, as the tests make them: Korean text (the shared news article, KorQuAD paragraphs when the
corpus is there, else the tests' notice) rendered with Noto Sans CJK KR at ``--dpi``, clean and noisy (0.8°
rotation, blur, salt-and-pepper), saved as image-only PDFs and read through Baro's own reader (the sandboxed
child, Tesseract's Korean model). The baseline of the speed ratio is rendering the same pages to images
(pdftoppm), measured in the same run. Run it alone: OCR uses both cores.

    .venv/bin/python bench/ocr.py [--pages 4] [--dpi 200]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

from app.docs import read_document
from app.docs.ocr import ocr_tools
from tests.unit.docs.scans import bigram_recall, image_only_pdf, render_page

GOALS = {"clean_recall": 0.97, "noisy_recall": 0.90, "pages_per_second": 1.0}


def texts(pages: int) -> list[str]:
    corpus = ROOT.parent / "shared" / "corpus"
    article = corpus / "articles" / "byline-hyperclova-2023.txt"
    found: list[str] = []
    if article.exists():
        body = article.read_text(encoding="utf-8")
        found += [body[i : i + 900] for i in range(0, min(len(body), 1800), 900)]
    korquad = next((corpus / "korquad").glob("*.json"), None) if (corpus / "korquad").is_dir() else None
    if korquad is not None:
        data = json.loads(korquad.read_text(encoding="utf-8"))
        found += [p["context"][:900] for a in data["data"][:pages] for p in a["paragraphs"][:1]]
    if not found:
        from tests.unit.docs.test_ocr import NOTICE

        found = [NOTICE]
    return (found * pages)[:pages]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    tools = ocr_tools()
    if tools is None or tools.pdftoppm is None:
        raise SystemExit("install tesseract-ocr, tesseract-ocr-kor and poppler-utils (make sysdeps)")
    truths = texts(args.pages)
    figures: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("clean", "noisy"):
            pages = [render_page(t, dpi=args.dpi, noisy=kind == "noisy", seed=i) for i, t in enumerate(truths)]
            pdf = image_only_pdf(Path(folder) / f"{kind}.pdf", pages, dpi=args.dpi)
            started = time.perf_counter()
            subprocess.run([tools.pdftoppm, "-r", str(args.dpi), "-gray", "-png", str(pdf), f"{folder}/r"], check=True)
            render_seconds = time.perf_counter() - started
            started = time.perf_counter()
            doc = read_document(pdf)
            seconds = time.perf_counter() - started
            by_page: dict[int | None, str] = {}
            for block in doc.blocks:  # a page is its paragraphs and table rows
                by_page[block.location.page] = f"{by_page.get(block.location.page, '')}\n{block.text}"
            recalls = [bigram_recall(t, by_page.get(n, "")) for n, t in enumerate(truths, 1)]
            figures[f"{kind}_recall"] = sum(recalls) / len(recalls)
            figures[f"{kind}_pages_per_second"] = len(truths) / seconds
            figures[f"{kind}_ocr_vs_render_ratio"] = seconds / max(render_seconds, 1e-6)
    figures["pages_per_second"] = min(figures["clean_pages_per_second"], figures["noisy_pages_per_second"])  # type: ignore[type-var]
    figures["load_average_1m"] = os.getloadavg()[0]
    for name, goal in GOALS.items():
        figures[f"{name}_goal"] = goal
    figures["tesseract"] = subprocess.run(
        [tools.tesseract, "--version"], capture_output=True, text=True
    ).stdout.split()[1]
    report(figures)


if __name__ == "__main__":
    main()
