"""요약 pane: choose or drop a document, get a streamed summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.cancel import CancelToken
from app.core.events import Event
from app.docs import supported_suffixes
from app.gui.panes.base import TaskPane
from app.tasks.assistant import Assistant
from app.tasks.summarize import SummaryStyle, summarize

AssistantSource = Callable[[CancelToken], Iterator[Event | Assistant]]


class SummarizePane(TaskPane):
    def __init__(self, assistant_source: AssistantSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assistant_source = assistant_source
        self.current_file: Path | None = None
        self.setAcceptDrops(True)

        self.hint = QLabel(self.tr("Drop a document here or choose one. HWP, HWPX, PDF, DOCX, TXT and more."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("fileLabel")
        self.open_button = QPushButton(self.tr("Choose file…"))
        self.open_button.clicked.connect(self.choose_file)
        self.style_box = QComboBox()
        self.style_box.addItem(self.tr("3-line gist"), SummaryStyle.GIST.value)
        self.style_box.addItem(self.tr("Bullet points"), SummaryStyle.BULLETS.value)
        self.style_box.addItem(self.tr("Section by section"), SummaryStyle.SECTIONS.value)
        self.style_box.setCurrentIndex(1)
        self.run_button = QPushButton(self.tr("Summarize"))
        self.run_button.setObjectName("primary")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.start)

        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.style_box)
        row.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(supported_suffixes()))
        documents = self.tr("Documents")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a document"), "", f"{documents} ({patterns})")
        if name:
            self.summarize_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.current_file = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self.run_button.setEnabled(not self.busy)

    def summarize_file(self, path: Path) -> bool:
        """Check the file, then start summarizing it. Returns False (with a message) when it cannot."""
        problem = self._problem_with(path)
        if problem:
            self.view.fail(problem)
            return False
        self.set_file(path)
        return self.start()

    def start(self) -> bool:
        if self.current_file is None:
            return False
        path = self.current_file
        style = SummaryStyle(self.style_box.currentData())
        source = self._assistant_source

        def task(cancel: CancelToken) -> Iterator[Event]:
            assistant: Assistant | None = None
            for item in source(cancel):
                if isinstance(item, Assistant):
                    assistant = item
                else:
                    yield item
            assert assistant is not None
            yield from summarize(assistant, path, style, cancel=cancel)

        return self.run_task(task)

    def set_inputs_enabled(self, enabled: bool) -> None:
        self.open_button.setEnabled(enabled)
        self.style_box.setEnabled(enabled)
        self.run_button.setEnabled(enabled and self.current_file is not None)

    def _problem_with(self, path: Path) -> str:
        if path.is_dir():
            return self.tr("{name} is a folder. Drop a document file (HWP, PDF, DOCX …) instead.").format(
                name=path.name
            )
        if not path.exists():
            return self.tr("{name} was not found.").format(name=path.name)
        if path.suffix.lower() not in supported_suffixes():
            return self.tr("{name}: this file type is not supported. Use HWP, HWPX, PDF, DOCX, TXT or MD.").format(
                name=path.name
            )
        return ""

    # --- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.summarize_file(paths[0])
