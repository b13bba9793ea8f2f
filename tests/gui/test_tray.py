"""Tray icon: its menu and what each action does (offscreen), and the real tray under Xvfb + trayer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.gui.application import create_app
from app.gui.engine_controller import EngineController
from app.gui.main_window import MainWindow
from app.gui.shell import DesktopShell
from app.gui.tray import BaroTray
from app.tasks.model_choice import ModelPlan
from tests.gui.xvfb import XDisplay, collect_qt_garbage, xvfb_display  # noqa: F401  (fixtures)

MENU = ["tray_quick_ask", "tray_open_window", "tray_summarize_clipboard", "tray_settings", "tray_quit"]


def _never_loads(_anyway: bool) -> ModelPlan:
    raise AssertionError("these tests do not load a model")


@pytest.fixture
def shell(qtbot) -> Iterator[DesktopShell]:
    app = create_app([])
    engine = EngineController(_never_loads)
    window = MainWindow(engine)
    qtbot.addWidget(window)
    shell = DesktopShell(app, engine, window)
    qtbot.addWidget(shell.popup)
    yield shell
    shell.popup.hide()
    shell.hotkey.unregister()
    window.quit_for_real()


def test_the_menu_holds_the_five_actions_in_order(qtbot) -> None:
    tray = BaroTray()
    assert [a.objectName() for a in tray.menu.actions() if a.objectName()] == MENU
    assert tray.menu.actions()[-1].objectName() == "tray_quit"
    for name, signal in (
        ("quick_ask", tray.quick_ask_requested),
        ("open_window", tray.open_window_requested),
        ("summarize_clipboard", tray.summarize_clipboard_requested),
        ("settings", tray.settings_requested),
        ("quit", tray.quit_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            tray.actions[name].trigger()


def test_quick_ask_and_open_window_actions(qtbot, shell: DesktopShell) -> None:
    assert not shell.popup.isVisible() and not shell.window.isVisible()
    shell.tray.actions["quick_ask"].trigger()
    assert shell.popup.isVisible()
    shell.tray.actions["open_window"].trigger()
    assert shell.window.isVisible()


def test_summarize_clipboard_text_starts_a_summary_of_it(qtbot, shell: DesktopShell, baro_home: Path) -> None:
    text = "서울 지사의 상반기 매출은 120억 원으로 지난해보다 15% 늘었다."
    QApplication.clipboard().setText(text)
    with qtbot.waitSignal(shell.popup.task_finished, timeout=10_000) as finished:
        shell.tray.actions["summarize_clipboard"].trigger()
    # No model was loaded in this test, so the task ends by saying so; the text was handed to it.
    assert finished.args == ["failed"] and "모델" in shell.popup.last_error
    assert shell.popup.last_file is not None
    saved = shell.popup.last_file
    assert saved.is_relative_to(baro_home) and saved.read_text(encoding="utf-8").strip() == text
    assert shell.popup.isVisible()


def test_summarize_clipboard_when_empty_says_so(qtbot, shell: DesktopShell) -> None:
    QApplication.clipboard().clear()
    assert not shell.tray.actions["summarize_clipboard"].trigger() and shell.notices
    assert not shell.popup.busy


def test_settings_action_opens_the_settings_dialog(qtbot, shell: DesktopShell) -> None:
    from app.gui.dialogs.settings_dialog import SettingsDialog

    shell.tray.actions["settings"].trigger()
    dialogs = shell.window.findChildren(SettingsDialog)
    assert dialogs and dialogs[-1].isVisible()
    assert dialogs[-1].hotkey_enabled.isChecked()
    dialogs[-1].reject()


def test_without_a_tray_closing_the_window_closes_it(qtbot, shell: DesktopShell) -> None:
    shell.window.show()
    assert shell.window.close_to_tray is None  # offscreen has no tray host
    assert shell.window.close()
    assert not shell.window.isVisible()


@pytest.mark.xvfb
@pytest.mark.slow
def test_real_tray_close_keeps_running_and_quit_stops_the_engine(
    xvfb_display: XDisplay,  # noqa: F811
    default_model_path: Path,
    baro_home: Path,
) -> None:
    done = xvfb_display.run_on_display(
        ["-m", "tests.gui.tray_scenario"], env={"BARO_TEST_MODEL": str(default_model_path)}
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["tray_available"] and seen["tray_visible"]
    assert seen["menu"] == MENU
    assert seen["engine_ready"] and seen["engine_alive_before_quit"]
    # Closing the window hides it, says once that Baro stays in the tray, and remembers that it said so.
    assert seen["window_visible_after_close"] is False and seen["still_running_after_close"]
    assert len(seen["notices_after_first_close"]) == 1 and seen["notice_saved"]
    assert seen["notices_after_second_close"] == seen["notices_after_first_close"]
    # 종료 really quits: the event loop ends and the engine's worker process is gone.
    assert seen["exit_code"] == 0 and seen["engine_stopped"] and seen["worker_process_gone"]
