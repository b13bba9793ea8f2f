"""The main window: a sidebar with 요약 / 초안 / 질문, their panes, and the model's state below."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.errors import ModelNotLoaded
from app.core.events import Event, Progress
from app.gui.dialogs.about_dialog import AboutDialog, open_about_dialog
from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.gui.engine_controller import EngineController, EngineState
from app.gui.file_drops import accept_file_drag, take_dropped_files
from app.gui.menus import install_menus, open_models_dialog, open_settings_dialog
from app.gui.panes.ask_pane import AskPane
from app.gui.panes.base import TaskPane
from app.gui.panes.draft_pane import DraftPane
from app.gui.panes.summarize_pane import SummarizePane
from app.tasks.assistant import Assistant
from app.tasks.library import user_library_db
from app.tasks.results import AnswerResult, SummaryResult

CLOSE_WAIT_MS = 3000


class MainWindow(QMainWindow):
    settings_saved = Signal(object)
    """The settings dialog saved these ``Settings``."""

    def __init__(self, engine: EngineController) -> None:
        super().__init__()
        self.engine = engine
        self.close_to_tray: Callable[[], None] | None = None
        """Set by the shell while a tray icon is shown: closing then hides the window and calls this."""
        self._quitting = False
        self.setWindowTitle(self.tr("Baro — offline Korean assistant"))
        self.setAcceptDrops(True)
        self.resize(980, 680)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(120)
        self.stack = QStackedWidget()
        self.summarize_pane = SummarizePane(self.assistant_when_ready)
        self.draft_pane = DraftPane(self.assistant_when_ready)
        self.ask_pane = AskPane(self.assistant_when_ready, user_library_db())
        for label, pane in (
            (self.tr("Summarize"), self.summarize_pane),
            (self.tr("Draft"), self.draft_pane),
            (self.tr("Ask"), self.ask_pane),
        ):
            QListWidgetItem(label, self.nav)
            self.stack.addWidget(pane)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.model_label = QLabel()
        self.model_label.setObjectName("modelState")
        self.statusBar().addPermanentWidget(self.model_label)
        engine.state_changed.connect(self._on_engine_state, Qt.ConnectionType.QueuedConnection)
        engine.memory_refused.connect(self._offer_load_anyway, Qt.ConnectionType.QueuedConnection)
        self._on_engine_state(engine.state.value, engine.detail)
        install_menus(self, self)
        for each in self.panes:
            each.models_requested.connect(self.open_models)

    @property
    def panes(self) -> tuple[TaskPane, ...]:
        return (self.summarize_pane, self.draft_pane, self.ask_pane)

    def show_pane(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    # --- the menu's intents (app.gui.menus.MenuWindow) --------------------------------------------

    def open_models(self) -> ModelsDialog:
        return open_models_dialog(self, self)

    def open_settings(self) -> SettingsDialog:
        """설정; a save is announced by ``settings_saved`` (the shell applies the hotkey and autostart)."""
        dialog = open_settings_dialog(self, self)
        dialog.saved.connect(self.settings_saved)
        return dialog

    def open_about(self) -> AboutDialog:
        assistant = self.engine.assistant
        return open_about_dialog(self, assistant.model.path if assistant is not None else None)

    def apply_model_change(self) -> None:
        """Load the newly chosen model now if no task is running; otherwise it takes effect at the next start."""
        if not any(pane.busy for pane in self.panes):
            self.engine.shutdown()
            self.engine.load_in_background()
        else:
            self.statusBar().showMessage(self.tr("The new model is used from the next start."), 8000)

    def apply_temperature(self, temperature: float) -> None:
        """No reload needed: the loaded model samples with the new temperature from the next answer on."""
        if self.engine.assistant is not None:
            self.engine.assistant.temperature = temperature

    def show_summary(self, result: SummaryResult) -> None:
        """Bring a finished summary (e.g. the quick-ask popup's) into 요약."""
        self.show_pane(self.panes.index(self.summarize_pane))
        self.summarize_pane.show_summary(result)

    def show_answer(self, question: str, text: str, result: AnswerResult | None = None) -> None:
        """Bring an answer into 질문: a library answer with its sources and marks (``result``), else the text."""
        self.show_pane(self.panes.index(self.ask_pane))
        self.ask_pane.show_answer(question, text, result)

    def assistant_when_ready(self, cancel: CancelToken) -> Iterator[Event | Assistant]:
        """Used on a task's thread: wait (cancellably) for the model, then hand it over."""
        if self.engine.state != EngineState.READY:
            yield Progress(self.tr("Loading the model…"), None)
            while self.engine.state == EngineState.LOADING and not cancel.cancelled:
                self.engine.wait_loaded(0.1)
            cancel.raise_if_cancelled()
        assistant = self.engine.assistant
        if self.engine.state != EngineState.READY or assistant is None:
            raise ModelNotLoaded()
        if not assistant.engine.alive:
            # The worker died (crash, OOM). Start a fresh one before running the task.
            yield Progress(self.tr("Restarting the model engine…"), None)
            assistant.engine.restart()
        yield assistant

    def _on_engine_state(self, state: str, detail: str) -> None:
        texts = {
            EngineState.IDLE.value: self.tr("Model: not loaded"),
            EngineState.LOADING.value: self.tr("Model: loading {name}…"),
            EngineState.READY.value: self.tr("Model: {name} (ready)"),
            EngineState.FAILED.value: self.tr("Model failed to load: {name}"),
        }
        self.model_label.setText(texts[state].format(name=detail))
        assistant = self.engine.assistant
        if state == EngineState.READY.value and assistant is not None and assistant.model.is_small_or_base:
            self.statusBar().showMessage(
                self.tr("The built-in model is small: answers may be wrong. A larger Korean model does far better.")
            )

    def _offer_load_anyway(self, message: str) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Not enough memory"),
            message + "\n\n" + self.tr("Load the model anyway? The computer may become very slow."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.engine.load_in_background(load_anyway=True)

    # --- drop anywhere on the window to summarize ---------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = take_dropped_files(event)
        if paths:
            self.show_pane(0)
            self.summarize_pane.summarize_files(paths)

    def receive_files(self, paths: list[Path]) -> bool:
        """Files handed over by another launch or the tray: bring the window up and summarize them."""
        self.bring_to_front()
        self.show_pane(0)
        return self.summarize_pane.summarize_files(paths)

    def bring_to_front(self) -> None:
        self.show()
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_for_real(self) -> None:
        """종료: close even when a tray icon would keep Baro running."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_to_tray is not None and not self._quitting:
            event.ignore()
            self.hide()
            self.close_to_tray()
            return
        for pane in self.panes:
            pane.cancel()
        for pane in self.panes:
            pane.wait(CLOSE_WAIT_MS)
        event.accept()
