"""Qt translations: Korean by default, English (the source strings) as the fallback."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.llm.resources import project_root
from app.store.settings import load_settings

I18N_DIR = project_root() / "resources" / "i18n"


def preferred_language() -> str:
    """``BARO_LANG`` if set, else the language chosen in the settings (Korean by default)."""
    explicit = os.environ.get("BARO_LANG")
    if explicit:
        return explicit.split("_")[0].lower()
    return load_settings().settings.language


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"baro_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
