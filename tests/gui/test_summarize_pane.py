"""The 요약 pane with the real model, real files and a real Qt app (offscreen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core.events import Token
from app.gui.engine_controller import EngineController, EngineState
from app.gui.main_window import MainWindow
from app.store.history import History
from app.store.paths import app_paths
from tests.gui.drops import drop

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
FINISH_MS = 180_000


def test_window_shows_before_the_model_is_loaded(qtbot, window: MainWindow, engine: EngineController) -> None:
    assert window.isVisible()
    assert engine.state in {EngineState.LOADING, EngineState.READY}
    # The state flips on the loading thread; the label follows when its queued signal reaches the GUI thread.
    qtbot.waitUntil(lambda: "준비됨" in window.model_label.text(), timeout=60_000)
    assert engine.state == EngineState.READY
    assert "Gemma" in window.model_label.text()
    assert window.windowTitle().startswith("바로")


def test_summarizes_a_file_with_quotes_first(qtbot, window: MainWindow, report_file: Path) -> None:
    pane = window.summarize_pane
    seen: list[object] = []
    assert pane.summarize_file(report_file)
    assert pane.runner is not None
    pane.runner.yielded.connect(seen.append)
    with qtbot.waitSignal(pane.task_finished, timeout=FINISH_MS) as finished:
        pass
    assert finished.args == ["done"], pane.last_error
    assert pane.state.quotes, "the key sentences are shown"
    html = pane.result.toHtml()
    assert "서울 지사" in html
    assert pane.last_result is not None
    data = pane.last_result.result.to_json()
    assert data["sources"] and all(s["text"] in report_file.read_text(encoding="utf-8") for s in data["sources"])
    assert any(isinstance(e, Token) for e in seen), "the summary streamed"
    assert pane.status.stage_label.text() == "완료 · 답한 곳: Baro 기본 (Gemma 3 270M + Baro 튜닝) · 내 PC"
    history = History.open(app_paths().history_db)
    assert [e.title for e in history.recent("summary")] == ["상반기 보고서"]
    history.close()
    out = report_file.with_name("요약.md")
    assert pane.save_result(out)
    assert "## 출처" in out.read_text(encoding="utf-8")


def test_cancel_mid_stream_leaves_the_pane_usable(qtbot, window: MainWindow, report_file: Path) -> None:
    pane = window.summarize_pane
    pane.length_box.setCurrentIndex(2)
    assert pane.summarize_file(report_file)
    assert pane.runner is not None
    qtbot.waitUntil(lambda: bool(pane.state.text), timeout=FINISH_MS)
    with qtbot.waitSignal(pane.task_finished, timeout=30_000) as finished:
        pane.status.stop_button.click()
    assert finished.args == ["cancelled"]
    assert pane.status.stage_label.text() == "중지됨"
    assert pane.run_button.isEnabled() and pane.open_button.isEnabled()
    with qtbot.waitSignal(pane.task_finished, timeout=FINISH_MS) as again:
        pane.length_box.setCurrentIndex(0)
        pane.run_button.click()
    assert again.args == ["done"], pane.last_error


def test_a_real_drop_starts_a_summary_that_finishes(qtbot, window: MainWindow, report_file: Path) -> None:
    with qtbot.waitSignal(window.summarize_pane.task_finished, timeout=FINISH_MS) as finished:
        drop(window, [report_file])
    assert finished.args == ["done"], window.summarize_pane.last_error
    assert window.summarize_pane.current_file == report_file


def test_dropping_a_folder_or_unsupported_file_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    pane = window.summarize_pane
    drop(pane, [tmp_path])
    assert pane.runner is None
    assert "폴더" in pane.status.notice.text() and tmp_path.name in pane.status.notice.text()
    animation = tmp_path / "움짤.gif"
    animation.write_bytes(b"GIF89a")
    drop(pane, [animation])
    assert "지원하지 않는" in pane.status.notice.text() and "움짤.gif" in pane.status.notice.text()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_dropping_a_fifo_or_a_device_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    pane = window.summarize_pane
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    drop(pane, [fifo, zero])
    assert pane.runner is None
    notice = pane.status.notice.text()
    assert "pipe.txt: 일반 파일이 아니어서" in notice and "zero.txt: 일반 파일이 아니어서" in notice


def test_closing_the_window_shuts_the_worker_down(qtbot, window: MainWindow, engine: EngineController) -> None:
    qtbot.waitUntil(lambda: engine.state == EngineState.READY, timeout=60_000)
    assert engine.assistant is not None
    proc = engine.assistant.engine._child.process
    assert proc is not None and proc.poll() is None
    window.close()
    engine.shutdown()
    assert proc.poll() is not None
