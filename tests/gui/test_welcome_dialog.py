"""The first-run welcome: shown once, says what runs locally and which model is active, leads to 모델 관리."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.application import create_app
from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.dialogs.welcome_dialog import WelcomeDialog
from app.gui.engine_controller import EngineController
from app.gui.first_run import after_window_shown, is_first_run, welcome_marker
from app.gui.main_window import MainWindow
from app.llm.catalog import load_catalog


def _window(qtbot: QtBot, *, show: bool = True) -> MainWindow:
    create_app([])
    engine = EngineController(lambda _anyway: (_ for _ in ()).throw(AssertionError("no model load here")))
    window = MainWindow(engine)
    qtbot.addWidget(window)
    if show:
        window.show()
    return window


def test_the_first_start_welcomes_once_and_names_the_small_default_model(qtbot: QtBot) -> None:
    window = _window(qtbot)
    assert is_first_run()
    dialog = after_window_shown(window, window)
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert load_catalog().default.name in dialog.model_label.text()
    assert any(word in dialog.local_label.text() for word in ("this computer", "이 컴퓨터"))
    assert "EXAONE" in dialog.advice_label.text()  # the small model says where better answers come from

    dialog.start_button.click()
    assert not dialog.isVisible()
    assert welcome_marker().is_file() and not is_first_run()
    assert after_window_shown(window, window) is None


def test_get_a_better_model_opens_the_model_manager(qtbot: QtBot) -> None:
    window = _window(qtbot)
    dialog = after_window_shown(window, window)
    assert dialog is not None
    dialog.models_button.click()
    managers = window.findChildren(ModelsDialog)
    assert len(managers) == 1 and managers[0].isVisible()
    assert not is_first_run()
    managers[0].close()


def test_a_window_started_hidden_in_the_tray_keeps_the_welcome_for_later(qtbot: QtBot) -> None:
    window = _window(qtbot, show=False)
    assert after_window_shown(window, window) is None
    assert is_first_run()


def test_the_app_gets_its_icon() -> None:
    app = create_app([])
    app.setWindowIcon(app.windowIcon().__class__())
    window = MainWindow(EngineController(lambda _anyway: (_ for _ in ()).throw(AssertionError("no load"))))
    after_window_shown(window, window)
    assert isinstance(app, QApplication)
    assert {s.width() for s in app.windowIcon().availableSizes()} >= {16, 32, 48, 256}
    window.deleteLater()


def test_a_larger_model_gets_no_small_model_advice(qtbot: QtBot) -> None:
    dialog = WelcomeDialog("EXAONE 3.5 2.4B Instruct (Q4_K_M)", model_is_small=False)
    qtbot.addWidget(dialog)
    assert "EXAONE 3.5 2.4B Instruct" in dialog.model_label.text()
    small = WelcomeDialog("Gemma 3 270M", model_is_small=True)
    qtbot.addWidget(small)
    assert "EXAONE" not in dialog.advice_label.text() and "EXAONE" in small.advice_label.text()
