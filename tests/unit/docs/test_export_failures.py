"""A draft save that fails (full or read-only disk, a folder in the way) loses nothing and names the file."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from app.core.errors import BaroError, SaveFailed
from app.docs import read_document
from app.docs.writers import EXPORT_SUFFIXES, ExportError, check_export_target, export_layout
from app.text.korean_format import Layout, Role
from tests.fulldisk import fill
from tests.mounts import remount_read_only, tmpfs


def _layout(lines: int) -> Layout:
    layout = Layout("정보보안 교육 결과 보고")
    for number in range(1, lines + 1):
        layout.add(f"{number}. 교육 결과를 다음과 같이 보고합니다. 참석 인원은 {number * 7}명입니다.", Role.ITEM)
    return layout


@pytest.mark.parametrize("suffix", EXPORT_SUFFIXES)
def test_a_full_disk_keeps_the_previous_draft_intact(tmp_path: Path, suffix: str) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        target = export_layout(_layout(3), disk / f"report{suffix}")
        before = target.read_bytes()
        fill(disk)
        with pytest.raises(SaveFailed) as failed:
            export_layout(_layout(3000), target)  # far more than the one free byte
        gc.collect()  # a zip left open would complain here (ZipFile.__del__)
        assert target.read_bytes() == before
        assert sorted(os.listdir(disk)) == ["filler.bin", target.name]
        if suffix in (".docx", ".hwpx"):
            assert "참석 인원은 21명입니다" in read_document(target).text  # still the valid old document
    assert failed.value.user_message.startswith(f"report{suffix}: 저장하지 못했습니다 (디스크 공간이 부족합니다).")


def test_a_full_disk_leaves_no_empty_new_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        fill(disk)
        for suffix in EXPORT_SUFFIXES:
            with pytest.raises(SaveFailed):
                export_layout(_layout(3000), disk / f"new{suffix}")
        assert os.listdir(disk) == ["filler.bin"]


def test_the_target_is_checked_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "보고서.docx").mkdir()
    with pytest.raises(ExportError, match="같은 이름의 폴더가 있습니다"):
        check_export_target(tmp_path / "보고서.docx")
    with pytest.raises(ExportError, match="저장할 폴더"):
        check_export_target(tmp_path / "없는 폴더" / "보고서.docx")
    with pytest.raises(ExportError, match="저장할 수 없는 형식"):
        check_export_target(tmp_path / "보고서.pdf")
    check_export_target(tmp_path / "보고서.hwpx")
    assert sorted(os.listdir(tmp_path)) == ["보고서.docx"]  # the probe leaves nothing behind


def test_a_read_only_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        remount_read_only(disk)
        with pytest.raises(
            BaroError, match=r"보고서\.docx: 이 폴더\(.*\)에 저장할 수 없습니다 \(읽기 전용 저장 장치입니다\)"
        ):
            check_export_target(disk / "보고서.docx")
