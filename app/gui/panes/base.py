"""What every pane shares: a handle on its one task at a time, and the task's status line.

A pane owns its output: 요약 renders the summary, 초안 writes into its editor, 질문 and the popup stream the
answer into a ``StreamingPane``'s ``StreamView``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.events import Done
from app.gui.panes.stream_view import StreamView
from app.gui.panes.task_status import TaskStatus
from app.gui.runner import TaskFactory, TaskRunner
from app.gui.task_handle import TaskHandle
from app.tasks.assistant import ModelSource

AssistantSource = ModelSource
"""Yields progress while the model loads, then the ready ``Assistant`` (see MainWindow.assistant_when_ready)."""


class TaskPane(QWidget):
    """Subclasses build their inputs and output and call ``run_task``; the task and its status live here."""

    task_started = Signal()
    task_finished = Signal(str)  # "done" | "failed" | "cancelled"
    models_requested = Signal()
    """A notice's "더 좋은 모델 받기" link was followed: the window opens 모델 관리."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = TaskHandle(self)
        self.status = TaskStatus()
        self.status.stop_requested.connect(self.cancel)
        self.status.link_activated.connect(self._follow_link)
        self.task.yielded.connect(self.status.show_event)
        self.task.done.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)

    @property
    def busy(self) -> bool:
        return self.task.busy

    @property
    def runner(self) -> TaskRunner | None:
        return self.task.runner

    @property
    def last_result(self) -> Done | None:
        return self.task.last_result

    @last_result.setter
    def last_result(self, done: Done | None) -> None:
        self.task.last_result = done

    @property
    def last_error(self) -> str:
        return self.task.last_error

    def run_task(self, factory: TaskFactory) -> bool:
        if self.busy:
            return False
        self._begin()
        self.set_inputs_enabled(False)
        self.task.run(factory)
        self.task_started.emit()
        return True

    def cancel(self) -> None:
        self.task.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.task.wait(msecs)

    def _follow_link(self, action: str) -> None:
        if action == "models":
            self.models_requested.emit()

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Subclasses enable or disable their own inputs while a task runs."""

    def _begin(self) -> None:
        self.status.begin()

    def _on_done(self, done: Done) -> None:
        self.status.finish(done)
        self.set_inputs_enabled(True)
        self.task_finished.emit("done")

    def _on_failed(self, message: str) -> None:
        self.status.fail(message)
        self.set_inputs_enabled(True)
        self.task_finished.emit("failed")

    def _on_cancelled(self, _reason: str = "") -> None:
        self.status.stopped()
        self.set_inputs_enabled(True)
        self.task_finished.emit("cancelled")


class StreamingPane(TaskPane):
    """A pane whose answer streams in as it is written (질문, the quick-ask popup)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = StreamView()
        self.task.yielded.connect(self.view.show_event)

    def _begin(self) -> None:
        super()._begin()
        self.view.begin()

    def _on_done(self, done: Done) -> None:
        self.view.finish(done)
        super()._on_done(done)
