"""The window's menu: 설정 and 모델 관리."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.gui.dialogs.about_dialog import open_about_dialog
from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.store.settings import Settings


def install_menus(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Baro"))
    models = QAction(QCoreApplication.translate("MainWindow", "Model manager…"), window)
    models.setObjectName("action_models")
    models.triggered.connect(lambda: open_models_dialog(window))
    settings = QAction(QCoreApplication.translate("MainWindow", "Settings…"), window)
    settings.setObjectName("action_settings")
    settings.setShortcut(QKeySequence.StandardKey.Preferences)
    settings.triggered.connect(lambda: open_settings_dialog(window))
    menu.addAction(models)
    menu.addAction(settings)
    about = QAction(QCoreApplication.translate("MainWindow", "About Baro…"), window)
    about.setObjectName("action_about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: open_about_dialog(window))
    menu.addSeparator()
    menu.addAction(about)


def _reload_model(window: QMainWindow) -> None:
    """Load the newly chosen model now if no task is running; otherwise it takes effect at the next start."""
    engine = getattr(window, "engine", None)
    panes = getattr(window, "panes", ())
    if engine is not None and not any(pane.busy for pane in panes):
        engine.shutdown()
        engine.load_in_background()
    else:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The new model is used from the next start."), 8000
        )


def _apply_temperature(window: QMainWindow, temperature: float) -> None:
    """No reload needed: the loaded model samples with the new temperature from the next answer on."""
    engine = getattr(window, "engine", None)
    assistant = getattr(engine, "assistant", None)
    if assistant is not None:
        assistant.temperature = temperature


def _engine_view(settings: Settings) -> tuple[object, ...]:
    return (
        settings.model,
        settings.context_size,
        settings.threads,
        settings.gpu_layers,
        settings.engine,
        settings.engine_url,
        settings.engine_model,
        settings.engine_insecure,
    )


def open_models_dialog(window: QMainWindow) -> ModelsDialog:
    dialog = ModelsDialog(window)
    dialog.model_chosen.connect(lambda _key: _reload_model(window))
    dialog.open()
    return dialog


def open_settings_dialog(window: QMainWindow) -> SettingsDialog:
    dialog = SettingsDialog(window)
    before = dialog.loaded.settings

    def saved(after: Settings) -> None:
        if _engine_view(after) != _engine_view(before):
            _reload_model(window)
        else:
            _apply_temperature(window, after.temperature)

    dialog.saved.connect(saved)
    dialog.open()
    return dialog
