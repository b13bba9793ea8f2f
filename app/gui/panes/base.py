"""What every pane shares: it runs one task at a time through a TaskRunner into a StreamView."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.events import Done
from app.gui.panes.stream_view import StreamView
from app.gui.runner import TaskFactory, TaskRunner
from app.tasks.assistant import ModelSource

AssistantSource = ModelSource
"""Yields progress while the model loads, then the ready ``Assistant`` (see MainWindow.assistant_when_ready)."""


class TaskPane(QWidget):
    """Subclasses build their inputs and call ``run_task``; the view and cancel wiring live here."""

    task_started = Signal()
    task_finished = Signal(str)  # "done" | "failed" | "cancelled"
    models_requested = Signal()
    """A notice's "더 좋은 모델 받기" link was followed: the window opens 모델 관리."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = StreamView()
        self.view.stop_requested.connect(self.cancel)
        self.view.link_activated.connect(self._follow_link)
        self.runner: TaskRunner | None = None
        self.last_result: Done | None = None
        self.last_error: str = ""
        self._active = False

    @property
    def busy(self) -> bool:
        # Finished means "its result arrived", not "its thread has exited": the thread may still be winding
        # down when the user asks again (TaskRunner keeps itself alive until it has).
        return self._active

    def run_task(self, factory: TaskFactory) -> bool:
        if self.busy:
            return False
        self.last_result = None
        self.last_error = ""
        runner = TaskRunner(factory)
        runner.yielded.connect(self.view.show_event)
        runner.succeeded.connect(self._on_done)
        runner.failed.connect(self._on_failed)
        runner.cancelled.connect(self._on_cancelled)
        self.runner = runner
        self._active = True
        self.view.begin()
        self.set_inputs_enabled(False)
        self.task_started.emit()
        runner.start()
        return True

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.runner.wait(msecs) if self.runner is not None else True

    def _follow_link(self, action: str) -> None:
        if action == "models":
            self.models_requested.emit()

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Subclasses enable or disable their own inputs while a task runs."""

    def _on_done(self, done: Done) -> None:
        self._active = False
        self.last_result = done
        self.view.finish(done)
        self.set_inputs_enabled(True)
        self.task_finished.emit("done")

    def _on_failed(self, message: str) -> None:
        self._active = False
        self.last_error = message
        self.view.fail(message)
        self.set_inputs_enabled(True)
        self.task_finished.emit("failed")

    def _on_cancelled(self, _reason: str = "") -> None:
        self._active = False
        self.view.stopped()
        self.set_inputs_enabled(True)
        self.task_finished.emit("cancelled")
