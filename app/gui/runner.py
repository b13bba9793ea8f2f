"""The GUI's one background runner: a task generator (or a file job) on a QThread, its events re-emitted as
Qt signals (GUI-thread safe). The panes, the library panel and 모델 관리 all run their work through it, so a
thread's lifetime and the mapping of its failures to one Korean line exist once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from PySide6.QtCore import QThread, Signal

from app.core.cancel import CancelToken
from app.core.errors import BaroError, Cancelled
from app.core.events import Done, Event

TaskFactory = Callable[[CancelToken], Iterator[Event]]
ProgressFn = Callable[[int, int], None]
Job = Callable[[ProgressFn, CancelToken], object]
"""A file job (download, import, verify): reports (done, total) bytes and returns its result."""


class TaskRunner(QThread):
    """One run of one task. ``cancel()`` may be called from the GUI thread at any time."""

    _running: ClassVar[set[TaskRunner]] = set()
    """Qt aborts the process if a QThread is destroyed while it runs: a pane that starts a new task (or a
    dialog that closes) before the old one has wound down must not let the garbage collector take it."""

    yielded = Signal(object)
    progressed = Signal(object, object)  # a job's done, total (Python ints: files can exceed 2**31 bytes)
    succeeded = Signal(object)  # a task's Done event, a job's result
    failed = Signal(str)
    cancelled = Signal(str)  # what was stopped, in Korean

    def __init__(self, factory: TaskFactory | None = None, *, job: Job | None = None) -> None:
        super().__init__()
        if (factory is None) == (job is None):
            raise ValueError("TaskRunner runs a task factory or a job")
        self._factory = factory
        self._job = job
        self.token = CancelToken()

    @classmethod
    def of_job(cls, job: Job) -> TaskRunner:
        return cls(job=job)

    def cancel(self) -> None:
        self.token.cancel()

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        TaskRunner._running.add(self)
        self.finished.connect(self._release)
        super().start(priority)

    def _release(self) -> None:
        TaskRunner._running.discard(self)

    def run(self) -> None:
        try:
            result = self._run_job() if self._job is not None else self._run_task()
            if self.token.cancelled:
                raise Cancelled()
            if result is None:
                self.failed.emit("작업이 결과 없이 끝났습니다.")
            else:
                self.succeeded.emit(result)
        except Cancelled as err:
            self.cancelled.emit(err.user_message)
        except BaroError as err:
            self.failed.emit(err.user_message)
        except Exception as err:  # a bug must not take the window down; show it instead
            self.failed.emit(f"예상하지 못한 오류: {type(err).__name__}: {err}")

    def _run_task(self) -> Done | None:
        assert self._factory is not None
        done: Done | None = None
        for item in self._factory(self.token):
            if isinstance(item, Done):
                done = item
            self.yielded.emit(item)
        return done

    def _run_job(self) -> object:
        assert self._job is not None
        return self._job(self.progressed.emit, self.token)
