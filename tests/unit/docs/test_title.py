"""A document's title is its own: a template's or a file's name in the metadata gives way to the first page."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.docs import read_in_process
from app.docs.title import unreliable_title
from tests.unit.docs.hwpxgen import build_hwpx, section_xml
from tests.unit.docs.pdfgen import write_pdf

KORQUAD_PAPER = "pdf/korquad2-paper-hclt2019.pdf"
TITLE = "2026년 물류 운영 개선 보고"


@pytest.mark.corpus
def test_the_korquad_paper_is_titled_by_its_first_page_not_the_conference_template(corpus: Path) -> None:
    document = read_in_process(corpus / KORQUAD_PAPER)
    # Its metadata title is "한국정보과학회 학술대회 논문작성양식"; the running header above the title
    # ("제31회 … 논문집 (2019년)") and the author line below it are not the title either.
    assert document.title == "KorQuAD 2.0: 웹문서 기계독해를 위한 한국어 질의응답 데이터셋"


@pytest.mark.parametrize(
    "metadata",
    ["한국정보과학회 학술대회 논문작성양식", "Microsoft Word - 물류보고.docx", "제목 없음", "Untitled", "문서1",
     "보고서", "물류보고.hwp", "물류보고", "HWP 문서", "보고서 서식", "1"],
)  # fmt: skip
def test_template_file_and_generic_metadata_titles_are_not_trusted(metadata: str) -> None:
    assert unreliable_title(metadata, Path("/문서/물류보고.docx"))


@pytest.mark.parametrize("metadata", [TITLE, "KorQuAD 2.0 데이터셋 소개", "상반기 실적", "LED TV 가격 착해진다"])
def test_a_real_metadata_title_is_kept(metadata: str) -> None:
    assert not unreliable_title(metadata, Path("/문서/물류보고.docx"))


def _docx(path: Path, metadata: str) -> Path:
    document = docx.Document()
    document.core_properties.title = metadata
    document.sections[0].header.paragraphs[0].text = "대외비"
    document.add_paragraph("- 1 -")
    document.add_paragraph(TITLE)
    document.add_paragraph("물류팀 김민수, 이서연")
    document.add_heading("1. 추진 배경", level=1)
    document.add_paragraph("협력사가 한 곳뿐이라 배송이 늦어지는 일이 잦습니다.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("metadata", ["Microsoft Word - 양식.docx", "보고서 양식", "물류보고", ""])
def test_docx_with_template_like_metadata_takes_its_first_heading(tmp_path: Path, metadata: str) -> None:
    assert read_in_process(_docx(tmp_path / "물류보고.docx", metadata)).title == TITLE


def test_docx_with_its_own_title_keeps_it(tmp_path: Path) -> None:
    assert read_in_process(_docx(tmp_path / "물류보고.docx", "하반기 물류 계획")).title == "하반기 물류 계획"


@pytest.mark.parametrize("metadata", ["제목 없음", "물류보고.hwpx", "물류보고"])
def test_hwpx_with_template_like_metadata_takes_its_first_heading(tmp_path: Path, metadata: str) -> None:
    section = section_xml(["2026. 11. 30.", TITLE, "물류팀", "협력사를 한 곳 더 두어 배송 지연을 줄이려 합니다."])
    path = build_hwpx(tmp_path / "물류보고.hwpx", [section], title=metadata)
    assert read_in_process(path).title == TITLE


def test_hwpx_without_any_title_like_line_falls_back_to_the_file_name(tmp_path: Path) -> None:
    section = section_xml(["- 1 -", "협력사를 한 곳 더 두어 배송 지연을 줄이려 합니다.", "김민수, 이서연"])
    path = build_hwpx(tmp_path / "물류보고.hwpx", [section], title="서식1")
    assert read_in_process(path).title == "물류보고"


def test_pdf_title_wraps_over_two_lines_and_skips_the_running_header(tmp_path: Path) -> None:
    first_page = [
        "제12회 물류 학술대회 논문집 (2026년)",
        "중소 제조업의 물류 협력사 다변화가 배송 지연에 미치는",
        "영향 분석",
        "김민수1, 이서연2, 박지훈",
        "한빛대학교 경영학과",
        "요약",
        "협력사를 늘린 기업은 배송 지연이 줄었다.",
    ]
    path = write_pdf(tmp_path / "paper.pdf", [first_page, ["2쪽 본문입니다."]], title="학술대회 논문작성양식")
    assert read_in_process(path).title == "중소 제조업의 물류 협력사 다변화가 배송 지연에 미치는 영향 분석"
