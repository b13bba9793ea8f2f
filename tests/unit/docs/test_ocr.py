"""Scanned PDFs are read by 글자 인식 (Tesseract's Korean model) in the reader process, page by page."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import NothingRecognised, OcrUnavailable
from app.core.locations import Location
from app.docs import ocr as ocr_module
from app.docs import read_document
from app.docs.inprocess import read_in_process
from app.docs.readers import pdf as pdf_reader
from tests.unit.docs.scans import bigram_recall, image_only_pdf, korean_font, render_page

NOTICE = (
    "해외 출장 숙박비는 1박에 20만 원까지 지원한다. 국내 출장 숙박비는 1박에 10만 원까지 지원한다.\n"
    "출장 보고서는 복귀 후 5일 이내에 경영지원팀에 제출해야 한다.\n"
    "다음 운영위원회 회의는 4월 12일 본사 대회의실에서 열린다. 참석 대상은 각 팀장 12명이다."
)

needs_ocr = pytest.mark.skipif(
    ocr_module.ocr_tools() is None or korean_font() is None,
    reason="tesseract-ocr, tesseract-ocr-kor, poppler-utils and fonts-noto-cjk are needed (make sysdeps)",
)


@needs_ocr
def test_a_scanned_pdf_is_recognised_page_by_page_with_its_pages(tmp_path: Path) -> None:
    scan = image_only_pdf(tmp_path / "스캔 공문.pdf", [render_page(NOTICE), render_page(NOTICE, noisy=True)])
    doc = read_document(scan)  # in the sandboxed reader, like every file
    assert [b.location for b in doc.blocks] == [Location(page=1, ocr=True), Location(page=2, ocr=True)]
    clean, noisy = (bigram_recall(NOTICE, b.text) for b in doc.blocks)
    assert clean >= 0.9 and noisy >= 0.8, (clean, noisy, doc.blocks[0].text)
    assert "20만" in doc.blocks[0].text and "12일" in doc.blocks[0].text
    assert any("글자 인식(OCR)" in n for n in doc.notices)
    assert doc.blocks[0].location.label() == "1쪽 (OCR 인식 글자)"


@needs_ocr
def test_scanned_pages_beyond_the_cap_are_left_out_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_OCR_PAGES", 1)
    scan = image_only_pdf(tmp_path / "긴 스캔.pdf", [render_page(NOTICE), render_page(NOTICE)])
    doc = read_in_process(scan)
    assert [b.location.page for b in doc.blocks] == [1]
    assert any("1쪽까지만" in n and "나머지 1쪽" in n for n in doc.notices)


@needs_ocr
def test_a_blank_scan_says_nothing_was_recognised(tmp_path: Path) -> None:
    blank = image_only_pdf(tmp_path / "빈 스캔.pdf", [render_page("")])
    with pytest.raises(NothingRecognised, match=r"빈 스캔\.pdf.*글자를 찾지 못했습니다"):
        read_document(blank)


def test_without_the_ocr_programs_a_scan_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if korean_font() is None:
        pytest.skip("fonts-noto-cjk is needed to draw the scan")
    scan = image_only_pdf(tmp_path / "스캔.pdf", [render_page(NOTICE)])
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract, no pdftoppm on it
    ocr_module.ocr_tools.cache_clear()
    try:
        with pytest.raises(OcrUnavailable) as raised:
            read_in_process(scan)
    finally:
        ocr_module.ocr_tools.cache_clear()
    message = raised.value.user_message
    assert "스캔.pdf" in message and "tesseract-ocr-kor" in message and "poppler-utils" in message
