"""The tray icon and its menu: 빠른 질문, 창 열기, 클립보드 요약, 설정, 종료.

It only emits signals; the shell (``app.gui.shell``) decides what each one does. A left click opens the
quick-ask popup, so the icon is the way in wherever a global hotkey cannot work (Wayland).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.core.resources import shipped

ICON_DIR = shipped("resources", "icons")


def baro_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = ICON_DIR / f"baro-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


class BaroTray(QObject):
    quick_ask_requested = Signal()
    open_window_requested = Signal()
    summarize_clipboard_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.actions: dict[str, QAction] = {}
        for name, text, signal in (
            ("quick_ask", self.tr("Quick ask"), self.quick_ask_requested),
            ("open_window", self.tr("Open window"), self.open_window_requested),
            ("summarize_clipboard", self.tr("Summarize clipboard"), self.summarize_clipboard_requested),
            ("settings", self.tr("Settings"), self.settings_requested),
            ("quit", self.tr("Quit"), self.quit_requested),
        ):
            if name == "quit":
                self.menu.addSeparator()
            action = self.menu.addAction(text)
            action.setObjectName(f"tray_{name}")
            action.triggered.connect(signal)
            self.actions[name] = action
        self.icon = QSystemTrayIcon(baro_icon(), self)
        self.icon.setToolTip(self.tr("Baro — click to ask"))
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Show the icon when the desktop has a tray; False when it has none."""
        if not self.available():
            return False
        self.icon.show()
        return True

    def hide(self) -> None:
        self.icon.hide()

    @property
    def visible(self) -> bool:
        return self.icon.isVisible()

    def notify(self, title: str, message: str) -> None:
        self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.quick_ask_requested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.DoubleClick:
            self.open_window_requested.emit()
