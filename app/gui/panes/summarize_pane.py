"""요약 pane: choose or drop documents, see key quotes at once, then a checked AI summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.errors import BaroError, NotRegularFile
from app.core.events import Done, Event, GuardHit, KeyPoints, Notice, SentenceVerdict, Token, Withdraw
from app.core.files import require_regular_file
from app.gui.file_drops import accept_file_drag, take_dropped_files
from app.gui.panes.base import AssistantSource, TaskPane
from app.gui.panes.summary_render import (
    SummaryState,
    UnsupportedDisplay,
    reasons_html,
    render_html,
    source_html,
)
from app.tasks.assistant import take_assistant
from app.tasks.documents import file_dialog_patterns, is_readable_kind
from app.tasks.history import recent_summaries, remember_summary
from app.tasks.results import SummaryResult
from app.tasks.summarize import SummaryLength, SummaryRequest, SummaryStyle, summarize
from app.tasks.summary_export import save_summary, to_markdown

RENDER_INTERVAL_MS = 100


class SummarizePane(TaskPane):
    def __init__(self, assistant_source: AssistantSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task.yielded.connect(self._on_event)
        self._assistant_source = assistant_source
        self.current_file: Path | None = None
        self.queue: list[Path] = []
        self.state = SummaryState()
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self.refresh)
        self.setAcceptDrops(True)

        self.hint = QLabel(
            self.tr(
                "Drop one or more documents here, or choose one. HWP, HWPX, PDF, DOCX, TXT and more; scans and photos of documents too."
            )
        )
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
        self.length_box = QComboBox()
        self.length_box.addItem(self.tr("Short"), SummaryLength.SHORT.value)
        self.length_box.addItem(self.tr("Medium"), SummaryLength.MEDIUM.value)
        self.length_box.addItem(self.tr("Long"), SummaryLength.LONG.value)
        self.length_box.setCurrentIndex(1)
        self.run_button = QPushButton(self.tr("Summarize"))
        self.run_button.setObjectName("primary")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.start)
        self.again_button = QPushButton(self.tr("Regenerate"))
        self.again_button.setEnabled(False)
        self.again_button.clicked.connect(self.start)

        self.display_box = QComboBox()
        self.display_box.addItem(self.tr("Mark unsupported sentences"), UnsupportedDisplay.MARK.value)
        self.display_box.addItem(self.tr("Strike them through"), UnsupportedDisplay.STRIKE.value)
        self.display_box.addItem(self.tr("Hide them"), UnsupportedDisplay.HIDE.value)
        self.display_box.currentIndexChanged.connect(self.refresh)
        self.history_box = QComboBox()
        self.history_box.setMinimumWidth(200)
        self.history_box.activated.connect(self._show_history_entry)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_result)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.clicked.connect(self.save_result)

        self.result = QTextBrowser()
        self.result.setObjectName("output")
        self.result.setOpenLinks(False)
        self.result.anchorClicked.connect(self._on_anchor)
        self.source_panel = QTextBrowser()
        self.source_panel.setObjectName("sourcePanel")
        self.source_panel.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.result)
        splitter.addWidget(self.source_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.style_box)
        row.addWidget(self.length_box)
        row.addWidget(self.run_button)
        row.addWidget(self.again_button)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("History:")))
        tools.addWidget(self.history_box)
        tools.addStretch(1)
        tools.addWidget(self.display_box)
        tools.addWidget(self.copy_button)
        tools.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addLayout(tools)
        self.task_finished.connect(self._after_task)
        self._load_history()
        self._update_result_buttons()

    # --- starting -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        patterns = file_dialog_patterns()
        documents = self.tr("Documents")
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose documents"), "", f"{documents} ({patterns})")
        if names:
            self.summarize_files([Path(n) for n in names])

    def summarize_files(self, paths: list[Path]) -> bool:
        """Summarize each usable file in turn; say why any other one is skipped."""
        usable: list[Path] = []
        problems: list[str] = []
        for path in paths:
            problem = self._problem_with(path)
            (problems.append(problem) if problem else usable.append(path))
        if problems:
            self.status.fail("\n".join(problems))
        if not usable:
            return False
        if self.busy:
            self.queue.extend(usable)
            return True
        self.queue.extend(usable[1:])
        self.set_file(usable[0])
        return self.start()

    def summarize_file(self, path: Path) -> bool:
        return self.summarize_files([path])

    def set_file(self, path: Path) -> None:
        self.current_file = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self.run_button.setEnabled(not self.busy)

    def start(self) -> bool:
        if self.current_file is None:
            return False
        path = self.current_file
        request = SummaryRequest(
            SummaryStyle(self.style_box.currentData()), SummaryLength(self.length_box.currentData())
        )
        source = self._assistant_source

        def task(cancel: CancelToken) -> Iterator[Event]:
            assistant = yield from take_assistant(source, cancel)
            yield from summarize(assistant, path, request, cancel=cancel)

        self.state = SummaryState()
        self.source_panel.hide()
        self.refresh()
        return self.run_task(task)

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.open_button, self.style_box, self.length_box, self.history_box):
            widget.setEnabled(enabled)
        self.run_button.setEnabled(enabled and self.current_file is not None)
        self.again_button.setEnabled(enabled and self.current_file is not None and self.state.finished)
        self._update_result_buttons()

    # --- results --------------------------------------------------------------------------------

    @property
    def display(self) -> UnsupportedDisplay:
        return UnsupportedDisplay(self.display_box.currentData())

    def refresh(self) -> None:
        bar = self.result.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        self.result.setHtml(render_html(self.state, self.display))
        if at_end:
            bar.setValue(bar.maximum())

    def _on_event(self, item: object) -> None:
        if isinstance(item, KeyPoints):
            self.state.take_key_points(item)
        elif isinstance(item, Token | Withdraw):
            if self.state.take_stream(item):
                self._refresh_soon()
            return
        elif isinstance(item, Notice):
            self.state.notices.append(item)
            self.status.notice.hide()  # shown in the result, with its link
        elif isinstance(item, SentenceVerdict):
            self.state.verdicts.append(item)
            self._refresh_soon()
            return
        elif isinstance(item, GuardHit):
            self.state.guard_hits.append(item)
        elif isinstance(item, Done):
            self.state.text = item.text or self.state.text
            if isinstance(item.result, SummaryResult):
                self.state.small_model = item.result.model_is_small
            self.state.finished = True
        else:
            return
        self._render_timer.stop()
        self.refresh()

    def _refresh_soon(self) -> None:
        """Streamed text re-renders the whole summary: at most once per ``RENDER_INTERVAL_MS``, not per token."""
        if not self._render_timer.isActive():
            self._render_timer.start()

    def _after_task(self, outcome: str) -> None:
        if outcome == "done" and self.last_result is not None:
            self._remember(self.last_result)
        self.again_button.setEnabled(self.current_file is not None)
        self._update_result_buttons()
        if self.queue:
            self.set_file(self.queue.pop(0))
            self.start()

    def _on_anchor(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "action":
            self.status.link_activated.emit(value)
            return
        if not value.isdigit():
            return
        index = int(value)
        if kind == "src" and index < len(self.state.quotes):
            self.source_panel.setHtml(source_html(self.state.quotes[index]))
            self.source_panel.show()
        elif kind == "why" and index < len(self.state.verdicts):
            self.source_panel.setHtml(reasons_html(self.state.verdicts[index]))
            self.source_panel.show()

    def _summary(self) -> SummaryResult | None:
        result = self.last_result.result if self.last_result is not None else None
        return result if isinstance(result, SummaryResult) else None

    def _update_result_buttons(self) -> None:
        has_result = self._summary() is not None and not self.busy
        self.copy_button.setEnabled(has_result)
        self.save_button.setEnabled(has_result)

    def copy_result(self) -> None:
        result = self._summary()
        if result is not None:
            QGuiApplication.clipboard().setText(to_markdown(result))

    def save_result(self, path: Path | None = None) -> bool:
        result = self._summary()
        if result is None:
            return False
        if path is None:
            if self.state.guard_hits and not self._confirm_flagged_export():
                return False
            suggested = Path(result.file or "요약").with_suffix("").name + " 요약.docx"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save summary"), suggested, self.tr("Word document (*.docx);;Markdown (*.md)")
            )
            if not name:
                return False
            path = Path(name)
        try:
            save_summary(result, path)
        except BaroError as err:
            self.status.fail(err.user_message)
            return False
        return True

    def _confirm_flagged_export(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Save summary"),
            self.tr(
                "{count} sentences state something that is not factual (marked in red). "
                "The saved file will mark them too. Save anyway?"
            ).format(count=len(self.state.guard_hits)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    # --- history --------------------------------------------------------------------------------

    def _remember(self, done: Done) -> None:
        if not isinstance(done.result, SummaryResult):
            return
        try:
            kept = remember_summary(done.result)
        except BaroError as err:
            self.status.fail(err.user_message)
            return
        if kept:
            self._load_history()

    def _load_history(self) -> None:
        self.history_box.clear()
        self.history_box.addItem(self.tr("(recent summaries)"), None)
        try:
            kept = recent_summaries()
        except BaroError:
            return
        for entry in kept:
            self.history_box.addItem(entry.title, entry.result)

    def _show_history_entry(self, index: int) -> None:
        result = self.history_box.itemData(index)
        if isinstance(result, SummaryResult):
            self.show_summary(result)

    def show_summary(self, result: SummaryResult) -> None:
        """Show a finished summary (from the history, or the quick-ask popup's)."""
        self.state = SummaryState.from_result(result)
        self.last_result = Done(result.summary, result)
        self.source_panel.hide()
        self.refresh()
        self._update_result_buttons()

    def _problem_with(self, path: Path) -> str:
        if path.is_dir():
            return self.tr("{name} is a folder. Drop a document file (HWP, PDF, DOCX …) instead.").format(
                name=path.name
            )
        if not path.exists():
            return self.tr("{name} was not found.").format(name=path.name)
        if not is_readable_kind(path):
            return self.tr(
                "{name}: this file type is not supported. Use HWP, HWPX, PDF, DOCX, TXT, MD or a scan (PNG, JPG, TIF)."
            ).format(name=path.name)
        try:
            require_regular_file(path)
        except NotRegularFile as err:  # a FIFO or device named like a document
            return err.user_message
        except OSError:
            pass  # reading it says what is wrong
        return ""

    # --- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = take_dropped_files(event)
        if paths:
            self.summarize_files(paths)
