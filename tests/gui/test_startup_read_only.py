"""A read-only data folder at start-up: one Korean message naming the folder, no traceback, no window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.gui.application import data_folder_problem, main
from tests.mounts import remount_read_only, tmpfs

pytestmark = pytest.mark.timeout(120)


def test_a_writable_home_is_no_problem() -> None:
    assert data_folder_problem() is None


def test_a_fresh_read_only_home_says_so_and_does_not_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(tmp_path / "home", size="1m") as home:
        monkeypatch.setenv("BARO_HOME", str(home))
        remount_read_only(home)
        shown: list[str] = []

        def read_and_close() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(100, read_and_close)
                return
            shown.append(box.text())
            box.accept()

        QTimer.singleShot(100, read_and_close)
        assert main([]) == 1
        assert len(shown) == 1 and str(home) in shown[0]
        assert "읽기 전용" in shown[0] or "쓸 수 없" in shown[0]
