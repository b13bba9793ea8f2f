"""Atomic saves: the target holds either its old bytes or all of the new ones, never anything in between."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.atomic_file import atomic_write, probe_folder, write_bytes_atomically, write_text_atomically
from app.core.errors import SaveFailed
from tests.fulldisk import fill
from tests.mounts import remount_read_only, tmpfs

OLD = b"the old, valid contents\n" * 10


def test_a_save_replaces_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "보고서.txt"
    target.write_bytes(OLD)
    write_text_atomically(target, "새 내용\n")
    assert target.read_text(encoding="utf-8") == "새 내용\n"
    assert os.listdir(tmp_path) == ["보고서.txt"]


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        target = disk / "report.docx"
        target.write_bytes(OLD)
        fill(disk)
        with pytest.raises(SaveFailed) as failed:
            write_bytes_atomically(target, b"x" * 200_000)
        assert target.read_bytes() == OLD
        assert sorted(os.listdir(disk)) == ["filler.bin", "report.docx"]
    message = failed.value.user_message
    assert message.startswith("report.docx: 저장하지 못했습니다 (디스크 공간이 부족합니다).")
    assert "원래 파일은 그대로 있습니다" in message


def test_a_full_disk_never_leaves_an_empty_new_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        fill(disk)
        with pytest.raises(SaveFailed, match="디스크 공간이 부족합니다"):
            write_bytes_atomically(disk / "new.hwpx", b"x" * 10_000)
        assert os.listdir(disk) == ["filler.bin"]


def test_a_read_only_disk_is_one_clear_error_and_the_probe_sees_it_first(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        target = disk / "settings.toml"
        target.write_bytes(OLD)
        remount_read_only(disk)
        with pytest.raises(OSError):
            probe_folder(target)
        with pytest.raises(SaveFailed, match="읽기 전용 저장 장치입니다"):
            write_text_atomically(target, "new")
        assert target.read_bytes() == OLD


def test_an_error_while_writing_keeps_the_original(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_bytes(OLD)
    with pytest.raises(RuntimeError), atomic_write(target) as out:
        out.write(b"half of it")
        raise RuntimeError("the writer broke")
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["draft.md"]


def test_modes_are_kept_or_set(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_bytes(OLD)
    kept.chmod(0o640)
    write_text_atomically(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    private = write_text_atomically(tmp_path / "settings.toml", "x = 1\n", permissions=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_a_symlink_is_saved_through(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "settings.toml"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_folder_in_the_way_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "out.docx").mkdir()
    with pytest.raises(SaveFailed, match=r"out\.docx: 저장하지 못했습니다 \(같은 이름의 폴더가 있습니다\)"):
        write_bytes_atomically(tmp_path / "out.docx", b"x")
    with pytest.raises(SaveFailed, match="저장할 폴더가 없습니다"):
        write_bytes_atomically(tmp_path / "missing" / "out.docx", b"x")
