"""Files dropped on a Baro window: the one place a drop becomes paths (the main window and 요약 summarize
them, the quick-ask popup too, 초안 takes them as references)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent


def accept_file_drag(event: QDragEnterEvent) -> None:
    if event.mimeData().hasUrls():
        event.acceptProposedAction()


def take_dropped_files(event: QDropEvent) -> list[Path]:
    """The local files in the drop, accepting the drop when there is at least one."""
    paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
    if paths:
        event.setDropAction(Qt.DropAction.CopyAction)  # a copy, never a move: the user's file stays put
        event.accept()
    return paths
