"""Start the desktop app: the window first, the model in the background.

A launch while Baro already runs hands its request (files, ``--quick-ask``) to that instance and exits.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.errors import BaroError
from app.gui.dialogs.disclosure import confirm_sending
from app.gui.engine_controller import EngineController
from app.gui.first_run import after_window_shown
from app.gui.i18n import install_translations
from app.gui.look import apply_look
from app.gui.main_thread_gc import MainThreadCollector
from app.gui.main_window import MainWindow
from app.gui.shell import DesktopShell, parse_launch
from app.gui.single_instance import InstanceServer, hand_over
from app.tasks.documents import keep_recognised_pages
from app.tasks.model_choice import ModelPlan, plan_engine, plan_model
from app.tasks.request_preview import settings_preview
from app.tasks.settings import Settings, app_paths, load_settings
from app.tasks.team_server import requested_host


class EnginePlanner:
    """Plans the engine from the settings (and ``baro --engine URL``); a team server only once the user has
    seen what is sent to that host and agreed (``confirm_sending``), else this PC."""

    def __init__(self, engine_url: str | None = None) -> None:
        self.engine_url = engine_url

    def pending_disclosure(self, settings: Settings | None = None) -> str | None:
        """The server host the user has not yet agreed to send to, if one would answer."""
        settings = settings or load_settings().settings
        host = requested_host(settings, self.engine_url)
        return host if host is not None and host != settings.engine_disclosed_host else None

    def preview(self) -> str:
        """The exact request of one example question to the server that would answer."""
        return settings_preview(load_settings().settings, self.engine_url)

    def __call__(self, load_anyway: bool) -> ModelPlan:
        models = app_paths().ensure().models
        settings = load_settings().settings
        if self.pending_disclosure(settings) is not None:
            return plan_model(settings, models, load_anyway=load_anyway)
        return plan_engine(settings, models, server_url=self.engine_url, load_anyway=load_anyway)


def data_folder_problem() -> str | None:
    """Why Baro cannot keep its data (e.g. a read-only home), in Korean with the folder; None when it can."""
    try:
        app_paths().ensure()
    except BaroError as err:
        return str(err)
    return None


def import_korean_analyser() -> None:
    """Import Kiwi's native module on the GUI thread: its first import on a task thread has crashed Qt.

    (Building the analyser, the slow part, still happens on the first task's thread.)
    """
    import kiwipiepy  # noqa: F401


def create_app(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName("Baro")
    app.setApplicationDisplayName("바로")
    app.setOrganizationName("Baro")
    install_translations(app)
    apply_look(app)
    return app


def main(argv: Sequence[str] = ()) -> int:
    request, qt_args = parse_launch(argv)
    if hand_over(request.to_args()):
        return 0
    app = create_app(qt_args)
    if (problem := data_folder_problem()) is not None:
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "Baro cannot start"), problem)
        return 1
    collector = MainThreadCollector(app)
    app.aboutToQuit.connect(collector.stop)
    import_korean_analyser()
    keep_recognised_pages()
    server = InstanceServer()
    if not server.listen() and hand_over(request.to_args()):
        return 0  # another instance started at the same moment and won
    planner = EnginePlanner(request.engine)
    engine = EngineController(planner)
    window = MainWindow(engine)
    shell = DesktopShell(app, engine, window, server=server)
    shell.start(request)
    after_window_shown(window, window)
    if (host := planner.pending_disclosure()) is not None:
        confirm_sending(window, host, planner.preview())
    engine.load_in_background()
    return app.exec()
