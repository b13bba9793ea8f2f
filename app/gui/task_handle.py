"""A pane's handle on its task: one run at a time on the GUI's one runner, its outcome as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.events import Done
from app.gui.runner import TaskFactory, TaskRunner


class TaskHandle(QObject):
    started = Signal()
    yielded = Signal(object)
    """Every event the task yields, in order (on the GUI thread)."""
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner: TaskRunner | None = None
        self.last_result: Done | None = None
        self.last_error = ""
        self._active = False

    @property
    def busy(self) -> bool:
        # Finished means "its result arrived", not "its thread has exited": the thread may still be winding
        # down when the user asks again (TaskRunner keeps itself alive until it has).
        return self._active

    def run(self, factory: TaskFactory) -> bool:
        if self._active:
            return False
        self.last_result = None
        self.last_error = ""
        runner = TaskRunner(factory)
        runner.yielded.connect(self.yielded)
        runner.succeeded.connect(self._succeeded)
        runner.failed.connect(self._failed)
        runner.cancelled.connect(self._cancelled)
        self.runner = runner
        self._active = True
        self.started.emit()
        runner.start()
        return True

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.runner.wait(msecs) if self.runner is not None else True

    def _succeeded(self, done: Done) -> None:
        self._active = False
        self.last_result = done
        self.done.emit(done)

    def _failed(self, message: str) -> None:
        self._active = False
        self.last_error = message
        self.failed.emit(message)

    def _cancelled(self, reason: str) -> None:
        self._active = False
        self.cancelled.emit(reason)
