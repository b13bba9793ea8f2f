"""Run by test_tray.py in a child process with Qt on Xvfb (+ trayer): the real tray, close-to-tray and 종료.

Prints one JSON line of what it saw. Needs BARO_HOME and BARO_TEST_MODEL (a GGUF path) in the environment.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from app.gui.application import create_app
from app.gui.engine_controller import EngineController, EngineState
from app.gui.main_window import MainWindow
from app.gui.shell import DesktopShell, LaunchRequest
from app.store.settings import load_settings
from app.tasks.assistant import default_model
from app.tasks.model_choice import ModelPlan


def main() -> int:
    model = Path(os.environ["BARO_TEST_MODEL"])
    app = create_app([])
    engine = EngineController(lambda _anyway: ModelPlan(default_model(model.parent, n_ctx=512), 1, 0))
    window = MainWindow(engine)
    shell = DesktopShell(app, engine, window)
    seen: dict[str, Any] = {"tray_available": QSystemTrayIcon.isSystemTrayAvailable()}
    shell.start(LaunchRequest())
    engine.load_in_background()
    seen["tray_visible"] = shell.tray.visible
    seen["window_visible_at_start"] = window.isVisible()
    seen["menu"] = [a.objectName() for a in shell.tray.menu.actions() if a.objectName()]
    seen["menu_texts"] = [a.text() for a in shell.tray.menu.actions() if a.objectName()]

    def close_twice() -> None:
        seen["engine_ready"] = engine.wait_loaded(30)
        assistant = engine.assistant
        seen["engine_alive_before_quit"] = assistant is not None and assistant.engine.alive
        seen["engine_pid"] = assistant.engine.pid if assistant is not None else None
        window.close()
        seen["window_visible_after_close"] = window.isVisible()
        seen["notices_after_first_close"] = list(shell.notices)
        seen["notice_saved"] = load_settings().settings.tray_notice_shown
        window.bring_to_front()
        window.close()
        seen["notices_after_second_close"] = list(shell.notices)
        QTimer.singleShot(200, still_running)

    def still_running() -> None:
        seen["still_running_after_close"] = True
        shell.tray.actions["quit"].trigger()

    QTimer.singleShot(100, close_twice)
    QTimer.singleShot(60_000, app.quit)  # a safety net; the scenario ends through 종료 long before
    code = app.exec()
    seen["exit_code"] = code
    seen["engine_state_after_quit"] = engine.state.value
    seen["engine_stopped"] = engine.assistant is None and engine.state == EngineState.IDLE
    pid = seen.get("engine_pid")
    seen["worker_process_gone"] = pid is not None and not Path(f"/proc/{pid}").exists()
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
