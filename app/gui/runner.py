"""Run a task generator on a QThread and re-emit its events as Qt signals (GUI-thread safe)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from PySide6.QtCore import QThread, Signal

from app.core.cancel import CancelToken
from app.core.errors import BaroError, Cancelled
from app.core.events import Done, Event

TaskFactory = Callable[[CancelToken], Iterator[Event]]


class TaskRunner(QThread):
    """One run of one task. ``cancel()`` may be called from the GUI thread at any time."""

    _running: ClassVar[set[TaskRunner]] = set()
    """Qt aborts the process if a QThread is destroyed while it runs: a pane that starts a new task (or
    goes away) before the old one has wound down must not let the garbage collector take it."""

    yielded = Signal(object)
    succeeded = Signal(object)  # the Done event
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, factory: TaskFactory, parent: object | None = None) -> None:
        super().__init__()
        self._factory = factory
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        TaskRunner._running.add(self)
        self.finished.connect(self._release)
        super().start(priority)

    def _release(self) -> None:
        TaskRunner._running.discard(self)

    def run(self) -> None:
        done: Done | None = None
        try:
            for item in self._factory(self.token):
                if isinstance(item, Done):
                    done = item
                self.yielded.emit(item)
            if self.token.cancelled:
                self.cancelled.emit()
            elif done is not None:
                self.succeeded.emit(done)
            else:
                self.failed.emit("작업이 결과 없이 끝났습니다.")
        except Cancelled:
            self.cancelled.emit()
        except BaroError as err:
            self.failed.emit(err.user_message)
        except Exception as err:  # a bug must not take the window down; show it instead
            self.failed.emit(f"예상하지 못한 오류: {type(err).__name__}: {err}")
