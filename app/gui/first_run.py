"""After the window shows: give the app its icon and, the first time only, the welcome dialog."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from app import __version__
from app.core.atomic_file import write_text_atomically
from app.core.errors import SaveFailed
from app.core.resources import shipped
from app.gui.dialogs.welcome_dialog import WelcomeDialog
from app.gui.menus import MenuWindow
from app.tasks.models import model_in_use
from app.tasks.settings import app_paths, saved_settings

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = shipped("resources", "icons")
    for size in ICON_SIZES:
        png = folder / f"baro-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon


def welcome_marker() -> Path:
    return app_paths().config / "welcomed"


def is_first_run() -> bool:
    return not welcome_marker().exists()


def mark_welcomed() -> None:
    marker = welcome_marker()
    with suppress(OSError, SaveFailed):  # a read-only settings folder: the welcome shows again next time
        marker.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(marker, __version__ + "\n")


def after_window_shown(window: QMainWindow, intents: MenuWindow) -> WelcomeDialog | None:
    """Set the app icon; on the first run open the welcome over the window (not when it starts hidden in the tray)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    if not is_first_run() or not window.isVisible():
        return None
    model = model_in_use(saved_settings())
    dialog = WelcomeDialog(model.name, model.is_small, window)
    dialog.models_requested.connect(intents.open_models)
    dialog.finished.connect(lambda _result: mark_welcomed())
    dialog.open()
    return dialog
