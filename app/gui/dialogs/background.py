"""A small QThread for one slow model-file job (download, import, verify) with progress and a cancel token."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from app.core.cancel import CancelToken
from app.core.errors import BaroError, Cancelled

ProgressFn = Callable[[int, int], None]
Job = Callable[[ProgressFn, CancelToken], object]


class FileJob(QThread):
    progressed = Signal(object, object)  # done, total (Python ints: files can exceed 2**31 bytes)
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self.token)
        except Cancelled as err:
            self.stopped.emit(err.user_message)
        except BaroError as err:
            self.failed.emit(err.user_message)
        except Exception as err:  # a bug must not take the window down; show it instead
            self.failed.emit(f"{type(err).__name__}: {err}")
        else:
            self.succeeded.emit(result)
