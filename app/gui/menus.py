"""The window's menu (설정, 모델 관리, 정보) and the dialogs behind it, opened for a window that says what a
change means (``MenuWindow``: reload the model, or only take the new temperature)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from app.gui.dialogs.models_dialog import ModelsDialog
from app.gui.dialogs.settings_dialog import SettingsDialog
from app.tasks.settings import Settings


class MenuWindow(Protocol):
    """What the menu's dialogs ask of the window they belong to (MainWindow implements it)."""

    def open_models(self) -> object: ...
    def open_settings(self) -> object: ...
    def open_about(self) -> object: ...
    def apply_model_change(self) -> None: ...
    def apply_temperature(self, temperature: float) -> None: ...


def install_menus(window: QMainWindow, intents: MenuWindow) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Baro"))
    models = QAction(QCoreApplication.translate("MainWindow", "Model manager…"), window)
    models.setObjectName("action_models")
    models.triggered.connect(intents.open_models)
    settings = QAction(QCoreApplication.translate("MainWindow", "Settings…"), window)
    settings.setObjectName("action_settings")
    settings.setShortcut(QKeySequence.StandardKey.Preferences)
    settings.triggered.connect(intents.open_settings)
    menu.addAction(models)
    menu.addAction(settings)
    about = QAction(QCoreApplication.translate("MainWindow", "About Baro…"), window)
    about.setObjectName("action_about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(intents.open_about)
    menu.addSeparator()
    menu.addAction(about)


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


def open_models_dialog(parent: QWidget, intents: MenuWindow) -> ModelsDialog:
    dialog = ModelsDialog(parent)
    dialog.model_chosen.connect(lambda _key: intents.apply_model_change())
    dialog.open()
    return dialog


def open_settings_dialog(parent: QWidget, intents: MenuWindow) -> SettingsDialog:
    """The settings dialog; a saved change reloads the model only when it changes the engine."""
    dialog = SettingsDialog(parent)
    before = dialog.loaded.settings

    def saved(after: Settings) -> None:
        if _engine_view(after) != _engine_view(before):
            intents.apply_model_change()
        else:
            intents.apply_temperature(after.temperature)

    dialog.saved.connect(saved)
    dialog.open()
    return dialog
