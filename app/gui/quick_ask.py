"""빠른 질문: a small frameless popup near the cursor. Type, press Enter, read the streamed answer.

With 라이브러리 on, the question goes through the grounded 질문 task (``app.tasks.ask``) and the answer
shows its checked sentences and numbered sources; otherwise the model answers on its own. A file dropped
on the popup is summarized. Esc cancels what is running and hides the popup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QDragEnterEvent, QDropEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.events import Done, Event, TaskResult
from app.gui.file_drops import accept_file_drag, take_dropped_files
from app.gui.library.answer_view import ShownSource, render_answer, sources_html
from app.gui.panes.base import AssistantSource, StreamingPane
from app.tasks.ask import AskSession, ask
from app.tasks.assistant import take_assistant
from app.tasks.quick_answer import answer_question
from app.tasks.results import AnswerResult
from app.tasks.summarize import summarize

PopupKind = Literal["quick", "library", "summary"]


@dataclass(frozen=True)
class PopupResult:
    """What the popup shows, handed to the main window by "Open in main window"."""

    kind: PopupKind
    question: str
    """The question asked, or the name of the file summarized."""
    text: str
    """The text as the popup shows it."""
    result: TaskResult | None = None
    """The task's typed result when it finished (an ``AnswerResult``, ``SummaryResult``…)."""


OpenInWindow = Callable[[PopupResult], None]

POPUP_SIZE = (560, 380)


class QuickAskPopup(StreamingPane):
    def __init__(
        self,
        assistant_source: AssistantSource,
        library_db: Path,
        open_in_window: OpenInWindow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickAsk")
        self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Quick ask"))
        self.setAcceptDrops(True)
        self.resize(*POPUP_SIZE)
        self._assistant_source = assistant_source
        self._open_in_window = open_in_window
        self.library_db = library_db
        self.last_kind: PopupKind = "quick"
        self.last_question = ""
        self.last_file: Path | None = None
        """The file last dropped (or the clipboard's text, saved) to summarize."""

        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Ask anything, or drop a file here to summarize it"))
        self.input.returnPressed.connect(self.ask)
        self.use_library = QCheckBox(self.tr("Library"))
        self.use_library.setToolTip(self.tr("Answer from the documents in your library, with sources"))
        self.sources_view = QTextBrowser()
        self.sources_view.setObjectName("sources")
        self.sources_view.setMaximumHeight(110)
        self.sources_view.hide()
        self.model_note = QLabel()
        self.model_note.setObjectName("hint")
        self.model_note.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_answer)
        self.open_button = QPushButton(self.tr("Open in main window"))
        self.open_button.clicked.connect(self.open_in_main_window)
        for button in (self.copy_button, self.open_button):
            button.setEnabled(False)

        frame = QFrame()
        frame.setObjectName("quickAskFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        top = QHBoxLayout()
        top.addWidget(self.input, 1)
        top.addWidget(self.use_library)
        buttons = QHBoxLayout()
        buttons.addWidget(self.model_note, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        inner = QVBoxLayout(frame)
        inner.addLayout(top)
        inner.addWidget(self.status)
        inner.addWidget(self.view, 1)
        inner.addWidget(self.sources_view)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    # --- showing --------------------------------------------------------------------------------

    def popup(self, at: QPoint | None = None) -> None:
        """Show near ``at`` (default: the mouse cursor), kept inside that screen."""
        point = at if at is not None else QCursor.pos()
        screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        if not area.contains(point):
            point = area.center()
        x = min(max(area.left(), point.x() - self.width() // 2), area.right() - self.width())
        y = min(max(area.top(), point.y() - 40), area.bottom() - self.height())
        self.move(x, y)
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()
        self.input.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- tasks ----------------------------------------------------------------------------------

    def ask(self) -> bool:
        question = self.input.text()
        source = self._assistant_source
        self.last_question = question
        if self.use_library.isChecked():
            self.last_kind = "library"
            db = self.library_db
            return self._start(lambda cancel: ask(AskSession(), question, source, db_path=db, cancel=cancel))
        self.last_kind = "quick"

        def quick_task(cancel: CancelToken) -> Iterator[Event]:
            assistant = yield from take_assistant(source, cancel)
            yield from answer_question(assistant, question, cancel=cancel)

        return self._start(quick_task)

    def summarize_file(self, path: Path) -> bool:
        source = self._assistant_source
        self.last_kind, self.last_question, self.last_file = "summary", path.name, path
        self.input.setText(path.name)

        def summary_task(cancel: CancelToken) -> Iterator[Event]:
            assistant = yield from take_assistant(source, cancel)
            yield from summarize(assistant, path, cancel=cancel)

        return self._start(summary_task)

    def _start(self, factory: Callable[[CancelToken], Iterator[Event]]) -> bool:
        if self.busy:
            return False
        self.sources_view.hide()
        self.sources_view.clear()
        self.model_note.clear()
        return self.run_task(factory)

    def set_inputs_enabled(self, enabled: bool) -> None:
        self.input.setReadOnly(not enabled)
        self.use_library.setEnabled(enabled)
        has_text = enabled and bool(self.answer_text())
        self.copy_button.setEnabled(has_text)
        self.open_button.setEnabled(has_text)

    def _on_done(self, done: Done) -> None:
        super()._on_done(done)
        result = done.result
        if self.last_kind == "library" and isinstance(result, AnswerResult) and result.relevant:
            render_answer(self.view.output, result.answer, result.sentences)
            self.sources_view.setHtml(sources_html([ShownSource.of(s) for s in result.sources]))
            self.sources_view.show()
        elif self.last_kind == "quick":
            self.model_note.setText(self.tr("Answered by the model alone, without your documents: check it."))
        self.set_inputs_enabled(True)

    # --- results --------------------------------------------------------------------------------

    def answer_text(self) -> str:
        return self.view.shown_text()

    def copy_answer(self) -> None:
        text = self.answer_text()
        if text:
            QApplication.clipboard().setText(text)

    def open_in_main_window(self) -> None:
        done = self.last_result
        result = done.result if done is not None else None
        self._open_in_window(PopupResult(self.last_kind, self.last_question, self.answer_text(), result))
        self.hide()

    # --- drop a file to summarize -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = take_dropped_files(event)
        if paths:
            self.summarize_file(paths[0])
