from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.document import BlockKind
from app.core.errors import EncryptedDocument
from app.core.locations import Location
from app.docs import read_in_process
from tests.unit.docs.hwpxgen import build_hwpx, section_xml


def test_sections_paragraphs_and_table_rows_are_located(tmp_path: Path) -> None:
    path = build_hwpx(
        tmp_path / "공문.hwpx",
        [section_xml(["첫 문단", "둘째 문단"], [["부서", "예산"], ["총무과", "3억 원"]]), section_xml(["다음 구역"])],
        title="시행 공문",
    )
    document = read_in_process(path)
    assert (document.title, document.format) == ("시행 공문", "hwpx")
    assert [(b.kind, b.text, b.location) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "첫 문단", Location(section=1, paragraph=1)),
        (BlockKind.PARAGRAPH, "둘째 문단", Location(section=1, paragraph=2)),
        (BlockKind.TABLE_ROW, "부서 | 예산", Location(section=1, paragraph=3)),
        (BlockKind.TABLE_ROW, "총무과 | 3억 원", Location(section=1, paragraph=3)),
        (BlockKind.PARAGRAPH, "다음 구역", Location(section=2, paragraph=1)),
    ]


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("비밀", encoding="utf-8")
    xml = section_xml(["&xxe;", "보이는 글"]).replace("&amp;xxe;", "&xxe;")
    doctype = f'<!DOCTYPE hs:sec [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1)
    path = build_hwpx(tmp_path / "xxe.hwpx", [xml])
    assert read_in_process(path).text == "보이는 글"


def test_hwpx_saved_as_hwp_is_read_as_hwpx(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "x.hwp", [section_xml(["확장자만 HWP입니다"])])
    document = read_in_process(path)
    assert (document.format, document.text) == ("hwpx", "확장자만 HWP입니다")


def test_encrypted_hwpx_says_so(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "locked.hwpx", [section_xml(["암호"])])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("META-INF/manifest.xml", "<manifest><file-entry><encryption-data/></file-entry></manifest>")
    with pytest.raises(EncryptedDocument):
        read_in_process(path)
