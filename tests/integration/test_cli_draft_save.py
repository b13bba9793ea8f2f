"""`baro draft --out` as a user runs it: an unusable target is refused before generating, and a save that
fails on a full disk leaves the previous file byte for byte, no temporary or empty file, and one clear line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.docs.writers import export_layout
from app.text.korean_format import Layout, Role
from tests.fulldisk import fill
from tests.integration.cli import baro
from tests.mounts import remount_read_only, tmpfs

FIELDS = ("--field", "제목=회의 일정 변경", "--field", "받는사람=김민수 과장", "--field", "보내는사람=이서연")
POINT = ("--field", "요점=회의를 목요일 오후 2시로 옮깁니다")


def _draft(out: Path, *extra: str) -> tuple[int, str, list[str]]:
    result = baro("draft", "--template", "이메일", *FIELDS, *POINT, "--max-tokens", "16", "--out", str(out), *extra)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr.strip().splitlines()


def test_a_folder_named_like_the_target_is_refused_before_generating(tmp_path: Path) -> None:
    (tmp_path / "report.docx").mkdir()
    code, stdout, err = _draft(tmp_path / "report.docx", "--model", str(tmp_path / "없는 모델.gguf"))
    assert code == 1
    assert stdout == ""  # nothing was generated (and the model, which does not exist, was never opened)
    assert err == ["baro: report.docx: 같은 이름의 폴더가 있습니다. 다른 파일 이름을 골라 주세요."]


def test_a_read_only_folder_is_refused_before_generating(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        remount_read_only(disk)
        code, stdout, err = _draft(disk / "report.hwpx", "--model", str(tmp_path / "없는 모델.gguf"))
    assert code == 1 and stdout == ""
    assert len(err) == 1 and err[0].startswith("baro: report.hwpx: 이 폴더(") and "읽기 전용" in err[0]


def _valid_report(path: Path) -> Path:
    layout = Layout("지난 보고서")
    layout.add("1. 이 파일은 사용자가 이미 저장해 둔 보고서입니다.", Role.ITEM)
    return export_layout(layout, path)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["report.docx", "report.hwpx", "new.docx"])
def test_a_full_disk_keeps_the_previous_file(tmp_path: Path, name: str, default_model_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        target = disk / name
        before = _valid_report(target).read_bytes() if name.startswith("report") else None
        fill(disk)
        code, stdout, err = _draft(target)
        left = sorted(os.listdir(disk))
        after = target.read_bytes() if target.exists() else None
    assert code == 1
    assert stdout.strip(), "the draft itself was shown, so the user still has the text"
    assert after == before
    assert left == sorted(["filler.bin", *([name] if before is not None else [])])
    failures = [line for line in err if "저장하지 못했습니다" in line]
    assert failures == [err[-1]]
    assert err[-1].startswith(f"baro: {name}: 저장하지 못했습니다 (디스크 공간이 부족합니다).")
