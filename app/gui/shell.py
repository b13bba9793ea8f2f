"""Everything around the main window: tray icon, quick-ask popup, global hotkey, single instance, autostart.

``DesktopShell`` wires them together and is the one place that decides what a tray action, a hotkey press
or a handed-over launch does. The window itself knows only ``close_to_tray`` and ``receive_files``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication

from app.core.atomic_file import write_text_atomically
from app.core.errors import BaroError, SaveFailed
from app.gui import autostart
from app.gui.engine_controller import EngineController
from app.gui.hotkey import GlobalHotkey, HotkeyState
from app.gui.main_window import MainWindow
from app.gui.quick_ask import PopupResult, QuickAskPopup
from app.gui.single_instance import InstanceServer
from app.gui.tray import BaroTray
from app.tasks.library import user_library_db
from app.tasks.results import AnswerResult, SummaryResult
from app.tasks.settings import Settings, app_paths, load_settings, save_settings

QUICK_ASK_FLAG = "--quick-ask"
SUMMARIZE_FLAG = "--summarize"
MINIMIZED_FLAG = autostart.MINIMIZED_FLAG
ENGINE_FLAG = "--engine"


@dataclass(frozen=True)
class LaunchRequest:
    """What a launch asks for: files to summarize, the popup, or starting hidden in the tray."""

    files: list[Path] = field(default_factory=list)
    quick_ask: bool = False
    minimized: bool = False
    engine: str | None = None
    """``baro --engine URL``: this launch's answers come from that team server (not handed over)."""

    def to_args(self) -> list[str]:
        args = [QUICK_ASK_FLAG] if self.quick_ask else []
        if self.files:
            args += [SUMMARIZE_FLAG, *(str(p) for p in self.files)]
        return args


def launch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="baro", add_help=False)
    parser.add_argument(QUICK_ASK_FLAG, action="store_true")
    parser.add_argument(MINIMIZED_FLAG, action="store_true")
    parser.add_argument(SUMMARIZE_FLAG, nargs="*", default=[])
    parser.add_argument(ENGINE_FLAG, default=None)
    return parser


def parse_launch(argv: Sequence[str], cwd: Path | None = None) -> tuple[LaunchRequest, list[str]]:
    """The request in ``argv`` (paths made absolute against ``cwd``) and the arguments left for Qt."""
    known, rest = launch_parser().parse_known_args(list(argv))
    base = cwd or Path.cwd()
    files = [(base / p).absolute() if not Path(p).is_absolute() else Path(p) for p in known.summarize]
    return LaunchRequest(files, known.quick_ask, known.minimized, known.engine), rest


