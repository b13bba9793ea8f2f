"""빠른 질문 popup: streams a real answer, Esc cancels, library answers cite sources, a dropped file is summarized."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core.events import Token
from app.gui.application import create_app
from app.gui.main_window import MainWindow
from app.gui.quick_ask import PopupResult, QuickAskPopup
from app.gui.shell import DesktopShell
from app.store.paths import app_paths
from tests.gui.xvfb import collect_qt_garbage  # noqa: F401  (autouse fixture)
from tests.unit.tasks.ask_library import index_folder, write_library

ANSWER_MS = 120_000


@pytest.fixture
def kiwi_loaded() -> None:
    """Load Kiwi on the main thread first: its first import on a task thread, while the GUI thread runs
    Qt events, can crash PySide 6.12's import hook (seen as a segfault in this test when it ran first)."""
    from app.text.kiwi import kiwi

    kiwi()


def _popup(qtbot, window: MainWindow, opened: list[PopupResult], library_db: Path | None = None) -> QuickAskPopup:
    popup = QuickAskPopup(window.assistant_when_ready, library_db or app_paths().ensure().library_db, opened.append)
    qtbot.addWidget(popup)
    return popup


def _tokens_of(popup: QuickAskPopup) -> list[str]:
    tokens: list[str] = []
    assert popup.runner is not None
    popup.runner.yielded.connect(lambda item: tokens.append(item.text) if isinstance(item, Token) else None)
    return tokens


def test_the_popup_is_frameless_on_top_and_stays_on_screen(qtbot) -> None:
    popup = QuickAskPopup(lambda cancel: iter(()), Path("unused.sqlite3"), lambda shown: None)
    qtbot.addWidget(popup)
    flags = popup.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    area = QGuiApplication.primaryScreen().availableGeometry()
    popup.popup(QPoint(area.right() + 5000, area.bottom() + 5000))  # off screen: falls back inside
    assert area.contains(popup.frameGeometry().topLeft()) and popup.isVisible()
    # Whether the window manager activates the popup is not ours to decide; the typing field is what
    # gets the focus inside it (it has it as soon as the popup is active).
    assert popup.focusWidget() is popup.input


@pytest.mark.slow
def test_a_question_streams_an_answer_and_esc_cancels(qtbot, kiwi_loaded: None, window: MainWindow) -> None:
    opened: list[PopupResult] = []
    popup = _popup(qtbot, window, opened)
    popup.popup()
    popup.input.setText("대한민국의 수도는 어디인가요?")  # QTest types ASCII only
    with qtbot.waitSignal(popup.task_finished, timeout=ANSWER_MS) as finished:
        qtbot.keyClick(popup.input, Qt.Key.Key_Return)
        tokens = _tokens_of(popup)
    assert finished.args == ["done"], popup.last_error
    assert tokens and popup.answer_text()  # streamed token by token, shown in the popup
    assert popup.copy_button.isEnabled() and popup.open_button.isEnabled()
    popup.copy_answer()
    assert QApplication.clipboard().text() == popup.answer_text()
    popup.open_in_main_window()
    assert opened[-1].kind == "quick" and opened[-1].text == popup.answer_text()
    assert not popup.isVisible()

    popup.popup()
    popup.input.setText("회의록을 잘 쓰는 방법을 자세히 설명해 주세요.")
    with qtbot.waitSignal(popup.task_finished, timeout=ANSWER_MS) as finished:
        assert popup.ask()
        tokens = _tokens_of(popup)
        qtbot.waitUntil(lambda: bool(tokens), timeout=ANSWER_MS)
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert finished.args == ["cancelled"] and not popup.isVisible()
    assert window.engine.assistant is not None and window.engine.assistant.engine.alive  # engine still usable


@pytest.mark.slow
def test_library_mode_answers_with_sources_and_a_dropped_file_is_summarized(
    qtbot, kiwi_loaded: None, window: MainWindow, tmp_path: Path, report_file: Path
) -> None:
    db = tmp_path / "library.sqlite3"
    index_folder(write_library(tmp_path / "문서"), db)
    opened: list[PopupResult] = []
    popup = _popup(qtbot, window, opened, db)
    popup.popup()
    popup.use_library.setChecked(True)
    popup.input.setText("해외 출장 숙박비는 1박에 얼마까지 지원되나요?")
    with qtbot.waitSignal(popup.task_finished, timeout=ANSWER_MS) as finished:
        assert popup.ask()
    assert finished.args == ["done"], popup.last_error
    data = popup.last_result.result.to_json() if popup.last_result and popup.last_result.result else {}
    assert data["relevant"] and data["sources"][0]["file"].endswith("출장규정.md")
    assert popup.sources_view.isVisible() and "출장규정.md" in popup.sources_view.toPlainText()

    shell = DesktopShell(create_app([]), window.engine, window)
    popup.open_in_main_window()
    shell.open_in_window(opened[-1])
    assert window.stack.currentWidget() is window.ask_pane
    assert window.ask_pane.input.text() == data["question"]
    assert "출장규정.md" in window.ask_pane.sources_view.toPlainText()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report_file))])
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(popup.task_started, timeout=5000):
        popup.dropEvent(drop)
    assert (popup.last_kind, popup.last_file) == ("summary", report_file)
    with qtbot.waitSignal(popup.task_finished, timeout=ANSWER_MS) as summarized:
        tokens = _tokens_of(popup)
    assert summarized.args == ["done"] and tokens, popup.last_error  # the model summarized the dropped file
    summary = popup.last_result.result.to_json() if popup.last_result and popup.last_result.result else {}
    assert summary["sources"]

    popup.open_in_main_window()
    shell.open_in_window(opened[-1])
    pane = window.summarize_pane
    assert window.stack.currentWidget() is pane and pane.result.isVisible(), "shown where 요약 shows results"
    shown = pane.result.toPlainText()
    assert summary["sources"][0]["text"] in shown, "with its key sentences"
    assert all(s in shown for s in summary["summary"].split()[:3]), "and the summary itself"
