from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from app.core.errors import DocumentTooLarge, EncryptedDocument, NoTextLayer
from app.docs import Limits, read_in_process
from tests.unit.docs.pdfgen import korean_pages, write_pdf


def test_korean_pdf_pages_are_located(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "k.pdf", korean_pages(3, lines_per_page=2), title="시험 문서")
    document = read_in_process(path)
    assert document.title == "시험 문서"
    assert document.format == "pdf"
    assert [b.location.page for b in document.blocks] == [1, 2, 3]
    assert document.blocks[1].text.startswith("2쪽 1행: 바로는 내 컴퓨터에서만")


def _encrypt(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_password_protected_pdf_says_it_needs_a_password(tmp_path: Path) -> None:
    plain = write_pdf(tmp_path / "plain.pdf", korean_pages(1))
    locked = _encrypt(plain, tmp_path / "locked.pdf", "secret")
    with pytest.raises(EncryptedDocument, match="암호"):
        read_in_process(locked)


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    plain = write_pdf(tmp_path / "plain.pdf", korean_pages(1, lines_per_page=1))
    restricted = _encrypt(plain, tmp_path / "restricted.pdf", "")
    assert "1쪽 1행" in read_in_process(restricted).text


def test_scanned_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [[], []], image_only=True)
    with pytest.raises(NoTextLayer, match="OCR"):
        read_in_process(path)


def test_page_budget(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "long.pdf", korean_pages(12, lines_per_page=1))
    with pytest.raises(DocumentTooLarge, match="12쪽"):
        read_in_process(path, limits=Limits(max_pdf_pages=10))


def test_progress_is_reported_per_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "k.pdf", korean_pages(4, lines_per_page=1))
    seen: list[float] = []
    read_in_process(path, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) == 5
