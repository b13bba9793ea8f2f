"""Qt translations. Baro's interface is Korean only.

The tasks and the layers below them speak to the user in Korean (errors that name the file, progress,
notices, the checkers' verdicts), so an English interface setting could only ever show half a window in
English: there is none (issue #18). The Qt source strings are English and stay the fallback should the
catalogue fail to load.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.core.resources import shipped

I18N_DIR = shipped("resources", "i18n")
LANGUAGE = "ko"


def install_translations(app: QCoreApplication) -> list[QTranslator]:
    """Baro's Korean catalogue and Qt's own (standard buttons, dialogs)."""
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"baro_{LANGUAGE}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{LANGUAGE}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
