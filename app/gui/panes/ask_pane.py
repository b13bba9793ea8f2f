"""질문 pane: the library on the left; a question, its answer with checked sentences, and its sources.

The question runs as one task: search the library, decide whether anything is relevant (if not, say so
without asking the model), then stream the answer from numbered passages. The conversation (``AskSession``)
keeps its passages, so a follow-up reuses the engine's cached prompt prefix. Changing the scope starts a
new conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.events import Done, SentenceVerdict
from app.gui.library.answer_view import ShownSource, render_answer, render_checked_answer, sources_html
from app.gui.library.panel import POLL_MS, LibraryPanel
from app.gui.panes.base import AssistantSource, StreamingPane
from app.tasks.ask import AskSession, ask
from app.tasks.documents import file_dialog_patterns
from app.tasks.results import AnswerResult

UrlOpener = Callable[[QUrl], object]


class AskPane(StreamingPane):
    def __init__(
        self,
        assistant_source: AssistantSource,
        library_db: Path,
        parent: QWidget | None = None,
        *,
        open_url: UrlOpener = QDesktopServices.openUrl,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._assistant_source = assistant_source
        self.library_db = library_db
        self._open_url = open_url
        self.session = AskSession()
        self.sources: list[ShownSource] = []
        self._documents: list[Path] = []

        self.library = LibraryPanel(library_db, poll_ms=poll_ms)
        self.library.roots_changed.connect(self._fill_scopes)
        self.hint = QLabel(
            self.tr(
                "Ask about the documents in your library. Answers cite their sources; nothing leaves this computer."
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.scope_box = QComboBox()
        self.scope_box.activated.connect(self._on_scope_chosen)
        self.new_button = QPushButton(self.tr("New conversation"))
        self.new_button.clicked.connect(self.new_conversation)
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("e.g. When is the deadline for the annual report?"))
        self.input.returnPressed.connect(self.ask)
        self.run_button = QPushButton(self.tr("Ask"))
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(self.ask)
        self.view.output.setOpenLinks(False)
        self.view.output.anchorClicked.connect(self._on_answer_link)
        sources_title = QLabel(self.tr("Sources"))
        sources_title.setObjectName("hint")
        self.sources_view = QTextBrowser()
        self.sources_view.setObjectName("sources")
        self.sources_view.setOpenLinks(False)
        self.sources_view.anchorClicked.connect(self._on_source_link)

        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("Search in:")))
        scope_row.addWidget(self.scope_box, 1)
        scope_row.addWidget(self.new_button)
        question_row = QHBoxLayout()
        question_row.addWidget(self.input, 1)
        question_row.addWidget(self.run_button)
        sources_box = QWidget()
        sources_layout = QVBoxLayout(sources_box)
        sources_layout.setContentsMargins(0, 0, 0, 0)
        sources_layout.addWidget(sources_title)
        sources_layout.addWidget(self.sources_view)
        answer_box = QWidget()
        answer_layout = QVBoxLayout(answer_box)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(self.status)
        answer_layout.addWidget(self.view, 1)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(answer_box)
        results.addWidget(sources_box)
        results.setSizes([260, 300])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint)
        right_layout.addLayout(scope_row)
        right_layout.addLayout(question_row)
        right_layout.addWidget(results, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.library)
        split.addWidget(right)
        split.setSizes([260, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._fill_scopes()

    # --- scope ------------------------------------------------------------------------------------

    def scope(self) -> Path | None:
        data = self.scope_box.currentData()
        return Path(data) if isinstance(data, str) and data else None

    def set_scope(self, path: Path | None) -> None:
        if path is not None and path.is_file() and path not in self._documents:
            self._documents.append(path)
            self._fill_scopes()
        index = self.scope_box.findData(str(path) if path is not None else "")
        if index >= 0:
            self.scope_box.setCurrentIndex(index)
        self._on_scope_chosen(self.scope_box.currentIndex())

    def _fill_scopes(self) -> None:
        current = self.scope_box.currentData()
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("Whole library"), "")
        for root in self.library.roots():
            label = self.tr("Folder: {name}") if root.is_dir() else self.tr("Document: {name}")
            self.scope_box.addItem(label.format(name=root.name), str(root))
        for document in self._documents:
            self.scope_box.addItem(self.tr("Document: {name}").format(name=document.name), str(document))
        self.scope_box.addItem(self.tr("One document…"), None)
        index = self.scope_box.findData(current) if current is not None else 0
        self.scope_box.setCurrentIndex(max(index, 0))

    def _on_scope_chosen(self, index: int) -> None:
        if self.scope_box.itemData(index) is None:
            patterns = file_dialog_patterns()
            roots = self.library.roots()
            start = str(roots[0]) if roots else ""
            documents = self.tr("Documents")
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Ask about one document"), start, f"{documents} ({patterns})"
            )
            self.set_scope(Path(name).absolute() if name else None)
            return
        if self.scope() != self.session.scope:
            self.new_conversation()

    def new_conversation(self) -> None:
        self.session = AskSession(scope=self.scope())
        self.sources = []
        self.sources_view.clear()
        self.view.output.clear()

    # --- asking -----------------------------------------------------------------------------------

    def ask(self) -> bool:
        question = self.input.text()
        if self.scope() != self.session.scope:
            self.new_conversation()
        session, db, source = self.session, self.library_db, self._assistant_source
        return self.run_task(lambda cancel: ask(session, question, source, db_path=db, cancel=cancel))

    def set_inputs_enabled(self, enabled: bool) -> None:
        self.input.setReadOnly(not enabled)
        self.run_button.setEnabled(enabled)
        self.scope_box.setEnabled(enabled)
        self.new_button.setEnabled(enabled)

    def _on_done(self, done: Done) -> None:
        super()._on_done(done)
        if isinstance(done.result, AnswerResult):
            self.show_result(done.result)

    def show_answer(self, question: str, text: str, result: AnswerResult | None = None) -> None:
        """An answer finished elsewhere (the quick-ask popup): a library answer with its sources and marks
        (``result``), else the text alone."""
        self.input.setText(question)
        if result is not None:
            self.show_result(result)
        else:
            self.view.clear_fixed_answer()
            self.view.output.setPlainText(text)

    def show_result(self, result: AnswerResult) -> None:
        # The fixed answer is shown here too for a result opened from the popup, where nothing streamed.
        if result.fixed_answer is not None:
            self.view.show_fixed_answer(result.fixed_answer)
        else:
            self.view.clear_fixed_answer()
        self.sources = [ShownSource.of(s) for s in result.sources] if result.relevant else []
        if not result.relevant:
            self.view.output.setPlainText(result.answer)
            self.sources_view.clear()
            return
        render_answer(self.view.output, result.answer, result.sentences)
        self.sources_view.setHtml(sources_html(self.sources))
        timing = result.timing
        if timing is not None and timing.cached_tokens:
            self.status.stage_label.setText(
                self.tr("Done — {cached} of {total} prompt tokens reused from the previous question").format(
                    cached=timing.cached_tokens, total=timing.prompt_tokens
                )
            )

    def show_checked_answer(self, answer: str, sources: list[ShownSource]) -> list[SentenceVerdict]:
        """Render ``answer`` checked against ``sources`` (what ``show_result`` shows after a real answer)."""
        self.sources = sources
        sentences = render_checked_answer(self.view.output, answer, sources)
        self.sources_view.setHtml(sources_html(sources))
        return sentences

    def _on_answer_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) < 2 or parts[0] != "source":
            return
        number = int(parts[1])
        focus = (number, int(parts[2]), int(parts[3])) if len(parts) == 4 else None
        self.sources_view.setHtml(sources_html(self.sources, focus))
        self.sources_view.scrollToAnchor(f"source-{number}")

    def _on_source_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 2 and parts[0] == "open":
            for source in self.sources:
                if source.number == int(parts[1]):
                    self._open_url(QUrl.fromLocalFile(str(source.path)))

    def cancel(self) -> None:
        super().cancel()
        self.library.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return super().wait(msecs) and self.library.wait(msecs)