class DesktopShell(QObject):
    def __init__(
        self, app: QApplication, engine: EngineController, window: MainWindow, *, server: InstanceServer | None = None
    ) -> None:
        super().__init__(window)
        self.app = app
        self.engine = engine
        self.window = window
        self.server = server
        self.settings = load_settings().settings
        self.tray = BaroTray(self)
        self.popup = QuickAskPopup(window.assistant_when_ready, user_library_db(), self.open_in_window)
        self.popup.models_requested.connect(window.open_models)
        self.hotkey = GlobalHotkey(self)
        self.reported: set[str] = set()
        self.notices: list[str] = []
        """Every message shown to the user by the shell (tests read it; the tray or a dialog showed it)."""

        self.tray.quick_ask_requested.connect(self.show_quick_ask)
        self.tray.open_window_requested.connect(window.bring_to_front)
        self.tray.summarize_clipboard_requested.connect(self.summarize_clipboard)
        self.tray.settings_requested.connect(self.open_settings)
        self.tray.quit_requested.connect(self.quit)
        self.hotkey.activated.connect(self.show_quick_ask, Qt.ConnectionType.QueuedConnection)
        if server is not None:
            server.arguments_received.connect(self.handle_args)
        window.settings_saved.connect(self.apply_settings)  # hotkey and autostart changes apply at once
        app.aboutToQuit.connect(self._shutdown)

    def start(self, request: LaunchRequest) -> None:
        in_tray = self.tray.show()
        self.app.setQuitOnLastWindowClosed(not in_tray)
        self.window.close_to_tray = self._closed_to_tray if in_tray else None
        if not (request.minimized and in_tray):
            self.window.show()
        self.apply_settings(self.settings)
        self.handle(request)

    # --- requests -------------------------------------------------------------------------------

    def handle_args(self, args: list[str]) -> None:
        request, _ = parse_launch(args)
        if not request.files and not request.quick_ask:
            self.window.bring_to_front()  # a plain second launch: show the window that is already there
        self.handle(request)

    def handle(self, request: LaunchRequest) -> None:
        if request.files:
            self.window.receive_files(request.files)
        if request.quick_ask:
            self.show_quick_ask()

    def show_quick_ask(self) -> None:
        self.popup.popup()

    def summarize_clipboard(self) -> bool:
        clipboard = QApplication.clipboard()
        mime = clipboard.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime is not None else []
        if files:
            return self.window.receive_files(files)
        text = clipboard.text().strip()
        if not text:
            self.tell(QCoreApplication.translate("Shell", "The clipboard holds no text or file to summarize."))
            return False
        folder = app_paths().cache / "clipboard"
        path = folder / f"클립보드 {time.strftime('%Y-%m-%d %H%M%S')}.txt"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_text_atomically(path, text + "\n")
        except OSError as err:
            self.tell(SaveFailed(path, err, replaced_existing=False).user_message)
            return False
        except BaroError as err:
            self.tell(err.user_message)
            return False
        self.popup.popup()
        return self.popup.summarize_file(path)

    def open_in_window(self, shown: PopupResult) -> None:
        self.window.bring_to_front()
        if shown.kind == "summary":
            summary = shown.result if isinstance(shown.result, SummaryResult) else SummaryResult.of_text(shown.text)
            self.window.show_summary(summary)
        else:
            answer = shown.result if isinstance(shown.result, AnswerResult) else None
            self.window.show_answer(shown.question, shown.text, answer)

    def open_settings(self) -> None:
        self.window.bring_to_front()
        self.window.open_settings()

    # --- settings: hotkey and autostart -----------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if settings.hotkey_enabled:
            status = self.hotkey.register(settings.hotkey)
            if status.state != HotkeyState.ACTIVE:
                self.tell(status.message, once=True)
        else:
            self.hotkey.unregister()
        try:
            if settings.start_on_login != autostart.is_enabled():
                autostart.set_autostart(settings.start_on_login)
        except BaroError as err:
            self.tell(err.user_message, once=True)

    def tell(self, message: str, *, once: bool = False) -> None:
        if not message or (once and message in self.reported):
            return
        self.reported.add(message)
        self.notices.append(message)
        if self.tray.visible:
            self.tray.notify(QCoreApplication.translate("Shell", "Baro"), message)
        elif self.window.isVisible():
            self.window.statusBar().showMessage(message, 15000)

    # --- closing and quitting ---------------------------------------------------------------------

    def _closed_to_tray(self) -> None:
        self.popup.hide()
        if self.settings.tray_notice_shown:
            return
        self.tell(
            QCoreApplication.translate(
                "Shell", "Baro keeps running in the tray. To quit, choose Quit in the tray icon's menu."
            )
        )
        self.settings = replace(self.settings, tray_notice_shown=True)
        loaded = load_settings()
        if loaded.writable:
            with suppress(BaroError):  # a read-only settings folder: the notice shows again next time
                save_settings(replace(loaded.settings, tray_notice_shown=True))

    def quit(self) -> None:
        """종료: cancel the popup's task, close the window for real, stop the engine, leave the event loop."""
        self.popup.cancel()
        self.popup.wait(3000)
        self.popup.hide()
        self.window.quit_for_real()
        self.app.quit()

    def _shutdown(self) -> None:
        self.hotkey.unregister()
        self.tray.hide()
        if self.server is not None:
            self.server.close()
        self.engine.shutdown()
