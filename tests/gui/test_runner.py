"""The GUI's one background runner: task generators and file jobs, one lifetime and one failure mapping."""

from __future__ import annotations

import gc
import time

from app.core.cancel import CancelToken
from app.core.errors import BaroError, Cancelled
from app.core.events import Done, Progress
from app.gui.runner import ProgressFn, TaskRunner
from tests.gui.xvfb import collect_qt_garbage  # noqa: F401  (autouse fixture)


def test_a_task_streams_its_events_then_succeeds_with_its_done(qtbot) -> None:
    seen: list[object] = []
    runner = TaskRunner(lambda cancel: iter([Progress("읽는 중"), Done("끝")]))
    runner.yielded.connect(seen.append)
    with qtbot.waitSignal(runner.succeeded, timeout=5000) as done:
        runner.start()
    assert done.args[0] == Done("끝") and seen == [Progress("읽는 중"), Done("끝")]


def test_a_job_reports_progress_and_its_failures_in_korean(qtbot) -> None:
    def job(progress: ProgressFn, cancel: CancelToken) -> object:
        progress(5, 10)
        progress(10, 10)
        return "model"

    runner = TaskRunner.of_job(job)
    steps: list[tuple[int, int]] = []
    runner.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(runner.succeeded, timeout=5000) as done:
        runner.start()
    assert done.args == ["model"] and steps == [(5, 10), (10, 10)]

    def broken(progress: ProgressFn, cancel: CancelToken) -> object:
        raise BaroError("모델 파일을 읽을 수 없습니다.")

    failing = TaskRunner.of_job(broken)
    with qtbot.waitSignal(failing.failed, timeout=5000) as failed:
        failing.start()
    assert failed.args == ["모델 파일을 읽을 수 없습니다."]


def test_a_runner_nobody_holds_keeps_running_until_cancelled(qtbot) -> None:
    """Qt aborts the process when a running QThread is collected: a closed dialog's download must not."""

    def waits(progress: ProgressFn, cancel: CancelToken) -> object:
        while not cancel.cancelled:
            time.sleep(0.01)
        raise Cancelled("내려받기를 멈췄습니다.")

    reasons: list[str] = []
    runner = TaskRunner.of_job(waits)
    runner.cancelled.connect(reasons.append)
    runner.start()
    del runner
    gc.collect()
    (alive,) = [r for r in TaskRunner._running if r._job is waits]
    alive.cancel()
    qtbot.waitUntil(lambda: alive not in TaskRunner._running, timeout=5000)
    assert reasons == ["내려받기를 멈췄습니다."]
